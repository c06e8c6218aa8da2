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


def idiom(ctx: Context, words: list[Word], number: Number) -> Outcome:
    """екі жаққа кетті "they parted", бір ауыз сөзбен "in a single word": a number word in a
    set phrase counts nothing."""
    if number.end != number.start + 1 or not words[number.start].text[:1].isalpha():
        return None  # one number word: мың қадам, not 1000 қадам
    return NO_FACT if any(_idiom_at(ctx, words, number.start, phrase)
                          for phrase in ctx.lex.number_idioms) else None


def count(ctx: Context, words: list[Word], number: Number) -> Draft:
    """Any other number counts: bare бір before a noun counts one (KazNERD marks бір адам,
    бір рет as CARDINAL)."""
    return ctx.draft(number, number.end, "CARDINAL", "")


def _is_article(ctx: Context, words: list[Word], number: Number) -> bool:
    if not (number.words_only and number.value == 1):
        return False
    if number.suffixes:  # бір-ақ шықтық "we just came out": the adverb before a verb
        return ([name for name, _ in number.suffixes.parts] == ["clitic"]
                and _verb_after(ctx, words, number.end))
    after = words[number.end].lower if number.end < len(words) else ""
    return (after in ctx.lex.article_set_phrases
            or _plural_after(ctx, words, number.end)  # бір таныстар "some acquaintances"
            or _verb_after(ctx, words, number.end)  # бір өсіп "once grew"
            or _same_predicate(ctx, words, number)  # тілі бір, ділі бір "of one tongue"
            or _possessed_object(ctx, words, number)  # бір әнін арнады "a song of hers"
            or _participle_after(ctx, words, number.end)  # бір айтарым "one thing I'd say"
            or _optative_after(ctx, words, number.end)  # бір хат болсын "at least a letter"
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


def _verb_after(ctx: Context, words: list[Word], k: int) -> bool:
    """бір өсіп, бір сүйіншілетеміз., бір жеңілдеп қалдық: the word after бір is a verb (a
    converb or verbal noun, a finite verb with a person ending that ends the clause, or a
    converb in -п before an auxiliary), so бір is the adverb "just, once"."""
    if k >= len(words) or words[k].is_punct:
        return False
    lex, after = ctx.lex, words[k].lower
    if after.endswith(lex.article_verb_endings):
        return True
    ends_clause = k + 1 >= len(words) or words[k + 1].is_punct
    if ends_clause:
        return after.endswith(lex.article_finite_endings)
    converb = lex.article_converb
    return (len(after) > 3 and after.endswith(converb)
            and after[-len(converb) - 1] in lex.back_vowels + lex.front_vowels
            and _auxiliary(ctx, words[k + 1].lower))


def _auxiliary(ctx: Context, word: str) -> bool:
    """қалдық, кетті, жүр: a form of an auxiliary verb (not қала "town": the rest of the word
    must be a verb ending)."""
    endings = ctx.lex.article_finite_endings + ctx.lex.verb_endings
    return any(word.startswith(stem) and (word == stem or word[len(stem):].endswith(endings))
               for stem in ctx.lex.article_auxiliaries)


def _same_predicate(ctx: Context, words: list[Word], number: Number) -> bool:
    """діні бір, тілі бір, тегі бір: бір after a possessed noun, in a run of such parallel
    predicates, means "the same"."""
    def possessed_before(k: int) -> bool:
        return (k > 0 and words[k].lower == ctx.lex.article and not words[k - 1].is_punct
                and words[k - 1].lower.endswith(ctx.lex.article_same_after)
                and not ctx.numbers.starts_number(words[k - 1]))
    if not possessed_before(number.start):
        return False
    counted, found = ctx.parallel_predicates
    if counted is not words:
        found = sum(map(possessed_before, range(len(words))))
        ctx.parallel_predicates = (words, found)
    return found >= ctx.lex.article_same_parallel


def _possessed_object(ctx: Context, words: list[Word], number: Number) -> bool:
    """бір әнін арнады: бір before a possessed noun in the accusative, with no possessor in
    the genitive before it, no other count in the clause, and not a part noun (қаражаттың бір
    бөлігін "one part of the funds" counts)."""
    k, lex = number.end, ctx.lex
    if k >= len(words) or words[k].is_punct or not words[k].text[:1].islower():
        return False
    after = words[k].lower
    if (len(after) < 4 or not after.endswith(lex.article_possessed_object)
            or after[-3] in lex.back_vowels + lex.front_vowels  # жиын, қиын: the stem's own
            or after.startswith(lex.article_possessed_parts)
            or ctx.numbers.starts_number(words[k])
            or any(table.match(words, k) for table in
                   (ctx.measures, ctx.currencies, ctx.durations, ctx.percents))):
        return False
    before = words[number.start - 1].lower if number.start > 0 else ""
    return not before.endswith(ctx.genitive_endings) and not _other_count(ctx, words, number)


def _other_count(ctx: Context, words: list[Word], number: Number) -> bool:
    """Another number in the sentence part of ``number`` (commas join the parts of a list:
    екі қызын, бір ұлын)."""
    def clause(step: int) -> range:
        k = number.start - 1 if step < 0 else number.end
        while 0 <= k < len(words) and not (words[k].is_punct and words[k].text != ","):
            k += step
        return range(k + 1, number.start) if step < 0 else range(number.end, k)
    return any(ctx.numbers.starts_number(words[k]) for k in (*clause(-1), *clause(1)))


def _participle_after(ctx: Context, words: list[Word], k: int) -> bool:
    """бір айтарым, бір білетініміз: a participle with a personal possessive names a thing
    said or known, not a counted one."""
    return (k < len(words) and not words[k].is_punct
            and words[k].lower.endswith(ctx.lex.article_participles)
            and not ctx.numbers.starts_number(words[k]))  # бір жарым "one and a half"


def _optative_after(ctx: Context, words: list[Word], k: int) -> bool:
    """бір жылулық, бір хат болсын "at least some warmth, a letter": бір + a noun before the
    optative болсын, within a few words of the same sentence."""
    for at in range(k, min(len(words), k + ctx.lex.article_optative_span + 1)):
        if words[at].lower in ctx.lex.article_optative:
            return at > k
        if words[at].is_punct and words[at].text not in ",":
            return False
    return False


def _idiom_at(ctx: Context, words: list[Word], k: int, phrase: tuple[str, ...]) -> bool:
    """Whether the number word ``words[k]`` stands in ``phrase`` (any of its places)."""
    for at, part in enumerate(phrase):
        start = k - at
        if (part == words[k].lower and start >= 0 and start + len(phrase) <= len(words)
                and all(_idiom_word(ctx, words, start + n, w) for n, w in enumerate(phrase))):
            return True
    return False


def _idiom_word(ctx: Context, words: list[Word], k: int, part: str) -> bool:
    word = words[k].lower
    if part.endswith("-"):  # a verb stem: кет- in кетті, кету
        return word.startswith(part[:-1])
    return word == part or ctx.word_of(words, k, _stems(part)) == part


_STEM_SETS: dict[str, frozenset[str]] = {}


def _stems(part: str) -> frozenset[str]:
    """One frozenset per stem, kept: the stem reader indexes each set once."""
    return _STEM_SETS.setdefault(part, frozenset((part,)))
