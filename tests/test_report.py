"""The HTML report, read as HTML (the browser test is in test_report_browser.py)."""

from __future__ import annotations

from decimal import Decimal
from html.parser import HTMLParser
from pathlib import Path

from click.testing import CliRunner

from extract import find_facts
from extract.cli import main
from extract.facts import Fact
from extract.report import Article, analyse, build_report, money_per_document, render

ROOT = Path(__file__).resolve().parent.parent
SEED = next((ROOT / "seeds").glob("*.txt"))
LATIN = ROOT / "tests" / "latin" / "article_2018.txt"
HOSTILE = 'A <script>alert("x")</script> & "quote" — 5 млн теңге & 30%-ға <b>өсті</b>.'


class _Page(HTMLParser):
    """Collects each article's text (marks included, markup removed), the marks, the table
    rows, and every tag that could load something."""

    def __init__(self) -> None:
        super().__init__()
        self.texts: list[str] = []
        self.marks: list[tuple[str, str]] = []  # (type, text)
        self.rows = 0
        self.scripts = 0
        self.loads: list[tuple[str, str]] = []
        self._in_text = False
        self._mark: list | None = None

    def handle_starttag(self, tag: str, attrs: list) -> None:
        attrs = dict(attrs)
        if tag == "div" and attrs.get("class") == "text":
            self._in_text = True
            self.texts.append("")
        elif tag == "mark":
            self._mark = [attrs["data-type"], ""]
        elif tag == "tr" and "data-type" in attrs:
            self.rows += 1
        elif tag == "script":
            self.scripts += 1
            if "src" in attrs:
                self.loads.append((tag, attrs["src"]))
        for name in ("src", "href"):
            if name in attrs and not attrs[name].startswith("#") and tag != "script":
                self.loads.append((tag, attrs[name]))

    def handle_endtag(self, tag: str) -> None:
        if tag == "div" and self._in_text:
            self._in_text = False
        elif tag == "mark" and self._mark is not None:
            self.marks.append(tuple(self._mark))
            self._mark = None

    def handle_data(self, data: str) -> None:
        if self._in_text:
            self.texts[-1] += data
        if self._mark is not None:
            self._mark[1] += data


def _parse(page: str) -> _Page:
    parser = _Page()
    parser.feed(page)
    return parser


def _documents() -> list[tuple[str, str]]:
    return [(SEED.name, SEED.read_text("utf-8")), (LATIN.name, LATIN.read_text("utf-8")),
            ("<hostile>.txt", HOSTILE)]


def test_every_fact_is_highlighted_and_listed() -> None:
    documents = _documents()
    page = _parse(build_report(documents))
    facts = [f for _, text in documents for f in find_facts(text)]
    assert len(facts) > 60
    assert page.marks == [(f.type, f.span) for f in facts]
    assert page.rows == len(facts)


def test_article_text_survives_escaping_and_highlighting() -> None:
    documents = _documents()
    page = _parse(build_report(documents))
    assert page.texts == [text for _, text in documents]


def test_page_is_self_contained_and_escaped() -> None:
    page = build_report(_documents())
    parsed = _parse(page)
    assert parsed.loads == []
    assert parsed.scripts == 1  # the page's own sort script, nothing from the text
    assert "<script>alert" not in page and "<b>өсті</b>" not in page
    assert "&lt;hostile&gt;.txt" in page
    assert '<meta charset="utf-8">' in page
    for needle in ("http:", "https:", "@import", "url("):
        assert needle not in page.replace('xmlns="http://www.w3.org/2000/svg"', "")


def test_tooltip_fields() -> None:
    page = build_report([("d", "Ел 193 мемлекеттің ішінде 29-орынға көтерілді.")])
    assert 'data-tip="RANK\nvalue: 29\nunit: —\nqualifier: —\nsubject: орын\ntotal: 193"' in page
    assert 'tabindex="0"' in page


def test_overlapping_fact_never_repeats_text() -> None:
    text = "Биыл 35 млрд теңге жұмсалды."
    facts = find_facts(text)
    overlapping = Fact(5, 12, text[5:12], "CARDINAL", "35000000000")
    page = _parse(render([Article("d", text, [*facts, overlapping])]))
    assert page.texts == [text]
    assert page.marks == [(f.type, f.span) for f in facts]
    assert page.rows == 2


def test_money_per_document() -> None:
    articles = analyse([("a", "35 млрд теңге және 32,8 млрд теңге, 5 доллар."),
                        ("b", "Биыл 100 теңге жұмсалды, 30%-ға өсті.")])
    assert money_per_document(articles) == {
        ("a", "KZT"): Decimal("67800000000"), ("a", "USD"): Decimal("5"),
        ("b", "KZT"): Decimal("100")}
    page = build_report([("a", "35 млрд теңге және 32,8 млрд теңге, 5 доллар.")])
    assert "Money per document (KZT)" in page and "Money per document (USD)" in page
    assert "67\u202f800\u202f000\u202f000 KZT" in page


def test_empty_report() -> None:
    page = _parse(build_report([]))
    assert (page.marks, page.rows, page.texts) == ([], 0, [])
    assert "Money per document" in build_report([]) and "none" in build_report([])


def test_report_command(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text("Биыл 35 млрд теңге жұмсалды.", encoding="utf-8")
    (tmp_path / "in" / "empty.txt").write_bytes(b"")
    out = tmp_path / "report.html"
    result = CliRunner().invoke(main, ["report", str(tmp_path / "in"), "-o", str(out)])
    assert result.exit_code == 1  # the empty file failed, the good one is still reported
    assert "empty.txt" in result.output
    page = _parse(out.read_text("utf-8"))
    assert page.marks == [("MONEY", "35 млрд теңге")]


def test_report_command_with_relative_dates(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Биыл 35 млрд теңге жұмсалды.", encoding="utf-8")
    out = tmp_path / "report.html"
    result = CliRunner().invoke(main, ["report", str(tmp_path / "a.txt"), "-o", str(out),
                                       "--relative-dates"])
    assert result.exit_code == 0
    assert _parse(out.read_text("utf-8")).marks == [("DATE", "Биыл"), ("MONEY", "35 млрд теңге")]
