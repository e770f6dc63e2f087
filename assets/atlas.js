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
    },
    /* Country profile: rewrite /country/fin or /country/FI to the canonical /country/FIN without
       a reload or a new history entry (a redirect the back button cannot loop on). */
    canonicalPath: function (c) {
      if (c && c.path && window.location.pathname !== c.path) {
        window.history.replaceState(window.history.state, "", c.path + window.location.search);
      }
      return window.dash_clientside.no_update;
    },
    /* Country profile, printing: redraw the genome chart at the A4 content width (print.css
       hides the rest of the controls), and give it back its screen size afterwards. Registered
       once per browser tab. */
    printSize: function (c) {
      if (!window.atlasCountryPrint) {
        window.atlasCountryPrint = true;
        var gd = function () {
          return document.querySelector("#country-genomes-graph .js-plotly-plot");
        };
        var box = function () { return document.getElementById("country-genomes-graph"); };
        var screenHeight = null;
        window.addEventListener("beforeprint", function () {
          var g = gd(), b = box();
          if (!g || !b || !window.Plotly || !(g.data || []).length) { return; }
          var h = Math.min(240 + 17 * Math.ceil((g.data || []).length / 2), 480);
          screenHeight = b.style.height;
          b.style.height = h + "px";
          window.Plotly.relayout(g, {width: 700, height: h, "legend.font.size": 9,
                                     "legend.entrywidth": 0.5,
                                     "legend.entrywidthmode": "fraction"});
        });
        window.addEventListener("afterprint", function () {
          var g = gd(), b = box();
          if (!g || !b || !window.Plotly || screenHeight === null) { return; }
          b.style.height = screenHeight;
          screenHeight = null;
          window.Plotly.relayout(g, {width: null, height: null, autosize: true,
                                     "legend.font.size": 11, "legend.entrywidth": null,
                                     "legend.entrywidthmode": null});
        });
      }
      return window.dash_clientside.no_update;
    }
  }
});

/* First paint (web/first_paint.py): the server's static rendition lies over the app while it
   mounts; remove it once the app shows the page (its heading, its KPI figures and, on /, the map
   drawn), or 3 s after the heading at the latest. Removing it moves nothing (it is out of flow). */
(function () {
  var since = null;
  var ready = function () {
    var main = document.getElementById("app-main");
    if (!main || !main.querySelector("h1")) { return false; }
    since = since || Date.now();
    if (Date.now() - since > 3000) { return true; }
    var kpis = main.querySelectorAll(".kpi-value");
    for (var i = 0; i < kpis.length; i++) { if (kpis[i].textContent === "…") { return false; } }
    var map = document.getElementById("overview-map-graph");
    return !map || !!map.querySelector(".choroplethlayer path");
  };
  var check = function () {
    var fp = document.getElementById("app-first-paint");
    if (!fp) { return true; }
    if (!ready()) { return false; }
    fp.remove();
    return true;
  };
  if (check()) { return; }
  var mo = new MutationObserver(function () { if (check()) { mo.disconnect(); } });
  mo.observe(document.documentElement, {childList: true, subtree: true});
  var timer = setInterval(function () { if (check()) { clearInterval(timer); mo.disconnect(); } }, 500);
})();
