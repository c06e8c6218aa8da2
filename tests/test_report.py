"""The HTML report, read as HTML and as the data its script renders (the browser test, which
checks what a reader sees, is in test_report_browser.py)."""

from __future__ import annotations

import errno
import json
import re
from decimal import Decimal
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner

import extract.engines.work
from extract import find_changes, find_facts
from extract.cli.main import main
from extract.cli.report import write_page
from extract.facts import TYPES, Fact
from extract.report.page import (
    PAGE_SCRIPT,
    TOP_DOCUMENTS,
    Article,
    analyse,
    build_report,
    facts_per_document,
    money_per_document,
    render,
)

from .stand_in import stand_in  # noqa: F401  (a fixture)

ROOT = Path(__file__).resolve().parent.parent
SEED = next((ROOT / "seeds").glob("*.txt"))
LATIN = ROOT / "tests" / "latin" / "article_2018.txt"
HOSTILE = 'A <script>alert("x")</script> & "quote" — 5 млн теңге & 30%-ға <b>өсті</b>.'
FIELDS = ("value", "value_max", "unit", "qualifier", "subject", "total", "period")


class _Page(HTMLParser):
    """Collects the scripts (with their type and content), the chart bars and every tag
    that could load something."""

    def __init__(self) -> None:
        super().__init__()
        self.scripts: list[tuple[str, str]] = []  # (type, content)
        self.bars: list[str] = []  # the <title> of each bar
        self.loads: list[tuple[str, str]] = []
        self._tag = ""

    def handle_starttag(self, tag: str, attrs: list) -> None:
        attrs = dict(attrs)
        self._tag = tag
        if tag == "script":
            self.scripts.append((attrs.get("type", ""), ""))
            if "src" in attrs:
                self.loads.append((tag, attrs["src"]))
        for name in ("src", "href"):
            if name in attrs and not attrs[name].startswith("#") and tag != "script":
                self.loads.append((tag, attrs[name]))

    def handle_endtag(self, tag: str) -> None:
        self._tag = ""

    def handle_data(self, data: str) -> None:
        if self._tag == "script":
            kind, content = self.scripts[-1]
            self.scripts[-1] = (kind, content + data)
        elif self._tag == "title" and self.scripts == []:
            self.bars.append(data)


def _parse(page: str) -> _Page:
    parser = _Page()
    parser.feed(page)
    return parser


def _data(page: str) -> dict:
    """The data block the page's script renders, decoded as the browser decodes it."""
    blocks = [content for kind, content in _parse(page).scripts if kind == "application/json"]
    assert len(blocks) == 1
    return json.loads(blocks[0])


def _facts(page: str) -> list[list[tuple]]:
    """Per document, its facts as (start, end, span, type, *FIELDS) read from the data."""
    data = _data(page)
    return [[(f[0], f[1], text[f[0]:f[1]], data["types"][f[2]], *f[3:]) for f in facts]
            for _, text, facts, _ in data["docs"]]


def _expected(text: str) -> list[tuple]:
    return [(f.start, f.end, f.span, f.type, *(getattr(f, n) for n in FIELDS))
            for f in find_facts(text)]


def _documents() -> list[tuple[str, str]]:
    return [(SEED.name, SEED.read_text("utf-8")), (LATIN.name, LATIN.read_text("utf-8")),
            ("<hostile>.txt", HOSTILE)]


def test_every_fact_is_in_the_page_with_all_its_fields() -> None:
    documents = _documents()
    facts = _facts(build_report(documents))
    assert facts == [_expected(text) for _, text in documents]
    assert sum(map(len, facts)) > 60


def test_article_text_survives_escaping() -> None:
    documents = _documents()
    data = _data(build_report(documents))
    assert [(doc, text, error) for doc, text, _, error in data["docs"]] == [
        (doc, text, "") for doc, text in documents]
    assert data["types"] == list(TYPES)
    assert data["open"] == [0, 1, 2]  # a small report opens every article at once


def test_page_is_self_contained_and_escaped() -> None:
    page = build_report(_documents())
    parsed = _parse(page)
    assert parsed.loads == []
    # one script runs: the page's own; the texts are in a data block that never runs
    assert [kind for kind, _ in parsed.scripts] == ["application/json", ""]
    assert parsed.scripts[1][1] == PAGE_SCRIPT
    assert "<script>alert" not in page and "<b>өсті</b>" not in page
    assert "&lt;hostile&gt;.txt" in page  # the money chart's bar
    assert '<meta charset="utf-8">' in page
    for needle in ("http:", "https:", "@import", "url("):
        assert needle not in page.replace('xmlns="http://www.w3.org/2000/svg"', "")


def test_data_block_cannot_end_its_script_and_keeps_every_character() -> None:
    # a text that tries to close the element, an HTML comment, a character beyond U+FFFF;
    # and a lone surrogate (a JSON record can hold one; UTF-8 cannot): whether or not it
    # can be analysed, the page stays writable and the text intact
    text = "</script><!-- 5 млн теңге </SCRIPT > \U0001f600 30%-ға өсті"
    lone = "Биыл \ud800 35 млрд теңге"
    page = build_report([("</script>.txt", text), ("lone.txt", lone)])
    block = page.split('<script type="application/json" id="report-data">')[1]
    block = block.split("</script>")[0]
    assert "<" not in block
    page.encode("utf-8")  # writable as it is
    docs = _data(page)["docs"]
    assert [doc[:2] for doc in docs] == [["</script>.txt", text], ["lone.txt", lone]]
    assert _facts(page)[0] == _expected(text)


def test_overlapping_fact_is_kept_in_the_data() -> None:
    text = "Биыл 35 млрд теңге жұмсалды."
    facts = find_facts(text)
    overlapping = Fact(5, 12, text[5:12], "CARDINAL", "35000000000")
    page = render([Article("d", text, [*facts, overlapping])])
    assert [f[:2] for f in _data(page)["docs"][0][2]] == [[5, 18], [5, 12]]


def test_money_per_document() -> None:
    articles = analyse([("a", "35 млрд теңге және 32,8 млрд теңге, 5 доллар."),
                        ("b", "Биыл 100 теңге жұмсалды, 30%-ға өсті.")])
    assert money_per_document(articles) == {
        ("a", "KZT"): Decimal("67800000000"), ("a", "USD"): Decimal("5"),
        ("b", "KZT"): Decimal("100")}
    page = build_report([("a", "35 млрд теңге және 32,8 млрд теңге, 5 доллар.")])
    assert "Money per document (KZT)" in page and "Money per document (USD)" in page
    assert "67\u202f800\u202f000\u202f000 KZT" in page


def test_money_chart_aggregates_beyond_the_largest_documents() -> None:
    count = TOP_DOCUMENTS + 8
    articles = analyse([(f"d{n:02d}", f"Биыл {n + 1} теңге жұмсалды.") for n in range(count)])
    page = render(articles)
    assert f"Money per document (KZT): the {TOP_DOCUMENTS} largest of {count}" in page
    bars = [b for b in _parse(page).bars if b.endswith(" KZT")]
    largest = [f"d{n:02d}: {n + 1} KZT" for n in range(count - 1, count - TOP_DOCUMENTS - 1, -1)]
    others = sum(range(1, count - TOP_DOCUMENTS + 1))
    assert bars == [*largest, f"8 others: {others} KZT"]


def test_facts_per_document_buckets() -> None:
    def article(n: int, error: str = "") -> Article:
        return Article("d", "", [Fact(0, 1, "1", "CARDINAL", "1")] * n, error)

    articles = [article(0), article(1), article(9), article(10), article(25),
                article(0, "empty file")]
    assert facts_per_document(articles) == [("0 facts", 1), ("1–9 facts", 2),
                                            ("10–19 facts", 1), ("20–49 facts", 1)]
    assert facts_per_document([article(250)])[-1] == ("200+ facts", 1)
    assert facts_per_document([]) == []


def test_empty_report() -> None:
    page = build_report([])
    assert _data(page)["docs"] == []
    assert "Money per document" in page and "none" in page


def test_large_report_opens_nothing_at_load() -> None:
    documents = [(f"d{n}", "Биыл 35 млрд теңге жұмсалды.") for n in range(25)]
    data = _data(build_report(documents))
    assert data["open"] == [] and len(data["docs"]) == 25


def _run(*args: str) -> object:
    return CliRunner().invoke(main, ["report", *args])


def test_report_command(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text("Биыл 35 млрд теңге жұмсалды.", encoding="utf-8")
    (tmp_path / "in" / "empty.txt").write_bytes(b"")
    out = tmp_path / "report.html"
    result = _run(str(tmp_path / "in"), "-o", str(out))
    assert result.exit_code == 1  # the empty file failed, the good one is still reported
    errors = [line for line in result.stderr.splitlines() if "wrote" not in line]
    assert len(errors) == 1 and "empty.txt" in errors[0] and errors[0].startswith("kazextract: ")
    page = out.read_text("utf-8")
    assert [[f[2:4] for f in doc] for doc in _facts(page)] == [[("35 млрд теңге", "MONEY")], []]
    empty = _data(page)["docs"][1]
    assert empty[0] == "empty.txt" and empty[3] and empty[3] in errors[0]
    assert "empty.txt" in page.split('id="report-data"')[0]  # listed among the errors


def test_report_workers_give_the_same_page(tmp_path: Path) -> None:
    # more documents than one chunk of extract's engine, so two workers really share them
    for n in range(70):
        (tmp_path / f"{n:02d}.txt").write_text(f"Биыл {n} млрд теңге, {n}%-ға өсті.",
                                              encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    pages = []
    for workers in ("1", "2"):
        out = tmp_path.parent / f"report-{workers}.html"
        result = _run(str(tmp_path), "-o", str(out), "--workers", workers)
        assert result.exit_code == 1 and result.stderr.count("empty.txt") == 1
        pages.append(out.read_text("utf-8"))
    assert pages[0] == pages[1]
    facts = _facts(pages[0])
    assert len(facts) == 71 and all(len(doc) == 2 for doc in facts[:70]) and facts[70] == []


def test_report_with_a_failing_document_writes_the_page(tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    real = extract.engines.work.find_related

    def failing(text: str, relative_dates: bool = False):
        if "FAIL" in text:
            raise RuntimeError("a rule bug")
        return real(text, relative_dates)

    monkeypatch.setattr(extract.engines.work, "find_related", failing)
    (tmp_path / "a.txt").write_text("Биыл 35 млрд теңге жұмсалды.", encoding="utf-8")
    (tmp_path / "b.txt").write_text("FAIL 5 млн теңге", encoding="utf-8")
    out = tmp_path / "report.html"
    result = _run(str(tmp_path), "-o", str(out))
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert result.stderr.splitlines()[0] == (
        f"kazextract: {tmp_path / 'b.txt'}: extraction failed (RuntimeError: a rule bug)")
    docs = _data(out.read_text("utf-8"))["docs"]
    assert [(doc, text, len(facts), error) for doc, text, facts, error in docs] == [
        ("a.txt", "Биыл 35 млрд теңге жұмсалды.", 1, ""),
        ("b.txt", "FAIL 5 млн теңге", 0, "extraction failed (RuntimeError: a rule bug)")]


def test_report_into_a_missing_folder_is_one_line(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Биыл 35 млрд теңге жұмсалды.", encoding="utf-8")
    out = tmp_path / "nodir" / "r.html"
    result = _run(str(tmp_path / "a.txt"), "-o", str(out))
    assert result.exit_code == 1
    assert result.output.splitlines() == [
        f"kazextract: {out}: cannot write (no folder {out.parent})"]
    assert not out.parent.exists()


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_report_on_a_full_disk_is_one_line(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Биыл 35 млрд теңге жұмсалды.", encoding="utf-8")
    result = _run(str(tmp_path / "a.txt"), "-o", "/dev/full")
    assert result.exit_code == 1
    assert result.output.splitlines() == [
        "kazextract: /dev/full: cannot write (No space left on device)"]


def test_failed_write_keeps_the_earlier_page(tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "report.html"
    out.write_text("the earlier page", encoding="utf-8")
    real = Path.write_text

    def disk_fills(self: Path, text: str, **kwargs: str) -> int:
        real(self, text[:10], **kwargs)
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(Path, "write_text", disk_fills)
    with pytest.raises(OSError, match="No space"):
        write_page("<!DOCTYPE html> a new page", out)
    monkeypatch.undo()
    assert out.read_text("utf-8") == "the earlier page"
    assert [p.name for p in tmp_path.iterdir()] == ["report.html"]  # no partial file left


def test_write_page_through_a_symlink_updates_its_target(tmp_path: Path) -> None:
    (tmp_path / "pages").mkdir()
    target = tmp_path / "pages" / "report.html"
    target.write_text("old", encoding="utf-8")
    link = tmp_path / "latest.html"
    link.symlink_to(target)
    write_page("new", link)
    assert link.is_symlink() and target.read_text("utf-8") == "new"
    assert sorted(p.name for p in tmp_path.rglob("*")) == ["latest.html", "pages",
                                                           "report.html"]


def test_report_command_with_relative_dates(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Биыл 35 млрд теңге жұмсалды.", encoding="utf-8")
    out = tmp_path / "report.html"
    result = _run(str(tmp_path / "a.txt"), "-o", str(out), "--relative-dates")
    assert result.exit_code == 0
    assert [[f[2:4] for f in doc] for doc in _facts(out.read_text("utf-8"))] == [
        [("Биыл", "DATE"), ("35 млрд теңге", "MONEY")]]


def test_summary_counts_failed_documents() -> None:
    page = render([Article("a", "x", []), Article("b", "", [], "empty file")])
    assert re.search(r'class="summary">2 document\(s\), 0 fact\(s\), 1 failed\.', page)


def _changes(page: str) -> list[list[tuple]]:
    """Per document, its changes as (start, end, span, type, *CHANGE_FIELDS) from the data."""
    data = _data(page)
    return [[(c[0], c[1], doc[1][c[0]:c[1]], data["types"][c[2]], *c[3:]) for c in changes]
            for doc, changes in zip(data["docs"], data["changes"], strict=True)]


CHANGE_FIELDS = ("unit", "from_value", "to_value", "by_value", "by_value_max", "factor",
                 "direction", "verb", "compared_to")


def test_every_change_is_in_the_page(stand_in) -> None:  # noqa: F811
    documents = _documents()
    page = build_report(documents)
    expected = [[(c.start, c.end, c.span, c.type, *(getattr(c, n) for n in CHANGE_FIELDS))
                 for c in find_changes(text)] for _, text in documents]
    assert _changes(page) == expected and expected[0]
    assert _facts(page) == [_expected(text) for _, text in documents]  # periods included
    assert any(f[-1] for f in _facts(page)[0])
    count = sum(map(len, expected))
    assert re.search(rf'class="summary">3 document\(s\), \d+ fact\(s\), {count} change\(s\)\.',
                     page)


def test_report_command_carries_changes_through_the_workers(tmp_path: Path,
                                                            stand_in) -> None:  # noqa: F811
    for n in range(40):  # more than one chunk: two workers share them
        (tmp_path / f"{n:02d}.txt").write_text(f"Бағасы {n + 1} мың теңгеден {n + 2} мың "
                                              "теңгеге өсті.", encoding="utf-8")
    pages = []
    for workers in ("1", "2"):
        out = tmp_path.parent / f"report-{workers}.html"
        assert _run(str(tmp_path), "-o", str(out), "--workers", workers).exit_code == 0
        pages.append(out.read_text("utf-8"))
    assert pages[0] == pages[1]
    changes = _changes(pages[0])
    assert len(changes) == 40 and all(len(doc) == 1 for doc in changes)
    assert changes[0][0][4:7] == ("KZT", "1000", "2000")
