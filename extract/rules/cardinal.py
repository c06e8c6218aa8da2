"""CARDINAL: a count (4 бағыт, мыңнан астам адам, бір адам), what is left of a number no
other rule took; but not бір as the article (бір күні "one day", белгілі бір "a certain").

Corpus: tests/corpus/cardinal.tsv, tests/corpus/number_forms.tsv, tests/corpus/words.tsv,
tests/corpus/roman.tsv; what is no fact: tests/corpus/not_facts.tsv, tests/corpus/negative.tsv.
"""

from __future__ import annotations

from ..kazakh.morphology import is_plural_noun
from ..numbers.reader import Number
from ..text.words import Word
from .context import Context
from .draft import NO_FACT, Draft, Outcome


def glued_word(ctx: Context, words: list[Word], number: Number) -> Outcome:
    """5G: a number glued without a hyphen to a word that no rule before read is no fact."""
    return NO_FACT if number.glued else None


def article(ctx: Context, words: list[Word], number: Number) -> Outcome:
    """бір күні "one day", белгілі бір "a certain": the article in its set phrases."""
    return NO_FACT if _is_article(ctx, words, number) else None


def count(ctx: Context, words: list[Word], number: Number) -> Draft:
    """Any other number counts: bare бір before a noun counts one (KazNERD marks бір адам,
    бір рет as CARDINAL)."""
    return ctx.draft(number, number.end, "CARDINAL", "")


def _is_article(ctx: Context, words: list[Word], number: Number) -> bool:
    if not (number.words_only and number.value == 1 and not number.suffixes):
        return False
    after = words[number.end].lower if number.end < len(words) else ""
    return (after in ctx.lex.article_set_phrases
            or _plural_after(ctx, words, number.end)  # бір таныстар "some acquaintances"
            or after.endswith(ctx.lex.article_verb_endings)  # бір өсіп "once grew"
            or (bool(after) and ctx.numbers.starts_number(words[number.end])  # бір 2-3
                and not ctx.durations.match(words, number.end))  # not бір жетіден
            or ctx.lists.of(words).ending("article_after", number.start) is not None)


def _plural_after(ctx: Context, words: list[Word], k: int) -> bool:
    """A plural noun after бір makes it the indefinite "some": one thing is singular."""
    if k >= len(words) or words[k].is_punct or not words[k].text[:1].islower():
        return False
    measured = (ctx.measures, ctx.currencies, ctx.durations, ctx.percents)
    return (not any(table.match(words, k) for table in measured)
            and is_plural_noun(words[k].lower))
