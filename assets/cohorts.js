/* The cohort explorer's clientside wiring (pages/cohorts.py registers the callback). */
window.dash_clientside = Object.assign({}, window.dash_clientside, {
  cohorts: {
    /* On a phone the pinned name column is narrower (its text wraps), so the columns scrolling
       beside it stay readable. Runs when the rows arrive; writes nothing back. */
    fitGrid: function () {
      var narrow = window.matchMedia('(max-width: 575.98px)').matches;
      if (narrow && window.dash_ag_grid && window.dash_ag_grid.getApiAsync) {
        window.dash_ag_grid.getApiAsync('cohorts-grid').then(function (api) {
          var col = api.getColumn('name');
          if (col && col.getActualWidth() !== 150) api.setColumnWidths([{key: 'name', newWidth: 150}]);
        }).catch(function () {});
      }
      return window.dash_clientside.no_update;
    }
  }
});
