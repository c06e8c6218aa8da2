"""The HTML report: one self-contained page (no network, no external scripts or fonts)
with each article's text and its facts highlighted by type, a sortable table of all facts,
and small inline-SVG charts of facts per type and of money per document.

Every piece of text goes through ``html.escape``; the page's only script sorts the table.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from html import escape

from .facts import TYPES, Fact
from .pipeline import doc_facts, load_pipeline

# Presentation only: one background colour per fact type, readable under black text.
COLOURS = {"MONEY": "#9be7a0", "PERCENT": "#ffd27f", "RANK": "#f4a6a6", "ORDINAL": "#f6c6e8",
           "CARDINAL": "#a8d4ff", "QUANTITY": "#c9b8ff", "DURATION": "#b5ece6",
           "DATE": "#e0e0a0", "TIME": "#d9c3a5"}
TABLE_COLUMNS = ("doc", "span", "type", "value", "value_max", "unit", "qualifier", "subject",
                 "total", "start")
NUMERIC_COLUMNS = frozenset({"value", "value_max", "total", "start"})
BAR_WIDTH = 320


@dataclass(frozen=True)
class Article:
    doc: str
    text: str
    facts: list[Fact]


def analyse(documents: Iterable[tuple[str, str]], relative_dates: bool = False
            ) -> list[Article]:
    """(doc id, text) pairs with their facts, through the one pipeline (with
    ``relative_dates``, also dates and times without a number)."""
    documents = list(documents)
    docs = load_pipeline(relative_dates).pipe(text for _, text in documents)
    return [Article(doc_id, text, doc_facts(doc))
            for (doc_id, text), doc in zip(documents, docs, strict=True)]


def render(articles: list[Article], title: str = "kazextract report") -> str:
    """The whole page."""
    count = sum(len(a.facts) for a in articles)
    return "\n".join([
        "<!DOCTYPE html>",
        '<html lang="kk">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(title)}</title>",
        f"<style>{_css()}</style>",
        "</head>",
        "<body>",
        f"<header><h1>{escape(title)}</h1>",
        f'<p class="summary">{len(articles)} document(s), {count} fact(s). Hover over or '
        "tab to a highlighted fact to see its fields; click a column title to sort.</p>",
        _legend(articles),
        "</header>",
        '<section class="charts" aria-label="Charts">',
        _type_chart(articles),
        _money_chart(articles),
        "</section>",
        '<section aria-label="Documents">',
        *(_article(i, a) for i, a in enumerate(articles)),
        "</section>",
        _table(articles),
        f"<script>{PAGE_SCRIPT}</script>",
        "</body>",
        "</html>",
    ])


def build_report(documents: Iterable[tuple[str, str]], title: str = "kazextract report",
                 relative_dates: bool = False) -> str:
    """The report page for (doc id, text) pairs."""
    return render(analyse(documents, relative_dates), title)


# ---- pieces of the page ------------------------------------------------------------------

def _css() -> str:
    types = "\n".join(f'.fact[data-type="{t}"], .swatch[data-type="{t}"] {{ background: {c}; }}'
                      for t, c in COLOURS.items())
    return CSS + types


def _legend(articles: list[Article]) -> str:
    counts = Counter(f.type for a in articles for f in a.facts)
    items = "".join(f'<li><span class="swatch" data-type="{t}"></span>{t} '
                    f'<span class="count">({counts[t]})</span></li>' for t in TYPES)
    return f'<ul class="legend" aria-label="Fact types">{items}</ul>'


def _article(index: int, article: Article) -> str:
    return (f'<article id="doc-{index}"><h2>{escape(article.doc)}</h2>'
            f'<div class="text">{_highlighted(index, article)}</div></article>')


def _highlighted(index: int, article: Article) -> str:
    """The text with a <mark> per fact. The builder never overlaps facts; were one to
    overlap its predecessor it would stay unmarked (still in the table) rather than repeat
    text."""
    parts, at = [], 0
    for k, fact in enumerate(sorted(article.facts, key=lambda f: f.start)):
        if fact.start < at:
            continue
        parts.append(escape(article.text[at:fact.start]))
        parts.append(_mark(f"f{index}-{k}", fact))
        at = fact.end
    parts.append(escape(article.text[at:]))
    return "".join(parts)


def _mark(ident: str, fact: Fact) -> str:
    tip = _tip(fact)
    return (f'<mark class="fact" id="{ident}" data-type="{fact.type}" tabindex="0" '
            f'title="{escape(tip)}" data-tip="{escape(tip)}" '
            f'aria-label="{escape(fact.span)}: {escape(tip)}">{escape(fact.span)}</mark>')


def _tip(fact: Fact) -> str:
    value = f"{fact.value}–{fact.value_max}" if fact.value_max else fact.value
    fields = [fact.type, f"value: {value}"]
    fields += [f"{name}: {getattr(fact, name) or '—'}" for name in ("unit", "qualifier",
                                                                  "subject", "total")]
    return "\n".join(fields)


def _table(articles: list[Article]) -> str:
    head = "".join(f'<th scope="col"><button type="button">{c}</button></th>'
                   for c in TABLE_COLUMNS)
    rows = "\n".join(_row(i, k, a.doc, f) for i, a in enumerate(articles)
                     for k, f in enumerate(sorted(a.facts, key=lambda f: f.start)))
    return ('<section aria-label="All facts"><h2>All facts</h2>'
            f'<table class="facts sortable"><thead><tr>{head}</tr></thead>'
            f"<tbody>\n{rows}\n</tbody></table></section>")


def _row(index: int, k: int, doc: str, fact: Fact) -> str:
    cells = []
    for column in TABLE_COLUMNS:
        value = doc if column == "doc" else str(getattr(fact, column))
        if column == "span":
            content = f'<a href="#f{index}-{k}">{escape(value)}</a>'
        elif column == "type":
            content = f'<span class="swatch" data-type="{value}"></span>{value}'
        else:
            content = escape(value)
        sort = f' data-sort="{escape(value)}"' if column in NUMERIC_COLUMNS else ""
        cells.append(f"<td{sort}>{content}</td>")
    return f'<tr data-type="{fact.type}">{"".join(cells)}</tr>'


# ---- charts --------------------------------------------------------------------------------

def _bars(title: str, bars: list[tuple[str, float, str, str]]) -> str:
    """A horizontal bar chart: (label, value, colour, value text) per bar, one scale."""
    if not bars:
        return f'<figure class="chart"><figcaption>{escape(title)}</figcaption><p>none</p></figure>'
    top = max(value for _, value, _, _ in bars) or 1
    height = 22 * len(bars) + 4
    rows = []
    for n, (label, value, colour, text) in enumerate(bars):
        y, width = 22 * n + 2, max(1.0, BAR_WIDTH * value / top)
        rows.append(f'<text x="0" y="{y + 14}" class="label">{escape(_short(label))}</text>'
                    f'<rect x="150" y="{y}" width="{width:.1f}" height="18" fill="{colour}">'
                    f"<title>{escape(label)}: {escape(text)}</title></rect>"
                    f'<text x="{154 + width:.1f}" y="{y + 14}">{escape(text)}</text>')
    return (f'<figure class="chart"><figcaption>{escape(title)}</figcaption>'
            f'<svg role="img" aria-label="{escape(title)}" width="{150 + BAR_WIDTH + 190}" '
            f'height="{height}" xmlns="http://www.w3.org/2000/svg">{"".join(rows)}</svg>'
            "</figure>")


def _short(label: str, size: int = 19) -> str:
    """A bar label that fits its column; the bar's tooltip has it in full."""
    return label if len(label) <= size else label[:size - 1] + "…"


def _type_chart(articles: list[Article]) -> str:
    counts = Counter(f.type for a in articles for f in a.facts)
    return _bars("Facts per type", [(t, counts[t], COLOURS[t], str(counts[t]))
                                    for t in TYPES if counts[t]])


def money_per_document(articles: list[Article]) -> dict[tuple[str, str], Decimal]:
    """The sum of the MONEY facts' values per (document, currency)."""
    totals: dict[tuple[str, str], Decimal] = defaultdict(Decimal)
    for article in articles:
        for fact in article.facts:
            if fact.type == "MONEY":
                try:
                    totals[article.doc, fact.unit] += Decimal(fact.value)
                except InvalidOperation:
                    continue
    return dict(totals)


def _money_chart(articles: list[Article]) -> str:
    """Money per document; each currency on its own scale (tenge and dollars don't add)."""
    totals = money_per_document(articles)
    parts = []
    for unit in sorted({unit for _, unit in totals}):
        bars = [(doc, float(amount), COLOURS["MONEY"], f"{_grouped(amount)} {unit}")
                for (doc, u), amount in sorted(totals.items()) if u == unit]
        parts.append(_bars(f"Money per document ({unit})", bars))
    return "".join(parts) or _bars("Money per document", [])


def _grouped(amount: Decimal) -> str:
    """35000000000 -> 35 000 000 000, 32.5 -> 32,5 (thin spaces and a decimal comma, as
    Kazakh writes numbers)."""
    whole, _, fraction = format(amount, "f").partition(".")
    grouped = f"{int(whole):,}".replace(",", "\u202f")
    fraction = fraction.rstrip("0")
    return f"{grouped},{fraction}" if fraction else grouped


CSS = """
body { font-family: system-ui, "DejaVu Sans", "Liberation Sans", "Noto Sans", sans-serif;
       margin: 1.5rem auto; max-width: 70rem; padding: 0 1rem; color: #1a1a1a; }
h1 { font-size: 1.5rem; margin-bottom: .25rem; }
h2 { font-size: 1.1rem; margin-top: 1.5rem; }
.summary { color: #444; margin-top: 0; }
.legend { display: flex; flex-wrap: wrap; gap: .4rem 1rem; list-style: none; padding: 0; }
.legend li { display: flex; align-items: center; gap: .3rem; font-size: .9rem; }
.count { color: #666; }
.swatch { display: inline-block; width: .9rem; height: .9rem; border-radius: 2px;
          border: 1px solid #0003; margin-right: .3rem; vertical-align: -2px; }
.charts { display: flex; flex-wrap: wrap; gap: 1rem 2rem; }
.chart { margin: 0; }
.chart figcaption { font-weight: 600; font-size: .9rem; margin-bottom: .3rem; }
.chart svg text { font-size: 12px; fill: #1a1a1a; }
.text { white-space: pre-wrap; line-height: 1.7; border: 1px solid #ddd; border-radius: 4px;
        padding: .75rem 1rem; background: #fcfcfc; }
.fact { position: relative; border-radius: 3px; padding: 1px 2px; cursor: help;
        color: inherit; }
.fact:focus { outline: 2px solid #1a4fb5; outline-offset: 1px; }
.fact:hover::after, .fact:focus::after {
  content: attr(data-tip); position: absolute; left: 0; top: 100%; z-index: 10;
  margin-top: 4px; white-space: pre; background: #222; color: #fff; font-size: .8rem;
  line-height: 1.35; padding: .4rem .55rem; border-radius: 4px; min-width: 10rem;
  box-shadow: 0 2px 6px #0004; }
.fact.tip-left::after { left: auto; right: 0; }
table.facts { border-collapse: collapse; font-size: .85rem; width: 100%; }
table.facts th, table.facts td { border-bottom: 1px solid #e3e3e3; padding: .25rem .4rem;
                                 text-align: left; vertical-align: top; }
table.facts th button { font: inherit; font-weight: 600; background: none; border: 0;
                        padding: 0; cursor: pointer; }
th[aria-sort="ascending"] button::after { content: " ▲"; }
th[aria-sort="descending"] button::after { content: " ▼"; }
"""

# Sorts the facts table by the clicked column (numbers in data-sort before text), and opens
# a fact's tooltip to the left when it would leave the window on the right.
PAGE_SCRIPT = """
document.querySelectorAll("mark.fact").forEach(function (mark) {
  var place = function () {
    var left = mark.getBoundingClientRect().left;
    mark.classList.toggle("tip-left", left > window.innerWidth - 260);
  };
  mark.addEventListener("mouseenter", place);
  mark.addEventListener("focus", place);
});
document.querySelectorAll("table.sortable").forEach(function (table) {
  var heads = table.tHead.rows[0].cells;
  Array.prototype.forEach.call(heads, function (th, col) {
    th.querySelector("button").addEventListener("click", function () {
      var ascending = th.getAttribute("aria-sort") !== "ascending";
      Array.prototype.forEach.call(heads, function (h) { h.removeAttribute("aria-sort"); });
      th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
      var key = function (row) {
        var cell = row.cells[col];
        var text = cell.hasAttribute("data-sort") ? cell.getAttribute("data-sort")
                                                  : cell.textContent;
        var number = text.trim() === "" ? NaN : Number(text);
        return isNaN(number) ? [1, text] : [0, number];
      };
      var rows = Array.prototype.slice.call(table.tBodies[0].rows);
      rows.sort(function (a, b) {
        var x = key(a), y = key(b), order;
        if (x[0] !== y[0]) { order = x[0] - y[0]; }
        else if (x[0] === 0) { order = x[1] - y[1]; }
        else { order = x[1].localeCompare(y[1], "kk"); }
        return ascending ? order : -order;
      });
      rows.forEach(function (row) { table.tBodies[0].appendChild(row); });
    });
  });
});
"""
