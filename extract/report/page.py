"""The HTML report: one self-contained page (no network, no external scripts or fonts)
that opens in about a second even for thousands of documents.

The page holds every document's text, facts and changes once, as compact JSON in a data block, and
its one script builds what is looked at, when it is looked at: a sortable, filterable index
of the documents with their counts per type, each article with its facts highlighted by
type and a table of its changes when it is opened (all of them at once for a small report),
and a sortable, filterable table of all facts shown a page of rows at a time. The charts
(facts per type, documents by number of facts, the documents with the most money per
currency) aggregate, so they stay small however many documents there are. A document that
could not be read or analysed is an entry in the index with its reason.

Nothing from a text reaches the page as markup: the data block escapes every ``<``, the
script escapes every piece it inserts, and the page's own parts go through ``html.escape``.
"""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from html import escape

from ..engines.work import Result, Settings, process
from ..facts import TYPES, Change, Fact
from ..sources.documents import Task

# Presentation only: one background colour per fact type, readable under black text.
COLOURS = {"MONEY": "#9be7a0", "PERCENT": "#ffd27f", "RANK": "#f4a6a6", "ORDINAL": "#f6c6e8",
           "CARDINAL": "#a8d4ff", "QUANTITY": "#c9b8ff", "DURATION": "#b5ece6",
           "DATE": "#e0e0a0", "TIME": "#d9c3a5"}
# A fact in the data block: offsets (code points, as in the output contract), the type's
# index in TYPES, then these fields as strings.
FACT_FIELDS = ("value", "value_max", "unit", "qualifier", "subject", "total", "period")
# A change in the data block: offsets, the measured type's index in TYPES, then these.
CHANGE_FIELDS = ("unit", "from_value", "to_value", "by_value", "by_value_max", "factor",
                 "direction", "verb", "compared_to")
BAR_WIDTH = 220
TOP_DOCUMENTS = 12  # bars of a money chart; the other documents share one more bar
# Up to this many documents and characters, every article is open when the page loads.
OPEN_ALL_DOCUMENTS = 20
OPEN_ALL_CHARS = 400_000
# Documents by number of facts: the lower bound of each bar.
FACT_BUCKETS = (0, 1, 10, 20, 50, 100, 200)
_SURROGATE = re.compile(r"[\ud800-\udfff]")


@dataclass(frozen=True)
class Article:
    doc: str
    text: str
    facts: list[Fact]
    error: str = ""  # why the document has no facts: it could not be read, or analysed
    changes: list[Change] = field(default_factory=list)


def analyse(documents: Iterable[tuple[str, str]], relative_dates: bool = False
            ) -> list[Article]:
    """(doc id, text) pairs with their facts, through the one pipeline (with
    ``relative_dates``, also dates and times without a number). A document whose analysis
    fails is an Article with the reason, not an exception."""
    settings = Settings(relative_dates=relative_dates)
    return [analyse_one(doc, text, settings) for doc, text in documents]


def analyse_one(doc: str, text: str, settings: Settings) -> Article:
    """One document's facts, by the batch's own unit of work (so the report guards each
    document exactly as ``extract`` does)."""
    return article_of(doc, text, Result(*process(Task(doc, doc, text=text), settings)))


def article_of(doc: str, text: str, result: Result) -> Article:
    """The Article of a document's text and the batch's result for it."""
    return Article(doc, text, [Fact(*row) for row in result.rows], result.reason,
                   [Change(*row) for row in result.changes])


def render(articles: list[Article], title: str = "kazextract report") -> str:
    """The whole page."""
    count = sum(len(a.facts) for a in articles)
    changes = sum(len(a.changes) for a in articles)
    failed = sum(1 for a in articles if a.error)
    summary = f"{len(articles)} document(s), {count} fact(s)" + (
        f", {changes} change(s)" if changes else "") + (f", {failed} failed" if failed else "")
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
        f'<p class="summary">{summary}. Open a document from the index; hover over or tab '
        "to a highlighted fact to see its fields; click a column title to sort.</p>",
        _legend(articles),
        "</header>",
        '<section class="charts" aria-label="Charts">',
        _type_chart(articles),
        _facts_per_document_chart(articles),
        _money_chart(articles),
        "</section>",
        _errors(articles),
        "<noscript><p>The index, the articles and the table of facts are built by the "
        "page's script: allow JavaScript for this file to see them.</p></noscript>",
        INDEX_HTML,
        '<section id="reader" aria-label="Documents"></section>',
        FACTS_HTML,
        f'<script type="application/json" id="report-data">{page_data(articles)}</script>',
        f"<script>{PAGE_SCRIPT}</script>",
        "</body>",
        "</html>",
    ])


def build_report(documents: Iterable[tuple[str, str]], title: str = "kazextract report",
                 relative_dates: bool = False) -> str:
    """The report page for (doc id, text) pairs."""
    return render(analyse(documents, relative_dates), title)


# ---- the data block ------------------------------------------------------------------------

def page_data(articles: list[Article]) -> str:
    """Every document as [doc, text, facts, error] (facts in text order, each
    [start, end, type index, *FACT_FIELDS]), its changes (each [start, end, type index,
    *CHANGE_FIELDS]) and the documents open at load, as JSON that is safe inside a <script>
    element."""
    types = {t: n for n, t in enumerate(TYPES)}

    def entry(record: Fact | Change, names: tuple[str, ...]) -> list:
        return [record.start, record.end, types[record.type],
                *(getattr(record, name) for name in names)]

    docs = [[a.doc, a.text, [entry(f, FACT_FIELDS) for f in sorted(a.facts,
                                                                   key=lambda f: f.start)],
             a.error] for a in articles]
    changes = [[entry(c, CHANGE_FIELDS) for c in a.changes] for a in articles]
    data = {"types": TYPES, "docs": docs, "changes": changes,
            "open": list(range(len(articles))) if _open_all(articles) else []}
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    # no "<" at all, so neither "</script" nor "<!--" can end or bend the element; a lone
    # surrogate (from a JSON record's escape) cannot be written as UTF-8, so it stays escaped
    text = text.replace("<", "\\u003c")
    return _SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def _open_all(articles: list[Article]) -> bool:
    return (len(articles) <= OPEN_ALL_DOCUMENTS
            and sum(len(a.text) for a in articles) <= OPEN_ALL_CHARS)


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


def _errors(articles: list[Article]) -> str:
    """The documents without facts because they failed, with the reason."""
    items = "".join(f'<li><a href="#doc-{i}">{escape(a.doc)}</a>: {escape(a.error)}</li>'
                    for i, a in enumerate(articles) if a.error)
    return (f'<section class="errors" aria-label="Errors"><h2>Not analysed</h2><ul>{items}'
            "</ul></section>" if items else "")


def _table_section(label: str, title: str, name: str, placeholder: str, choose: str) -> str:
    """A section with a filter box, a type choice and a sortable table the script fills."""
    return f"""<section aria-label="{label}">
<h2>{title}</h2>
<div class="tools"><label>Filter <input type="search" id="{name}-filter"
 placeholder="{placeholder}"></label>
<label>{choose} <select id="{name}-type"></select></label>\
<span class="shown" id="{name}-shown"></span>
</div>
<div class="scroll"><table class="{name} sortable"><thead></thead><tbody></tbody></table>
<button type="button" class="more" hidden></button></div>
</section>"""


INDEX_HTML = _table_section("Index of documents", "Documents", "index", "name or reason", "Show")
FACTS_HTML = _table_section("All facts", "All facts", "facts", "document, span, unit or subject",
                            "Type")


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
            f'<svg role="img" aria-label="{escape(title)}" width="{150 + BAR_WIDTH + 170}" '
            f'height="{height}" xmlns="http://www.w3.org/2000/svg">{"".join(rows)}</svg>'
            "</figure>")


def _short(label: str, size: int = 19) -> str:
    """A bar label that fits its column; the bar's tooltip has it in full."""
    return label if len(label) <= size else label[:size - 1] + "…"


def _type_chart(articles: list[Article]) -> str:
    counts = Counter(f.type for a in articles for f in a.facts)
    return _bars("Facts per type", [(t, counts[t], COLOURS[t], str(counts[t]))
                                    for t in TYPES if counts[t]])


def facts_per_document(articles: list[Article]) -> list[tuple[str, int]]:
    """How many analysed documents have 0, 1–9, 10–19 … facts: (bucket, documents) for
    every bucket up to the last one that holds a document."""
    bounds = [*FACT_BUCKETS, None]
    labels = [f"{low}" if high == low + 1 else f"{low}–{high - 1}" if high else f"{low}+"
              for low, high in zip(bounds, bounds[1:], strict=False)]
    counts = Counter(sum(1 for low in FACT_BUCKETS if len(a.facts) >= low) - 1
                     for a in articles if not a.error)
    last = max(counts, default=-1)
    return [(f"{labels[n]} facts", counts[n]) for n in range(last + 1)]


def _facts_per_document_chart(articles: list[Article]) -> str:
    return _bars("Documents by number of facts",
                 [(label, n, "#b8c4d6", str(n)) for label, n in facts_per_document(articles)])


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
    """Money per document, the largest TOP_DOCUMENTS and one bar for the others; each
    currency on its own scale (tenge and dollars don't add)."""
    totals = money_per_document(articles)
    parts = []
    for unit in sorted({unit for _, unit in totals}):
        amounts = sorted(((doc, amount) for (doc, u), amount in totals.items() if u == unit),
                         key=lambda item: (-item[1], item[0]))
        top, others = amounts[:TOP_DOCUMENTS], amounts[TOP_DOCUMENTS:]
        if others:
            top.append((f"{len(others)} others", sum(amount for _, amount in others)))
        bars = [(doc, float(amount), COLOURS["MONEY"], f"{_grouped(amount)} {unit}")
                for doc, amount in top]
        title = f"Money per document ({unit})" + (
            f": the {TOP_DOCUMENTS} largest of {len(amounts)}" if others else "")
        parts.append(_bars(title, bars))
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
       margin: 1.5rem auto; max-width: 72rem; padding: 0 1rem; color: #1a1a1a; }
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
.errors li, .reason { color: #8a1c1c; }
.tools { display: flex; flex-wrap: wrap; align-items: center; gap: .5rem 1.25rem;
         font-size: .9rem; margin-bottom: .4rem; }
.tools input { width: 16rem; }
.shown { color: #666; }
.scroll { max-height: 26rem; overflow: auto; border: 1px solid #ddd; border-radius: 4px; }
.more { display: block; margin: .4rem auto; font: inherit; font-size: .85rem; }
.more[hidden] { display: none; }
#reader article { position: relative; }
.close { font: inherit; font-size: .9rem; border: 1px solid #ccc; border-radius: 3px;
         background: #f4f4f4; cursor: pointer; margin-left: .5rem; vertical-align: 1px; }
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
table.sortable { border-collapse: collapse; font-size: .85rem; width: 100%; }
table.sortable th, table.sortable td { border-bottom: 1px solid #e3e3e3; padding: .25rem .4rem;
                                       text-align: left; vertical-align: top; }
table.sortable thead th { position: sticky; top: 0; background: #f4f4f4; z-index: 1; }
table.sortable th button { font: inherit; font-weight: 600; background: none; border: 0;
                           padding: 0; cursor: pointer; }
table.index td.n { text-align: right; font-variant-numeric: tabular-nums; }
table.index td.failed { color: #8a1c1c; }
table.changes { border-collapse: collapse; font-size: .85rem; margin-top: .4rem; }
table.changes th, table.changes td { border-bottom: 1px solid #e3e3e3; padding: .25rem .5rem;
                                     text-align: left; vertical-align: top; }
table.changes th { background: #f4f4f4; }
.up { color: #1b6e2a; }
.down { color: #a3261b; }
th[aria-sort="ascending"] button::after { content: " ▲"; }
th[aria-sort="descending"] button::after { content: " ▼"; }
"""

# The page's one script. It reads the data block, builds the index of documents and the
# table of facts a page of rows at a time (sorted and filtered on the data, not on the DOM),
# renders an article with its highlighted facts when it is opened (#doc-N, or #fN-K for one
# fact), and opens a fact's tooltip to the left when it would leave the window.
PAGE_SCRIPT = r"""
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("report-data").textContent);
  var TYPES = data.types, docs = data.docs;  // doc: [name, text, facts, error]
  var changes = data.changes;  // per doc: [start, end, type, unit, from, to, by, by_max,
  //                              factor, direction, verb, compared_to]
  var PAGE = 200;  // rows added to a table at a time
  var NONE = "\u2014";
  var collator = new Intl.Collator("kk");
  var ESCAPES = {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;"};
  function esc(text) {
    return String(text).replace(/[&<>"']/g, function (c) { return ESCAPES[c]; });
  }

  // Offsets count code points, as the output contract does; a JS string counts UTF-16
  // units, so a text with characters beyond U+FFFF gets a map from one to the other.
  var unitMaps = [];
  function unitMap(i) {
    if (unitMaps[i] === undefined) {
      var text = docs[i][1], map = null, at = 0;
      if (/[\uD800-\uDFFF]/.test(text)) {
        map = [];
        for (var ch of text) { map.push(at); at += ch.length; }
        map.push(at);
      }
      unitMaps[i] = map;
    }
    return unitMaps[i];
  }
  function unit(i, offset) { var map = unitMap(i); return map ? map[offset] : offset; }
  function span(i, f) { return docs[i][1].slice(unit(i, f[0]), unit(i, f[1])); }
  function length(i) { var map = unitMap(i); return map ? map.length - 1 : docs[i][1].length; }

  // ---- articles, rendered when opened ----
  function tip(f) {  // f: [start, end, type, value, value_max, unit, qualifier, subject,
    //                     total, period]
    return [TYPES[f[2]], "value: " + (f[4] ? f[3] + "\u2013" + f[4] : f[3]),
            "unit: " + (f[5] || NONE), "qualifier: " + (f[6] || NONE),
            "subject: " + (f[7] || NONE), "total: " + (f[8] || NONE),
            "period: " + (f[9] || NONE)].join("\n");
  }
  // ---- an article's changes: what went up or down, from what to what, by how much ----
  var ARROWS = {up: "\u25b2 up", down: "\u25bc down"};
  function range(low, high) { return high ? low + "\u2013" + high : low; }
  function fromTo(c) {
    return c[4] || c[5] ? esc(c[4]) + " \u2192 " + esc(c[5]) : "";
  }
  function changesHtml(i) {
    var rows = changes[i].map(function (c) {
      return '<tr data-direction="' + esc(c[9]) + '"><td>' + esc(span(i, c)) + "</td><td>" +
        swatch(TYPES[c[2]]) + "</td><td>" + fromTo(c) + '</td><td class="' + esc(c[9]) + '">' +
        esc(ARROWS[c[9]] || c[9]) + "</td><td>" + esc(range(c[6], c[7])) + "</td><td>" +
        (c[8] ? "\u00d7" + esc(c[8]) : "") + "</td><td>" + esc(c[3]) + "</td><td>" +
        esc(c[10]) + "</td><td>" + esc(c[11]) + "</td></tr>";
    });
    return rows.length ? '<h3>Changes</h3><table class="changes"><thead><tr>' +
      ["span", "type", "from \u2192 to", "direction", "by", "factor", "unit", "verb",
       "compared to"].map(function (name) { return '<th scope="col">' + name + "</th>"; })
        .join("") + "</tr></thead><tbody>" + rows.join("") + "</tbody></table>" : "";
  }
  function markHtml(i, k, f) {
    var text = esc(span(i, f)), fields = esc(tip(f));
    return '<mark class="fact" id="f' + i + "-" + k + '" data-type="' + TYPES[f[2]] +
      '" tabindex="0" title="' + fields + '" data-tip="' + fields + '" aria-label="' + text +
      ": " + fields + '">' + text + "</mark>";
  }
  // The builder never overlaps facts; were one to overlap its predecessor it would stay
  // unmarked (still in the table) rather than repeat text.
  function highlighted(i) {
    var text = docs[i][1], parts = [], at = 0;
    docs[i][2].forEach(function (f, k) {
      var start = unit(i, f[0]);
      if (start < at) { return; }
      parts.push(esc(text.slice(at, start)), markHtml(i, k, f));
      at = unit(i, f[1]);
    });
    parts.push(esc(text.slice(at)));
    return parts.join("");
  }
  var reader = document.getElementById("reader");
  function openDoc(i) {
    var article = document.getElementById("doc-" + i);
    if (article) { return article; }
    var doc = docs[i];
    article = document.createElement("article");
    article.id = "doc-" + i;
    article.dataset.index = i;
    article.innerHTML = "<h2>" + esc(doc[0]) + ' <button type="button" class="close" ' +
      'aria-label="Close ' + esc(doc[0]) + '">Close</button></h2>' +
      (doc[3] ? '<p class="reason">Not analysed: ' + esc(doc[3]) + "</p>" : "") +
      (doc[1] ? '<div class="text">' + highlighted(i) + "</div>" : "") + changesHtml(i);
    var next = reader.firstElementChild;  // open articles stay in document order
    while (next && Number(next.dataset.index) < i) { next = next.nextElementSibling; }
    reader.insertBefore(article, next);
    return article;
  }
  function route(hash) {
    var doc = /^#doc-(\d+)$/.exec(hash), fact = /^#f(\d+)-(\d+)$/.exec(hash);
    if (doc && docs[doc[1]]) {
      openDoc(Number(doc[1])).scrollIntoView();
    } else if (fact && docs[fact[1]]) {
      var article = openDoc(Number(fact[1])), mark = document.getElementById(hash.slice(1));
      if (mark) { mark.focus(); } else { article.scrollIntoView(); }
    }
  }
  document.addEventListener("click", function (event) {
    var target = event.target;
    if (target.classList.contains("close") && target.closest("#reader")) {
      target.closest("article").remove();
      return;
    }
    var link = target.closest("a[href^='#']");
    if (link && /^#(doc-|f)\d/.test(link.getAttribute("href"))) {
      event.preventDefault();  // the element may not exist yet: route renders it
      history.pushState(null, "", link.getAttribute("href"));
      route(link.getAttribute("href"));
    }
  });
  window.addEventListener("hashchange", function () { route(location.hash); });
  function placeTip(event) {
    var mark = event.target;
    if (mark.classList && mark.classList.contains("fact")) {
      mark.classList.toggle("tip-left", mark.getBoundingClientRect().left > innerWidth - 260);
    }
  }
  reader.addEventListener("mouseover", placeTip);
  reader.addEventListener("focusin", placeTip);

  // ---- tables built from the data, a page of rows at a time ----
  function sortKey(text) {  // numbers before text, as numbers; blanks last either way
    if (text.trim() === "") { return [2, text]; }
    var number = Number(text);
    return isNaN(number) ? [1, text] : [0, number];
  }
  function pagedTable(section, columns, rows, rowHtml, matches) {
    var table = section.querySelector("table"), body = table.tBodies[0];
    var more = section.querySelector("button.more"), shown = section.querySelector(".shown");
    var selected = rows, count = 0;
    table.tHead.innerHTML = "<tr>" + columns.map(function (c) {
      return '<th scope="col"><button type="button">' + c.name + "</button></th>";
    }).join("") + "</tr>";
    function addRows() {
      var end = Math.min(selected.length, count + PAGE), html = [];
      for (var n = count; n < end; n++) { html.push(rowHtml(selected[n])); }
      body.insertAdjacentHTML("beforeend", html.join(""));
      count = end;
      more.hidden = count >= selected.length;
      more.textContent = "Show " + Math.min(PAGE, selected.length - count) + " more (" +
        (selected.length - count) + " not shown)";
      shown.textContent = (selected.length === rows.length ? "" : selected.length + " of ") +
        rows.length + " row(s)";
    }
    function refresh() {
      selected = rows.filter(matches);
      body.textContent = "";
      count = 0;
      addRows();
    }
    more.addEventListener("click", addRows);
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, col) {
      th.querySelector("button").addEventListener("click", function () {
        var ascending = th.getAttribute("aria-sort") !== "ascending", value = columns[col].value;
        Array.prototype.forEach.call(table.tHead.rows[0].cells, function (h) {
          h.removeAttribute("aria-sort");
        });
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        var keyed = rows.map(function (row, n) {
          var key = sortKey(String(value(row)));
          return [key[0], key[1], n];
        });
        keyed.sort(function (x, y) {
          if ((x[0] === 2) !== (y[0] === 2)) { return x[0] === 2 ? 1 : -1; }
          var order = x[0] !== y[0] ? x[0] - y[0]
            : x[0] === 0 ? x[1] - y[1] : collator.compare(x[1], y[1]);
          return (ascending ? order : -order) || x[2] - y[2];
        });
        rows = keyed.map(function (key) { return rows[key[2]]; });
        refresh();
      });
    });
    return refresh;
  }
  function cells(columns, row) {
    return columns.map(function (c) {
      var sort = c.numeric ? ' data-sort="' + esc(c.value(row)) + '"' : "";
      return "<td" + sort + (c.css ? ' class="' + c.css(row) + '"' : "") + ">" +
        (c.cell ? c.cell(row) : esc(c.value(row))) + "</td>";
    }).join("");
  }
  function typeOptions(select, first, extra) {
    select.innerHTML = [first].concat(extra || [], TYPES).map(function (option) {
      return "<option>" + esc(option) + "</option>";
    }).join("");
  }
  function onInput(elements, refresh) {
    var timer = null;
    elements.forEach(function (element) {
      element.addEventListener("input", function () {
        clearTimeout(timer);
        timer = setTimeout(refresh, 120);
      });
    });
  }
  function swatch(type) { return '<span class="swatch" data-type="' + type + '"></span>' + type; }

  // the index: one row per document
  var counts = docs.map(function (doc) {
    var byType = TYPES.map(function () { return 0; });
    doc[2].forEach(function (f) { byType[f[2]] += 1; });
    return byType;
  });
  function ok(i) { return !docs[i][3]; }
  var indexColumns = [
    {name: "doc", value: function (i) { return docs[i][0]; },
     cell: function (i) { return '<a href="#doc-' + i + '">' + esc(docs[i][0]) + "</a>"; }},
    {name: "characters", numeric: true, css: function () { return "n"; },
     value: function (i) { return ok(i) || docs[i][1] ? length(i) : ""; }},
    {name: "facts", numeric: true, css: function () { return "n"; },
     value: function (i) { return ok(i) ? docs[i][2].length : ""; }}
  ].concat(TYPES.map(function (type, t) {
    return {name: swatch(type), numeric: true, css: function () { return "n"; },
            value: function (i) { return ok(i) ? counts[i][t] : ""; }};
  }), [{name: "error", value: function (i) { return docs[i][3]; },
        css: function () { return "failed"; }}]);
  var indexSection = document.querySelector("table.index").closest("section");
  var indexFilter = document.getElementById("index-filter");
  var indexType = document.getElementById("index-type");
  typeOptions(indexType, "all documents", ["failed documents"]);
  var indexRefresh = pagedTable(indexSection, indexColumns, docs.map(function (_, i) {
    return i;
  }), function (i) {
    return '<tr data-index="' + i + '"' + (ok(i) ? "" : ' class="failed"') + ">" +
      cells(indexColumns, i) + "</tr>";
  }, function (i) {
    var query = indexFilter.value.trim().toLowerCase(), type = indexType.selectedIndex - 2;
    if (type === -1 && ok(i)) { return false; }
    if (type >= 0 && !counts[i][type]) { return false; }
    return !query || (docs[i][0] + "\n" + docs[i][3]).toLowerCase().indexOf(query) >= 0;
  });
  onInput([indexFilter, indexType], indexRefresh);

  // the facts: one row per fact, [doc index, fact index]
  function fact(row) { return docs[row[0]][2][row[1]]; }
  function field(n) { return function (row) { return fact(row)[n]; }; }
  var factColumns = [
    {name: "doc", value: function (row) { return docs[row[0]][0]; }},
    {name: "span", value: function (row) { return span(row[0], fact(row)); },
     cell: function (row) {
       return '<a href="#f' + row[0] + "-" + row[1] + '">' + esc(span(row[0], fact(row))) +
         "</a>";
     }},
    {name: "type", value: function (row) { return TYPES[fact(row)[2]]; },
     cell: function (row) { return swatch(TYPES[fact(row)[2]]); }},
    {name: "value", numeric: true, value: field(3)},
    {name: "value_max", numeric: true, value: field(4)},
    {name: "unit", value: field(5)},
    {name: "qualifier", value: field(6)},
    {name: "subject", value: field(7)},
    {name: "total", numeric: true, value: field(8)},
    {name: "period", value: field(9)},
    {name: "start", numeric: true, value: field(0)}
  ];
  var factRows = [];
  docs.forEach(function (doc, i) {
    doc[2].forEach(function (_, k) { factRows.push([i, k]); });
  });
  var factsFilter = document.getElementById("facts-filter");
  var factsType = document.getElementById("facts-type");
  typeOptions(factsType, "all types");
  var factsRefresh = pagedTable(document.querySelector("table.facts").closest("section"),
                                factColumns, factRows, function (row) {
    return '<tr data-type="' + TYPES[fact(row)[2]] + '">' + cells(factColumns, row) + "</tr>";
  }, function (row) {
    var query = factsFilter.value.trim().toLowerCase(), type = factsType.selectedIndex - 1;
    var f = fact(row);
    if (type >= 0 && f[2] !== type) { return false; }
    return !query || [docs[row[0]][0], span(row[0], f), f[5], f[7]].join("\n")
      .toLowerCase().indexOf(query) >= 0;
  });
  onInput([factsFilter, factsType], factsRefresh);

  indexRefresh();
  factsRefresh();
  data.open.forEach(openDoc);
  if (location.hash) { route(location.hash); }
})();
"""
