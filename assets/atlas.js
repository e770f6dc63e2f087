/* 1+MG Atlas clientside helpers (no network access, no eval). */
window.dash_clientside = Object.assign({}, window.dash_clientside, {
  atlas: {
    /* "Embed" (components/embed.py): the <iframe> snippet of the current view, with the shown
       release (the page's ?release=, else the footer's); the card's embed path and height sit on
       its label's data attributes. */
    embedSnippet: function (n, isOpen, collapseId) {
      var chart = collapseId.replace(/-embed-collapse$/, "");
      var label = document.getElementById(chart + "-embed-label");
      var params = new URLSearchParams(window.location.search);
      var rel = params.get("release");
      var shown = document.getElementById("app-release");
      var m = shown && /Data release (\S+)/.exec(shown.textContent || "");
      if (!rel && m) { rel = m[1]; }
      params.delete("release");
      if (rel) { params.set("release", rel); }
      var qs = params.toString();
      var path = (label && label.getAttribute("data-embed")) || "";
      var height = (label && label.getAttribute("data-height")) || "520";
      var src = window.location.origin + path + (qs ? "?" + qs : "");
      var head = document.getElementById(chart + "-title");
      var title = "1+MG Atlas: " + ((head && head.textContent) || "chart").replace(/&/g, "&amp;")
        .replace(/"/g, "&quot;").replace(/</g, "&lt;");
      return [!isOpen, "<iframe src=\"" + src.replace(/&/g, "&amp;") + "\" title=\"" + title +
        "\" width=\"100%\" height=\"" + height + "\" style=\"border:0\" loading=\"lazy\"></iframe>"];
    },
    embedCopy: function (n, code, areaId) {
      var area = document.getElementById(areaId);
      if (area) { area.focus(); area.select(); }
      var fallback = function () { try { document.execCommand("copy"); } catch (e) { /* none */ } };
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(code).catch(fallback);
      } else { fallback(); }
      return "Copied: paste it into your page's HTML.";
    },
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
    /* A chart card's grid, mounted only when needed (AG Grid's chunk loads with it): when "Show
       as table" first opens or "Download CSV" is pressed (then it exports at once). Once mounted,
       new rows, column defs or CSV parameters go to the grid, and "Download CSV" asks it to
       export. Inputs: toggle and CSV clicks, rows, cols, CSV params; State: the grid's settings
       (Store written by chart_card) and what the slot holds. */
    mountGrid: function (_toggle, _csv, rows, cols, csv, grid, mounted) {
      var dc = window.dash_clientside, ctx = dc.callback_context;
      var trig = (ctx.triggered || []).map(function (t) { return t.prop_id; }).join(" ");
      var wantsCsv = /-csv\.n_clicks/.test(trig);
      var gridId = grid.props.id;
      if (mounted) {
        var upd = {rowData: rows || [], columnDefs: cols || [], csvExportParams: csv || {}};
        if (wantsCsv) { upd = {exportDataAsCsv: true}; }
        dc.set_props(gridId, upd);
        return dc.no_update;
      }
      if (!wantsCsv && !/-table-toggle\.n_clicks/.test(trig)) { return dc.no_update; }
      var props = Object.assign({}, grid.props, {rowData: rows || [], columnDefs: cols || [],
                                                 csvExportParams: csv || {},
                                                 exportDataAsCsv: wantsCsv});
      return {namespace: grid.namespace, type: grid.type, props: props};
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

/* AG Grid cell renderer "ExternalLinks": a cell written as Markdown links ("[label](url) · …",
   components/infra_tables.md_links, the cohort grid's "Where to apply") drawn as links that open
   in a new tab; other text stays text. Only http(s) and same-site URLs become links. (The
   grid's own Markdown renderer takes its link target from a colDef property that AG Grid 35
   warns about on every page.) */
(function () {
  var fns = window.dashAgGridComponentFunctions = window.dashAgGridComponentFunctions || {};
  fns.ExternalLinks = function (props) {
    var h = window.React.createElement, text = props.value == null ? "" : String(props.value);
    var out = [], re = /\[([^\]]*)\]\(([^)\s]+)\)/g, last = 0, m, k = 0;
    while ((m = re.exec(text)) !== null) {
      if (m.index > last) { out.push(text.slice(last, m.index)); }
      if (/^(https?:\/\/|\/(?!\/))/i.test(m[2])) {
        out.push(h("a", {key: k++, href: m[2], target: "_blank", rel: "noopener noreferrer"},
                   m[1]));
      } else { out.push(m[1]); }
      last = re.lastIndex;
    }
    if (last < text.length) { out.push(text.slice(last)); }
    return h("span", {className: "grid-links"}, out);
  };
})();
