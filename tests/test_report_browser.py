"""The HTML report in a real browser: Debian's headless Chromium driven by Playwright.

Skipped when /usr/bin/chromium is missing; `.ci/run` installs it. Set
KAZEXTRACT_SCREENSHOT=docs/report.png to refresh the screenshot shown in the README.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from extract import find_facts
from extract.report import build_report

CHROMIUM = Path("/usr/bin/chromium")
pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="needs /usr/bin/chromium")
sync_api = pytest.importorskip("playwright.sync_api")

ROOT = Path(__file__).resolve().parent.parent
SEED = next((ROOT / "seeds").glob("*.txt"))
LATIN = ROOT / "tests" / "latin" / "article_2021.txt"
# Chromium as root, offline: no sandbox, no background connections (python.md).
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="module")
def browser():  # noqa: ANN201
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield browser
        browser.close()


def _open(browser, tmp_path: Path, documents: list[tuple[str, str]]):  # noqa: ANN001, ANN202
    path = tmp_path / "report.html"
    path.write_text(build_report(documents), encoding="utf-8")
    page = browser.new_page(viewport={"width": 1200, "height": 1100})
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(path.as_uri())
    return page, requests


def test_report_in_chromium(browser, tmp_path: Path) -> None:  # noqa: ANN001
    documents = [(SEED.name, SEED.read_text("utf-8")), (LATIN.name, LATIN.read_text("utf-8"))]
    page, requests = _open(browser, tmp_path, documents)

    for index, (_, text) in enumerate(documents):
        facts = find_facts(text)
        marks = page.eval_on_selector_all(
            f"#doc-{index} mark.fact", "ms => ms.map(m => [m.dataset.type, m.textContent])")
        assert marks == [[f.type, f.span] for f in facts]
        colours = page.eval_on_selector_all(
            f"#doc-{index} mark.fact", "ms => ms.map(m => getComputedStyle(m).backgroundColor)")
        assert len(set(colours)) == len({f.type for f in facts})  # one colour per type
    total = sum(len(find_facts(text)) for _, text in documents)
    assert page.locator("table.facts tbody tr").count() == total
    assert all(url.startswith("file:") for url in requests)  # nothing from the network

    # focusing a fact shows its fields
    mark = page.locator("mark.fact", has_text="29-орынға")
    mark.focus()
    tip = page.evaluate("m => getComputedStyle(m, '::after').content",
                        mark.element_handle())
    assert "value: 29" in tip and "total: 193" in tip

    # sorting by value puts the numbers in order
    page.locator("table.facts th button", has_text="value").first.click()
    values = page.eval_on_selector_all(
        "table.facts tbody tr", "rows => rows.map(r => r.cells[3].dataset.sort)")
    numbers = [float(v) for v in values if v.replace(".", "", 1).isdigit()]
    assert numbers == sorted(numbers) and len(numbers) > total / 2

    shot = tmp_path / "report.png"
    page.screenshot(path=str(shot), full_page=True)
    assert shot.stat().st_size > 10_000
    page.close()


def test_screenshot_of_the_seed_report(browser, tmp_path: Path) -> None:  # noqa: ANN001
    """The picture in the README: the seed article's report with one fact focused."""
    page, _ = _open(browser, tmp_path, [(SEED.name, SEED.read_text("utf-8"))])
    page.locator("mark.fact", has_text="15-25%-ке").focus()
    target = Path(os.environ.get("KAZEXTRACT_SCREENSHOT", tmp_path / "seed.png"))
    page.screenshot(path=str(target))
    assert target.stat().st_size > 10_000
    page.close()
