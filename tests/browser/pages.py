"""Page objects for the browser tests (after dash-ag-grid's tests/utils.py ``Grid``): each selector
of a grid or a common control is written here once.

    grid = Grid(page, "countries-grid").wait_for_rows()
    grid.sort_by("wgs_value", "descending")
    assert grid.cell_text(0, "wgs_value") == "620,640"
    card = ChartCard(page, "country-genomes"); card.show_table().wait_for_rows()
    text = card.download_csv()
    url = UrlState(page); before = url.search(); ...; url.wait_for_change(before)
"""
from __future__ import annotations

import re
from urllib.parse import parse_qs, urlparse

_API = "window.dash_ag_grid.getApi({id!r})"


class Grid:
    """A dash-ag-grid grid by its component id."""

    def __init__(self, page, grid_id: str):
        self.page, self.id = page, grid_id
        self.sel = f"#{grid_id}"

    @property
    def root(self):
        return self.page.locator(self.sel)

    def wait_for_rows(self, state: str = "attached") -> Grid:
        self.page.wait_for_selector(f"{self.sel} .ag-row", state=state)
        return self

    def wait_for_api(self) -> Grid:
        """Until the grid's API exists and it displays at least one row. (``getApi`` throws while
        the grid is not yet mounted; a throw counts as "not yet", so the wait keeps polling.)"""
        api = _API.format(id=self.id)
        self.page.wait_for_function(
            f"() => {{ try {{ return {api}.getDisplayedRowCount() > 0; }} catch (e) {{ return false; }} }}")
        return self

    # --- the rows, as data (in the order shown: after filter and sort) and as drawn ---
    def rows(self) -> list[dict]:
        return self.page.evaluate(
            f"() => {{ const rows = []; {_API.format(id=self.id)}"
            ".forEachNodeAfterFilterAndSort(n => rows.push(n.data)); return rows; }")

    def column(self, field: str) -> list:
        return [r.get(field) for r in self.rows()]

    def drawn_rows(self):
        """The rows painted in the centre columns (a locator)."""
        return self.page.locator(f"{self.sel} .ag-center-cols-container .ag-row")

    def row(self, row_id: str):
        return self.page.locator(f"{self.sel} .ag-row[row-id='{row_id}']")

    def cell(self, row_index: int, col_id: str):
        return self.page.locator(f"{self.sel} .ag-center-cols-container .ag-row[row-index='{row_index}'] "
                                 f"[col-id='{col_id}']")

    def any_cell(self, row_index: int, col_id: str):
        """The cell whether its column is pinned or in the centre."""
        return self.page.locator(f"{self.sel} .ag-row[row-index='{row_index}'] .ag-cell[col-id='{col_id}']")

    def cell_text(self, row_index: int, col_id: str) -> str:
        return self.cell(row_index, col_id).inner_text()

    def row_cell(self, row_id: str, col_id: str):
        return self.page.locator(f"{self.sel} .ag-row[row-id='{row_id}'] [col-id='{col_id}']").first

    def text(self) -> str:
        return self.root.inner_text()

    def links(self, href: str):
        return self.page.locator(f"{self.sel} a[href='{href}']")

    # --- header, sort, filter ---
    def header(self, col_id: str):
        return self.page.locator(f"{self.sel} .ag-header-cell[col-id='{col_id}']")

    def sort_state(self, col_id: str) -> str | None:
        return self.header(col_id).get_attribute("aria-sort")

    def click_header(self, col_id: str) -> None:
        self.header(col_id).locator(".ag-header-cell-label").click()

    def sort_by(self, col_id: str, direction: str = "ascending") -> None:
        """Click the column's header until it is sorted ``direction`` (``ascending``/``descending``),
        waiting for the grid to say so each time."""
        for _ in range(3):
            if self.sort_state(col_id) == direction:
                return
            before = self.sort_state(col_id)
            self.click_header(col_id)
            self.page.wait_for_function(
                "([sel, b]) => document.querySelector(sel).getAttribute('aria-sort') !== b",
                arg=[f"{self.sel} .ag-header-cell[col-id='{col_id}']", before])
        assert self.sort_state(col_id) == direction, (col_id, self.sort_state(col_id))

    def filter_model(self) -> dict:
        return self.page.evaluate(f"() => {_API.format(id=self.id)}.getFilterModel()")

    def set_filter_model(self, model: dict) -> None:
        self.page.evaluate(f"m => {_API.format(id=self.id)}.setFilterModel(m)", model)

    def scroll_to(self, row_id: str) -> None:
        self.page.evaluate(f"id => {{ const api = {_API.format(id=self.id)};"
                           " api.ensureNodeVisible(api.getRowNode(id), 'middle'); }", row_id)


def download_text(page, selector: str, encoding: str = "utf-8") -> str:
    """Click the control that downloads a file and return the file's text."""
    with page.expect_download() as dl:
        page.click(selector)
    with open(dl.value.path(), encoding=encoding) as f:
        return f.read()


class ChartCard:
    """A chart card with its "Show as table" toggle, its grid and its "Download CSV" button, all
    named from one prefix: ``{prefix}-graph``, ``{prefix}-table-toggle``, ``{prefix}-grid``,
    ``{prefix}-csv``."""

    def __init__(self, page, prefix: str):
        self.page, self.prefix = page, prefix
        self.grid = Grid(page, f"{prefix}-grid")
        self.toggle = f"#{prefix}-table-toggle"
        self.csv = f"#{prefix}-csv"
        self.graph = f"#{prefix}-graph"

    def show_table(self) -> Grid:
        self.page.click(self.toggle)
        return self.grid

    def toggle_text(self) -> str:
        return self.page.inner_text(self.toggle)

    def download_csv(self, encoding: str = "utf-8") -> str:
        return download_text(self.page, self.csv, encoding)

    def plot(self):
        return self.page.locator(f"{self.graph} .js-plotly-plot")

    def wait_for_plot(self) -> ChartCard:
        """Until the card's figure is drawn (its table rows come with it; the grid itself is
        mounted only when the table opens or the CSV is downloaded)."""
        self.page.wait_for_selector(f"{self.graph} .js-plotly-plot .main-svg")
        return self

    def grid_mounted(self) -> bool:
        return self.page.locator(self.grid.sel).count() > 0


class UrlState:
    """The page's address as URL state: its query, read and waited for."""

    def __init__(self, page):
        self.page = page

    def search(self) -> str:
        return self.page.evaluate("() => window.location.search")

    def params(self) -> dict:
        return {k: v[-1] for k, v in parse_qs(urlparse(self.page.url).query).items()}

    def wait_for_change(self, before: str) -> None:
        self.page.wait_for_function("b => window.location.search !== b", arg=before)

    def wait_for(self, fragment: str, present: bool = True) -> None:
        """Until the query includes (or, ``present=False``, no longer includes) ``fragment``."""
        op = "" if present else "!"
        self.page.wait_for_function(f"f => {op}window.location.search.includes(f)", arg=fragment)

    def wait_for_search(self, search: str) -> None:
        self.page.wait_for_function("s => window.location.search === s", arg=search)

    def wait_for_path(self, path: str) -> None:
        self.page.wait_for_function("p => window.location.pathname === p", arg=path)


class Checklist:
    """A checklist (dcc.Checklist / dbc.Checklist) by its component id: options by their label."""

    def __init__(self, page, checklist_id: str):
        self.page, self.id = page, checklist_id

    def option(self, label: str):
        return self.page.locator(f"#{self.id}").get_by_role(
            "checkbox", name=re.compile(rf"^{re.escape(label)}\b"))

    def check(self, label: str) -> None:
        self.option(label).check()

    def is_checked(self, label: str) -> bool:
        return self.option(label).is_checked()


class RadioItems:
    """Radio items (dcc.RadioItems / dbc.RadioItems) by their component id: options by label."""

    def __init__(self, page, radio_id: str):
        self.page, self.id = page, radio_id

    def option(self, label: str, exact: bool = False):
        return self.page.locator(f"#{self.id}").get_by_label(label, exact=exact)

    def choose(self, label: str, exact: bool = False) -> None:
        self.option(label, exact).check()

    def is_checked(self, label: str, exact: bool = False) -> bool:
        return self.option(label, exact).is_checked()


class Dropdown:
    """A native select (``dbc.Select``) by its component id."""

    def __init__(self, page, select_id: str):
        self.page, self.sel = page, f"#{select_id}"

    def select(self, value: str) -> None:
        self.page.select_option(self.sel, value)

    def value(self) -> str:
        return self.page.input_value(self.sel)


#: Every page of the app, as the per-page browser tests visit them: each registered page (the
#: profile with contrasting countries) and the two kinds of address that answer 404.
#: (tests/browser/test_shell.py checks it covers the page registry.)
PAGE_PATHS = ("/", "/countries", "/country/GBR", "/country/FIN", "/country/SVK", "/country/MDA",
              "/cohorts", "/infrastructures", "/funding", "/challenges", "/data", "/404")
NOT_FOUND_PATHS = ("/nope", "/country/ZZZ")
