"""ORDINAL: бесінші, 5-сынып, 136-бап; but not an ordinal that numbers a name (Кодекстің
128-інші бабы, бірінші вице-премьер, 19-ыншы съезі, Ақтөбедегі нөмірі 1-інші орталық).
Ordinals before a time noun are dates (date.py).

Corpus: tests/corpus/ordinal.tsv and tests/corpus/ordinal_forms.tsv.
"""

from __future__ import annotations

from ..kazakh.morphology import noun_endings, read_word
from ..numbers.reader import Number
from ..text.words import Word
from .context import Context
from .draft import NO_FACT, Draft, Outcome


def glued_in_name(ctx: Context, words: list[Word], number: Number) -> Outcome:
    """58-бабының, 1-інші орынбасары: a hyphened ordinal inside a name is no fact."""
    return NO_FACT if number.glued.startswith("-") and in_name(ctx, words, number) else None


def glued_hyphen(ctx: Context, words: list[Word], number: Number) -> Draft | None:
    """5-сынып, 136-бап: the hyphen stands for the ordinal suffix."""
    if number.glued.startswith("-"):
        return ctx.draft(number, number.end, "ORDINAL", "")
    return None


def grade(ctx: Context, words: list[Word], number: Number) -> Draft | None:
    """11 сынып оқушысы, 3 курс студенттері: a bare number before a bare school year noun
    that qualifies a possessed learner noun is that year, written without its hyphen."""
    k = number.end
    if (number.ordinal or number.glued or number.suffixes.parts or number.value_max is not None
            or k + 1 >= len(words)):
        return None
    highest = ctx.lex.grade_years.get(words[k].lower)
    if highest is None or not 1 <= number.value <= highest or number.value != int(number.value):
        return None
    learner = read_word(words[k + 1].lower, ctx.lex.grade_learners)
    if learner is None or not learner.suffixes.get("possessive"):
        return None
    return ctx.draft(number, number.end, "ORDINAL", "")


def word_in_name(ctx: Context, words: list[Word], number: Number) -> Outcome:
    """бірінші вице-премьер, 19-ыншы съезі: an ordinal inside a name is no fact."""
    return NO_FACT if number.ordinal and in_name(ctx, words, number) else None


def word(ctx: Context, words: list[Word], number: Number) -> Draft | None:
    """бесінші, 3-інші: an ordinal number."""
    return ctx.draft(number, number.end, "ORDINAL", "") if number.ordinal else None


def in_name(ctx: Context, words: list[Word], number: Number) -> bool:
    """An ordinal that numbers a law's article, a position or an event is part of that
    name (Кодекстің 128-інші бабы, бірінші вице-премьер, 19-ыншы съезі)."""
    names = ctx.lex.name_words
    glued = number.glued.removeprefix("-")
    if number.glued and not (number.glued.startswith("-") and glued):
        return False
    if _numbered_place(ctx, words, number.start):
        return True
    # the named noun follows the number, or is glued to it by the hyphen (58-бабының)
    noun_words, k = ([Word(glued, 0, 0)], 0) if glued else (words, number.end)
    after = ctx.word_of(noun_words, k, ctx.named_nouns)
    if after in names["facilities"] or after in names["titles"]:
        return True
    if after in ctx.titled_nouns:
        # Қаржы министрінің 1-інші орынбасары is a position's name; қала әкімінің 1-інші
        # орынбасары, келесі 5-інші сессия are ordinals (KazNERD)
        return _proper_name_before(ctx, words, number.start, ctx.grammar.owner_words)
    if after in names["law_parts"] and number.start:
        k = number.start - 1
        if k and words[k].text == ",":
            k -= 1  # 99-ыншы бабы, 2-нші бөлімі
        owner = words[k]
        if owner.text[:1].isdigit() and "-" in owner.text:  # 58-бабының 1-тармағы
            owner = Word(owner.text.split("-", 1)[1], owner.start, owner.end)
        return bool(ctx.word_of([owner], 0, ctx.law_owners))
    return False


def _numbered_place(ctx: Context, words: list[Word], k: int) -> bool:
    """Ақтөбедегі нөмірі 1-інші орталық: "number N" after a named place names an
    institution; елорда шетіндегі нөмірі 23-інші мектеп is an ordinal (KazNERD)."""
    return (k > 1 and bool(ctx.word_of(words, k - 1, ctx.lex.name_words["numbered"]))
            and _locates(ctx, words[k - 2])
            and _proper_name_before(ctx, words, k - 1, ctx.grammar.place_words))


def _locates(ctx: Context, word: Word) -> bool:
    """A locative made an attribute with -ғы/-гі: Ақтөбедегі "(the one) in Aqtobe"."""
    suffixes = noun_endings(word.lower)
    return bool(suffixes.get("relative")
                and ctx.lex.case_of.get(suffixes.get("case")) == "locative")


def _proper_name_before(ctx: Context, words: list[Word], k: int, window: int) -> bool:
    """A capitalised word or a closing quote among the ``window`` words before ``words[k]``
    in its clause: the owner named in a title (Бас Ассамблеясының, Қаржы министрінің)."""
    grammar = ctx.grammar
    for j in range(k - 1, max(k - 1 - window, -1), -1):
        text = words[j].text
        if text in grammar.quotes.values():
            return True
        if words[j].is_punct or text in grammar.clause_breaks:
            return False
        # a sentence's first word is capitalised anyway (Ол, Бұл): only when it owns the
        # genitive right before the number (Қаржы министрінің | 1-інші)
        first = j == 0 or words[j - 1].text in grammar.terminals
        if text[:1].isupper() and text[:1].isalpha() and (not first or j >= k - 2):
            return True
    return False
