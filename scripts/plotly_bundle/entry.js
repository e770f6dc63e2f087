'use strict';
// Entry point for the atlas's custom plotly.js bundle.
// Built by scripts/build_plotly_bundle.sh (esbuild, IIFE, globalName "Plotly").
// Keep this list in sync with TRACES in the build script and with every trace
// type the app draws: an unregistered type silently falls back to "scatter".
var Plotly = require('plotly.js/lib/core'); // core already registers scatter

Plotly.register([
    require('plotly.js/lib/bar'),
    require('plotly.js/lib/heatmap'),
    require('plotly.js/lib/choropleth'),
    require('plotly.js/lib/scattergeo'),
]);

module.exports = Plotly;
