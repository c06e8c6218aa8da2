"""``kazextract explain "TEXT"``: why the facts of a text came out as they did.

For each sentence that reaches the rules: each word with its analysis (its lower form,
whether a number may start there, and its readings as a number word, currency, unit,
month, rank noun …: stem, suffix chain, case), the numbers read with the rule that decided
on each, and each fact with its fields, the rule that made it and the words it spans.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import click

from ..assembly.sentence import Decision, FactBuilder, SentenceTrace
from ..facts import format_number
from ..kazakh.morphology import Suffixes
from ..numbers.reader import Number
from ..relations.document import load_pipeline
from ..rules.context import Context, glued_word
from ..rules.draft import Draft
from ..text.phrases import PhraseTable
from ..text.words import Word
from .main import RELATIVE_DATES_HELP

OUTPUT_FIELDS = ("type", "value", "value_max", "unit", "qualifier", "subject", "total")


def explain(text: str, relative_dates: bool = False) -> list[dict[str, Any]]:
    """What the pipeline did with ``text``, one record per sentence that reached the rules."""
    nlp = load_pipeline(relative_dates)
    builder: FactBuilder = nlp.get_pipe("kazakh_numeric_facts").builder
    builder.trace = traces = []
    try:
        doc = nlp(text)
    finally:
        builder.trace = None
    spans = {(s.start_char, s.end_char): s for s in doc.spans["facts"]}
    return [_sentence(builder.ctx, doc.text, trace, spans) for trace in traces]


def _sentence(ctx: Context, text: str, trace: SentenceTrace, spans: dict) -> dict[str, Any]:
    words = trace.words
    return {
        "text": text[words[0].start:words[-1].end] if words else "",
        "words": [_word(ctx, words, k) for k in range(len(words))],
        "numbers": [_number(ctx, words, d) for d in trace.decisions],
        "facts": [_fact(words, draft, spans) for draft in trace.facts],
    }


def _tables(ctx: Context) -> tuple[tuple[str, PhraseTable], ...]:
    return (("currency", ctx.currencies), ("minor unit", ctx.minor_units),
            ("percent", ctx.percents), ("unit", ctx.measures), ("time unit", ctx.durations),
            ("year word", ctx.year_words), ("month", ctx.months), ("rank noun", ctx.rank_nouns),
            ("time noun", ctx.time_nouns), ("date word", ctx.temporal.date_words),
            ("time word", ctx.temporal.times))


def _word(ctx: Context, words: list[Word], k: int) -> dict[str, Any]:
    word = words[k]
    return {"index": k, "text": word.text, "lower": word.lower, "punct": bool(word.is_punct),
            "number_start": ctx.numbers.starts_number(word), "in_name": word.in_name,
            "readings": list(_readings(ctx, words, k))}


def _readings(ctx: Context, words: list[Word], k: int) -> Iterator[dict[str, Any]]:
    """The word's readings: as a number word, then in each phrase table that matches there."""
    if words[k].is_punct:
        return
    number_word = ctx.numbers.numerals.read(words[k].lower)
    if number_word is not None:
        value = ctx.numbers.numerals.values.get(number_word.stem)
        yield _reading(ctx, "number word", number_word.stem, number_word.suffixes,
                       format_number(value) if value is not None else "")
    for category, table in _tables(ctx):
        found = table.match(words, k)
        if found:
            yield {**_reading(ctx, category, found.stem, found.suffixes, _plain(found.value)),
                   **({"words": [k, found.end]} if found.end > k + 1 else {})}


def _reading(ctx: Context, category: str, stem: str, suffixes: Suffixes, value: str
             ) -> dict[str, Any]:
    return {"category": category, "stem": stem, "value": value,
            "suffixes": [list(part) for part in suffixes.parts],
            "case": ctx.lex.case_of.get(suffixes.get("case"), "")}


def _plain(value: object) -> str:
    """A table's value as text: a code (KZT), a month's number, a minor unit's (KZT, 100)."""
    if isinstance(value, tuple):
        return " ".join(map(str, value))
    return "" if value is True else str(value)


def _number(ctx: Context, words: list[Word], decision: Decision) -> dict[str, Any]:
    number: Number = decision.number
    record = {"words": [number.start, number.end],
              "text": " ".join(w.text for w in words[number.start:number.end]),
              "value": format_number(number.value), "value_max": format_number(number.value_max),
              "case": ctx.lex.case_of.get(number.case, ""), "ordinal": number.ordinal,
              "glued": number.glued, "rule": decision.rule, "fact": decision.made_fact}
    if number.glued:
        record["glued_readings"] = list(_readings(ctx, glued_word(number), 0))
    return record


def _fact(words: list[Word], draft: Draft, spans: dict) -> dict[str, Any]:
    start, end = words[draft.start].start, words[draft.end - 1].end
    span = spans.get((start, end))
    fields = {name: getattr(span._, name) if span is not None and name != "type"
              else getattr(draft, name) for name in OUTPUT_FIELDS}
    return {"span": span.text if span is not None else "", "start": start, "end": end,
            **fields, "rule": draft.rule, "parts": list(draft.parts),
            "words": [[k, words[k].text] for k in range(draft.start, draft.end)]}


# ---- plain text ---------------------------------------------------------------------------

def render_text(sentences: list[dict[str, Any]]) -> str:
    if not sentences:
        return ("No sentence reached the rules: none holds a number (or, with "
                "--relative-dates, a date or time word).")
    return "\n".join(line for n, s in enumerate(sentences, 1) for line in _sentence_lines(n, s))


def _sentence_lines(n: int, sentence: dict[str, Any]) -> Iterator[str]:
    yield f"Sentence {n}: {sentence['text']}"
    yield "  words:"
    for w in sentence["words"]:
        flags = [*(["number start"] if w["number_start"] else []),
                 *(["in a name"] if w["in_name"] else [])]
        readings = [_reading_text(r) for r in w["readings"]]
        lower = f" ({w['lower']})" if w["lower"] != w["text"] else ""
        details = "; ".join([*flags, *readings])
        yield f"    {w['index']:>3} {w['text']}{lower}" + (f"  {details}" if details else "")
    yield "  numbers:" if sentence["numbers"] else "  numbers: none"
    for d in sentence["numbers"]:
        value = d["value"] + (f"..{d['value_max']}" if d["value_max"] else "")
        extra = [*([f"case {d['case']}"] if d["case"] else []),
                 *(["ordinal"] if d["ordinal"] else []),
                 *([f"glued {d['glued']}"] if d["glued"] else [])]
        glued = [_reading_text(r) for r in d.get("glued_readings", [])]
        decided = (f"{d['rule']}" if d["fact"] else f"no fact ({d['rule'] or 'no rule'})")
        yield (f"    words {d['words'][0]}-{d['words'][1] - 1} {d['text']} = {value}"
               + (f" ({', '.join(extra + glued)})" if extra or glued else "")
               + f" -> {decided}")
    yield "  facts:" if sentence["facts"] else "  facts: none"
    for f in sentence["facts"]:
        fields = "  ".join(f"{name}={f[name]}" for name in OUTPUT_FIELDS[1:] if f[name])
        rule = f["rule"] + (f" ({' + '.join(f['parts'])})" if f["parts"] else "")
        used = ", ".join(f"{k} {text}" for k, text in f["words"])
        yield f"    {f['type']} «{f['span']}»" + (f"  {fields}" if fields else "")
        yield f"      rule {rule}; words {used}"


def _reading_text(reading: dict[str, Any]) -> str:
    suffixes = "+".join(f"{slot}:{form}" for slot, form in reading["suffixes"])
    value = reading["value"] if reading["value"] not in ("", reading["stem"]) else ""
    parts = [reading["stem"] + (f" = {value}" if value else "")]
    if suffixes:
        parts.append(suffixes)
    if reading["case"]:
        parts.append(reading["case"])
    if "words" in reading:
        parts.append(f"to word {reading['words'][1] - 1}")
    return f"{reading['category']}: " + ", ".join(parts)


@click.command("explain", epilog="""
\b
Examples:
  kazextract explain "193 мемлекеттің ішінде 29-орынға көтерілді."
  kazextract explain "Биыл 35 млрд теңге жұмсалды." --relative-dates
  kazextract explain "5-тен 10 мың теңгеге дейін" --json
""")
@click.argument("text")
@click.option("--relative-dates", is_flag=True, help=RELATIVE_DATES_HELP)
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of plain text.")
def explain_command(text: str, relative_dates: bool, as_json: bool) -> None:
    """Show how the rules read TEXT: each word's analysis, the numbers read and the rule
    that decided on each, and each fact with its rule and the words it spans (- reads
    standard input)."""
    if text == "-":
        text = click.get_text_stream("stdin").read()
    sentences = explain(text, relative_dates)
    if as_json:
        click.echo(json.dumps({"sentences": sentences}, ensure_ascii=False, indent=2))
    else:
        click.echo(render_text(sentences))
