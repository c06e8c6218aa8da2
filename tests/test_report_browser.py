"""The HTML report in a real browser: Debian's headless Chromium driven by Playwright.

What a reader sees is built by the page's script, so this is where the highlighting, the
tooltips, the index and the tables are checked. Skipped when /usr/bin/chromium is missing;
`.ci/run` installs it. Set KAZEXTRACT_SCREENSHOT=docs/report.png to refresh the screenshot
shown in the README.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from extract import find_changes, find_facts
from extract.facts import TYPES, Fact
from extract.report.page import Article, analyse, build_report, render

from .stand_in import stand_in  # noqa: F401  (a fixture)

CHROMIUM = Path("/usr/bin/chromium")
pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="needs /usr/bin/chromium")
sync_api = pytest.importorskip("playwright.sync_api")

ROOT = Path(__file__).resolve().parent.parent
SEED = next((ROOT / "seeds").glob("*.txt"))
LATIN = ROOT / "tests" / "latin" / "article_2021.txt"
# Chromium as root, offline: no sandbox, no background connections (python.md).
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
MARKS = "ms => ms.map(m => [m.dataset.type, m.textContent])"
ROWS = "table.facts tbody tr"


@pytest.fixture(scope="module")
def browser():  # noqa: ANN201
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield browser
        browser.close()


class _Opened:
    """A report open in a browser tab, with the requests it made and its script errors."""

    def __init__(self, browser, path: Path, html: str, height: int = 1100) -> None:  # noqa: ANN001
        path.write_text(html, encoding="utf-8")
        self.page = browser.new_page(viewport={"width": 1200, "height": height})
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.page.on("request", lambda request: self.requests.append(request.url))
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))
        self.page.goto(path.as_uri())

    def marks(self, index: int) -> list[list[str]]:
        return self.page.eval_on_selector_all(f"#doc-{index} mark.fact", MARKS)

    def text(self, index: int) -> str:
        return self.page.locator(f"#doc-{index} .text").text_content()

    def close(self) -> None:
        assert self.errors == []
        assert all(url.startswith("file:") for url in self.requests)  # nothing from outside
        self.page.close()


def _open(browser, tmp_path: Path, documents: list[tuple[str, str]],  # noqa: ANN001
          height: int = 1100) -> _Opened:
    return _Opened(browser, tmp_path / "report.html", build_report(documents), height)


def test_report_in_chromium(browser, tmp_path: Path) -> None:  # noqa: ANN001
    documents = [(SEED.name, SEED.read_text("utf-8")), (LATIN.name, LATIN.read_text("utf-8"))]
    opened = _open(browser, tmp_path, documents)
    page = opened.page

    for index, (_, text) in enumerate(documents):  # a small report: every article is open
        facts = find_facts(text)
        assert opened.marks(index) == [[f.type, f.span] for f in facts]
        assert opened.text(index) == text
        colours = page.eval_on_selector_all(
            f"#doc-{index} mark.fact", "ms => ms.map(m => getComputedStyle(m).backgroundColor)")
        assert len(set(colours)) == len({f.type for f in facts})  # one colour per type
    total = sum(len(find_facts(text)) for _, text in documents)
    assert page.locator(ROWS).count() == total

    # the index: one row per document with its counts per type
    rows = page.eval_on_selector_all("table.index tbody tr",
                                     "rows => rows.map(r => [...r.cells].map(c => c.innerText))")
    for row, (doc, text) in zip(rows, documents, strict=True):
        facts = find_facts(text)
        assert row[:3] == [doc, str(len(text)), str(len(facts))]
        assert row[3:3 + len(TYPES)] == [str(sum(f.type == t for f in facts)) for t in TYPES]

    # focusing a fact shows its fields
    mark = page.locator("mark.fact", has_text="29-орынға")
    mark.focus()
    tip = page.evaluate("m => getComputedStyle(m, '::after').content", mark.element_handle())
    assert "value: 29" in tip and "total: 193" in tip

    # sorting by value puts the numbers in order
    page.locator("table.facts th button", has_text="value").first.click()
    values = page.eval_on_selector_all(ROWS, "rows => rows.map(r => r.cells[3].dataset.sort)")
    numbers = [float(v) for v in values if v.replace(".", "", 1).isdigit()]
    assert numbers == sorted(numbers) and len(numbers) > total / 2

    shot = tmp_path / "report.png"
    page.screenshot(path=str(shot), full_page=True)
    assert shot.stat().st_size > 10_000
    opened.close()


def test_tooltip_fields(browser, tmp_path: Path) -> None:  # noqa: ANN001
    opened = _open(browser, tmp_path, [("d", "Ел 193 мемлекеттің ішінде 29-орынға шықты.")])
    mark = opened.page.locator("mark.fact", has_text="29-орынға")
    assert mark.get_attribute("data-tip") == (
        "RANK\nvalue: 29\nunit: —\nqualifier: —\nsubject: орын\ntotal: 193\nperiod: —")
    assert mark.get_attribute("title") == mark.get_attribute("data-tip")
    assert mark.get_attribute("tabindex") == "0"
    assert mark.get_attribute("aria-label").startswith("29-орынға: RANK\nvalue: 29")
    opened.close()


def test_overlapping_fact_never_repeats_text(browser, tmp_path: Path) -> None:  # noqa: ANN001
    text = "Биыл 35 млрд теңге жұмсалды."
    facts = find_facts(text)
    overlapping = Fact(5, 12, text[5:12], "CARDINAL", "35000000000")
    opened = _Opened(browser, tmp_path / "r.html", render([Article("d", text,
                                                                   [*facts, overlapping])]))
    assert opened.text(0) == text
    assert opened.marks(0) == [[f.type, f.span] for f in facts]
    assert opened.page.locator(ROWS).count() == 2  # the overlapping fact is still listed
    opened.close()


def test_text_is_never_markup_and_offsets_survive_wide_characters(browser, tmp_path: Path
                                                                   ) -> None:  # noqa: ANN001
    hostile = ('<img src=x onerror="window.pwned=1"><script>window.pwned=1</script> '
               "\U0001f600\U0001f4b0 5 млн теңге & 30%-ға <b>өсті</b> \U0001f600 2019 жылы.")
    name = '<img src=y onerror="window.pwned=2">.txt'
    opened = _open(browser, tmp_path, [(name, hostile)])
    page = opened.page
    assert opened.text(0) == hostile
    assert opened.marks(0) == [[f.type, f.span] for f in find_facts(hostile)]
    assert len(opened.marks(0)) >= 3
    assert page.evaluate("() => window.pwned") is None
    assert page.locator("img").count() == 0 and page.locator("b").count() == 0
    assert page.locator("#doc-0 h2").text_content().startswith(name)
    spans = page.eval_on_selector_all(ROWS, "rows => rows.map(r => r.cells[1].textContent)")
    assert spans == [f.span for f in find_facts(hostile)]
    opened.close()


def _archive(count: int) -> list[Article]:
    articles = analyse([(f"d{n:03d}.txt", f"Биыл {n + 1} млрд теңге жұмсалды, {n % 90}%-ға "
                         "өсті.") for n in range(count)])
    return [*articles, Article("broken.txt", "", [], "cannot read (Permission denied)")]


def test_a_large_report_opens_documents_on_demand(browser, tmp_path: Path) -> None:  # noqa: ANN001
    opened = _Opened(browser, tmp_path / "r.html", render(_archive(300)))
    page = opened.page
    index = "table.index tbody tr"
    assert page.locator("#reader article").count() == 0  # nothing rendered before it is opened
    assert page.locator(index).count() == 200  # a page of rows, and a button for the rest
    more = page.locator("table.index + button.more")
    assert more.is_visible() and "101 not shown" in more.text_content()
    more.click()
    assert page.locator(index).count() == 301 and not more.is_visible()

    # opening a document from the index renders it with its facts
    page.locator("table.index a", has_text="d123.txt").click()
    facts = find_facts("Биыл 124 млрд теңге жұмсалды, 33%-ға өсті.")
    assert opened.marks(123) == [[f.type, f.span] for f in facts] and len(facts) == 2
    assert page.locator("#reader article").count() == 1
    assert page.evaluate("() => location.hash") == "#doc-123"
    page.locator("#doc-123 button.close").click()
    assert page.locator("#reader article").count() == 0

    # filtering and sorting the index
    page.fill("#index-filter", "d12")
    page.wait_for_function("() => document.querySelectorAll('table.index tbody tr').length == 10")
    page.fill("#index-filter", "")
    page.select_option("#index-type", "failed documents")
    page.wait_for_function("() => document.querySelectorAll('table.index tbody tr').length == 1")
    assert "Permission denied" in page.locator(index).first.text_content()
    page.locator("table.index a", has_text="broken.txt").click()
    assert "Not analysed: cannot read (Permission denied)" in page.locator(
        "#doc-300").text_content()
    page.select_option("#index-type", "all documents")
    page.locator("table.index th button", has_text="characters").click()
    page.locator("table.index th button", has_text="characters").click()  # descending
    more.click()
    lengths = page.eval_on_selector_all(index, "rows => rows.map(r => r.cells[1].textContent)")
    assert lengths[-1] == ""  # blanks last, either way
    assert [int(n) for n in lengths[:-1]] == sorted(
        (len(f"Биыл {n + 1} млрд теңге жұмсалды, {n % 90}%-ға өсті.") for n in range(300)),
        reverse=True)

    # a fact's link in the table opens its article and focuses the fact
    facts = page.locator(ROWS)
    assert facts.count() == 200
    page.select_option("#facts-type", "PERCENT")
    page.fill("#facts-filter", "d250")
    page.wait_for_function("() => document.querySelectorAll('table.facts tbody tr').length == 1")
    facts.first.locator("a").click()
    assert page.evaluate("() => document.activeElement.textContent") == f"{250 % 90}%-ға"
    assert page.evaluate("() => document.activeElement.closest('article').id") == "doc-250"
    opened.close()


def test_screenshot_of_the_seed_report(browser, tmp_path: Path) -> None:  # noqa: ANN001
    """The picture in the README: the seed article's report with one fact focused (tall
    enough for the header, the charts, the index and the fact's tooltip)."""
    opened = _open(browser, tmp_path, [(SEED.name, SEED.read_text("utf-8"))], height=1250)
    opened.page.locator("mark.fact", has_text="15-25%-ке").focus()
    target = Path(os.environ.get("KAZEXTRACT_SCREENSHOT", tmp_path / "seed.png"))
    opened.page.screenshot(path=str(target))
    assert target.stat().st_size > 10_000
    opened.close()


def test_changes_table_and_period_column(browser, tmp_path: Path, stand_in) -> None:  # noqa: ANN001, F811
    text = SEED.read_text("utf-8")
    opened = _open(browser, tmp_path, [(SEED.name, text)])
    page = opened.page
    rows = page.eval_on_selector_all(
        "#doc-0 table.changes tbody tr",
        "rs => rs.map(r => Array.from(r.cells, c => c.textContent))")
    expected = []
    for c in find_changes(text):
        arrow = {"up": "▲ up", "down": "▼ down"}[c.direction]
        by = f"{c.by_value}–{c.by_value_max}" if c.by_value_max else c.by_value
        moved = f"{c.from_value} → {c.to_value}" if c.from_value or c.to_value else ""
        expected.append([c.span, c.type, moved, arrow, by, f"×{c.factor}" if c.factor else "",
                         c.unit, c.verb, c.compared_to])
    assert rows == expected and len(rows) >= 3
    assert ["31 күннен 10 күнге", "DURATION", "31 → 10", "▼ down", "-21", "", "day",
            "stand-in", ""] in rows
    assert page.locator("#doc-0 h3", has_text="Changes").count() == 1
    headers = page.eval_on_selector_all("table.facts thead th", "hs => hs.map(h => h.textContent)")
    assert "period" in headers
    column = headers.index("period")
    rank = page.locator(ROWS, has_text="29-орынға").first
    assert rank.locator("td").nth(column).text_content() == "2020"
    mark = page.locator("mark.fact", has_text="29-орынға")
    assert mark.get_attribute("data-tip").endswith("\nperiod: 2020")
    opened.close()


def test_no_changes_no_table(browser, tmp_path: Path) -> None:  # noqa: ANN001
    opened = _open(browser, tmp_path, [("d", "Ел 193 мемлекеттің ішінде 29-орынға шықты.")])
    assert opened.page.locator("#doc-0 table.changes").count() == 0
    opened.close()
