"""The app shell: skip link, navbar built from the page registry, main region, footer.

Pages opt into the navbar with ``register_page(..., nav=True, order=N)``; pages that do not exist
simply do not appear.
"""
from __future__ import annotations

import dash
import dash_bootstrap_components as dbc
from dash import dcc, html

APP_NAME = "1+MG Atlas"


def nav_pages() -> list[dict]:
    pages = [p for p in dash.page_registry.values() if p.get("nav")]
    return sorted(pages, key=lambda p: (p.get("order", 99), p["name"]))


def navbar() -> dbc.Navbar:
    links = [dbc.NavItem(dbc.NavLink(p["name"], href=p["relative_path"], active="exact",
                                     id=f"app-nav-{p['module'].split('.')[-1]}"))
             for p in nav_pages()]
    return dbc.Navbar(
        dbc.Container([
            dbc.NavbarBrand([html.I(className="bi bi-globe-europe-africa me-2", **{"aria-hidden": "true"}),
                             APP_NAME], href="/", id="app-brand"),
            dbc.NavbarToggler(id="app-nav-toggle"),
            dbc.Collapse(dbc.Nav(links, navbar=True, className="ms-auto"), id="app-nav-collapse",
                         navbar=True),
        ], fluid=True),
        color="primary", dark=True, className="app-navbar d-print-none", id="app-navbar",
    )


def footer(release: dict | None) -> html.Footer:
    if release:
        rel = [f"Data release {release['release_id']} built {release['built_date']}. "]
    else:
        rel = ["No data release loaded. "]
    return html.Footer(
        dbc.Container([
            html.Span(rel, id="app-release"),
            html.Span(["Every figure links to its public source; ",
                       html.A("sources, methods and downloads", href="/data", id="app-sources-link"),
                       ". Boundaries: Natural Earth (public domain)."]),
        ], fluid=True, className="small text-body-secondary py-3"),
        className="app-footer border-top mt-4",
    )


def shell(release: dict | None) -> html.Div:
    return html.Div([
        html.A("Skip to main content", href="#app-main", className="visually-hidden-focusable"),
        navbar(),
        dbc.Alert("Something went wrong with that request. The page was left as it was: try "
                  "another choice, or reload the page.", id="app-error", color="danger",
                  is_open=False, dismissable=True, duration=10000,
                  className="position-fixed bottom-0 end-0 m-3 shadow", style={"zIndex": 2000}),
        html.Main(dbc.Container(dash.page_container, fluid=True, className="py-3"),
                  id="app-main", tabIndex="-1"),
        footer(release),
        dcc.Store(id="app-noop"),
    ])
