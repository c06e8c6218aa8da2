"""What every rule reads besides the sentence's words: the lexicon, the number reader and
the phrase tables built from ``patterns/``, and the small readings several rules share (a
word's stem in a set, its case, a year, "аралығында" after a range)."""

from __future__ import annotations

from ..facts import format_number
from ..kazakh.lexicon import Lexicon, load_lexicon
from ..kazakh.morphology import noun_endings, read_word
from ..numbers.reader import Number, NumberReader
from ..text.matchers import ClosedLists, quotation_patterns
from ..text.phrases import PhraseTable
from ..text.words import Word
from .draft import Draft
from .temporal import TEMPORAL_WORD_SETS, TemporalMatcher, temporal_lists

# closed lists that are sets of single words, matched as written (no abbreviations)
WORD_SETS = frozenset({"speech_markers", "total_postpositions", *TEMPORAL_WORD_SETS})


class Context:
    """The tables the rules match words against, built once per pipeline."""

    def __init__(self, lex: Lexicon | None = None) -> None:
        self.lex = lex = lex or load_lexicon()
        self.grammar = lex.grammar  # windows, cases, punctuation: patterns/grammar.toml
        self.numbers = NumberReader(lex)
        # measure words may take a numeral's approximation suffix: теңгедей, тоннадай, айдай
        self.currencies = PhraseTable(lex.currencies, numeral=True)
        self.minor_units = PhraseTable(lex.minor_units, numeral=True)
        self.percents = PhraseTable(
            {**dict.fromkeys([*lex.percent_words, *((s,) for s in lex.percent_symbols)], "%"),
             **dict.fromkeys(lex.percent_points, "pp")}, numeral=True)
        self.measures = PhraseTable(lex.measures, numeral=True, capitals=lex.capital_units)
        self.durations = PhraseTable(lex.durations, numeral=True,
                                     abbreviations=lex.duration_abbreviations)
        self.year_words = PhraseTable(dict.fromkeys(lex.year_words, True))
        self.months = PhraseTable(lex.months)
        self.rank_nouns = PhraseTable(with_elided(lex, {p: p[-1] for p in lex.rank_nouns}))
        self.after = PhraseTable({m.phrase: m for m in lex.modifiers if m.position == "after"})
        # the closed lists, whose words never inflect: one PhraseMatcher pass per sentence
        self.lists = ClosedLists({
            "before": {m.phrase: m for m in lex.modifiers if m.position == "before"},
            "naming": dict.fromkeys(lex.naming_words, True),
            "article_after": {tuple(p.split()): True for p in lex.article_after},
            "relatives": {(w,): w for w in lex.duration_relatives},
            "speech_markers": {(w,): w for w in lex.speech_markers},
            "total_postpositions": {(w,): w for w in lex.total_postpositions},
            **temporal_lists(lex)}, full_forms=lex.abbreviations, as_written=WORD_SETS,
            structures={"quotation": quotation_patterns(lex.grammar.quotes)})
        self.temporal = TemporalMatcher(lex, self.numbers.starts_number, self.lists)
        self.time_nouns = self.temporal.nouns
        self.age_stems = lex.age_nouns | lex.duration_needs_ending
        self.genitive_endings = tuple(f for f, case in lex.case_of.items() if case == "genitive")
        self.signs = "".join(sorted(lex.plus_signs | lex.minus_signs))  # +5, -5, −5, –5
        # the stem sets ordinal.in_name reads words against, built once: each set has its own
        # stem index and memory (a fresh union per call made a new one each time)
        names = lex.name_words
        self.titled_nouns = names["positions"] | names["events"]
        self.named_nouns = (self.titled_nouns | names["titles"] | names["facilities"]
                            | names["law_parts"])
        self.law_owners = names["laws"] | names["law_parts"]
        self.season_stems = frozenset(lex.season_months)  # күз: күздің екінші айы
        self.year_part_stems = frozenset(lex.year_parts)  # тоқсан, жартыжылдық
        # the sentence last counted and its parallel predicates (cardinal._same_predicate):
        # counted once per sentence, as every бір of a long one asks
        self.parallel_predicates: tuple[list[Word] | None, int] = (None, 0)

    def word_of(self, words: list[Word], k: int, stems: frozenset[str]) -> str:
        """The stem from ``stems`` that ``words[k]`` is a form of (бабының -> бап), or ''."""
        if k >= len(words) or k < 0 or words[k].is_punct:
            return ""
        reading = read_word(words[k].lower, stems)
        return reading.stem if reading else ""

    def case_of_word(self, word: Word) -> str:
        """The grammatical case of a word's ending, read as a noun."""
        return self.lex.case_of.get(noun_endings(word.lower).get("case"), "")

    def draft(self, number: Number, end: int, kind: str, unit: str, subject: str = ""
              ) -> Draft:
        """The fact of ``number`` up to word ``end``, its value the number's."""
        return Draft(number.start, end, kind, format_number(number.value),
                     format_number(number.value_max), unit, subject=subject, low=number.value,
                     case=self.lex.case_of.get(number.case, ""))

    def is_year(self, number: Number) -> bool:
        values = [number.value] + ([number.value_max] if number.value_max is not None else [])
        return all(v.denominator == 1 and self.lex.year_min <= v <= self.lex.year_max
                   for v in values) and not number.approximate

    def between(self, words: list[Word], end: int) -> int:
        """Take in аралығында, аралықта "between" after a range."""
        if end < len(words) and (words[end].lower in self.lex.between_words
                                 or self.word_of(words, end, self.lex.between_nouns)):
            return end + 1
        return end

    def between_after(self, words: list[Word], end: int) -> int:
        """Like ``between``, also across a plural time noun: мамырдың 5-і күндері аралығында."""
        noun = self.time_nouns.match(words, end) if end < len(words) else None
        if noun and noun.suffixes.get("plural") and self.between(words, noun.end) > noun.end:
            return noun.end + 1
        return self.between(words, end)


def with_elided(lex: Lexicon, phrases: dict[tuple[str, ...], str]
                ) -> dict[tuple[str, ...], str]:
    """The phrases and, for a last word with high-vowel elision, its elided stem too, with
    the same value (орын -> орн: 10-орнын, орнында)."""
    elided = {(*p[:-1], lex.elision[p[-1]]): v for p, v in phrases.items()
              if p[-1] in lex.elision}
    return {**phrases, **elided}


def glued_word(number: Number) -> list[Word]:
    """The word glued to a number after its hyphen (29-орынға -> орынға), as a sentence of one."""
    return [Word(number.glued.removeprefix("-"), 0, 0)]


def is_free(number: Number) -> bool:
    """The number has no case, possessive or derivation ending of its own: the word after it
    may be what it measures (5 теңге, not 5-інде теңге)."""
    return not (number.case or number.suffixes.get("possessive")
                or number.suffixes.get("derivation"))
