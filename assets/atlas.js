/* 1+MG Atlas clientside helpers (no network access, no eval). */
window.dash_clientside = Object.assign({}, window.dash_clientside, {
  atlas: {
    /* Put the page's view state in the address bar without re-rendering the page. */
    syncUrl: function (search) {
      var nu = window.dash_clientside.no_update;
      if (typeof search !== "string") { return nu; }
      var want = window.location.pathname + search;
      if (window.location.pathname + window.location.search !== want) {
        window.history.replaceState(window.history.state, "", want);
      }
      return nu;
    },
    /* "Show as table" toggle of a chart card. */
    toggle: function (n, isOpen) {
      if (!n) { return [isOpen, window.dash_clientside.no_update]; }
      return [!isOpen, !isOpen ? "Hide table" : "Show as table"];
    },
    /* Ask the card's AG Grid to export what it holds as CSV. */
    exportCsv: function (n) {
      return n ? true : window.dash_clientside.no_update;
    },
    /* dcc.Slider (Dash 4) cannot name its thumb (role="slider"): point the thumb inside the
       slider `sliderId` at the visible label `labelId`. Triggered when the slider is redrawn
       (e.g. its max changes); writes nothing. */
    nameSliderThumb: function (_redrawn, sliderId, labelId) {
      var t = document.querySelector('#' + sliderId + ' [role="slider"]');
      if (t) { t.setAttribute('aria-labelledby', labelId); }
      return window.dash_clientside.no_update;
    }
  }
});
