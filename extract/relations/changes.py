"""Changes: a measured quantity that moved (``31 күннен 10 күнге қысқарды``).

The grammar, read leftwards from each verb of change (docs/changes.md):

    change := phrase+ GAP VERB     the phrases stand side by side (brackets between them
                                   allowed) right before the verb, GAP at most two words
    phrase := NUMBER-ABL            from
            | NUMBER-DAT [дейін]    to (with дейін, a place, a level noun) or else by
            | NUMBER есе            factor
            | PERCENT               by (a nominative percent right before the verb)

A from right before a dative makes one record, from -> to (by = to - from); every other
phrase is a record of its own. A negated verb (өспеді) changes nothing, and a DATE or TIME is
never what is measured.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from ..facts import Change, Fact, format_number
from ..kazakh.lexicon import ChangeVerb, Lexicon
from ..kazakh.morphology import noun_endings, noun_stem
from .sentences import Sentence, SentenceReader, Word
from .verbs import ChangeVerbs

GAP = 2  # words between the last number and its verb (бір сағатқа жетпейтін мерзімге)
BRACKETS = frozenset("()")
NOT_MEASURED = frozenset(("DATE", "TIME"))


@dataclass
class Phrase:
    """A fact read as an argument of a verb of change: its words (with the counted noun or
    level noun after it and дейін), and its role."""

    fact: int  # index into the document's facts
    first: int  # word indices in the sentence, ``last`` exclusive
    last: int
    role: str  # "from", "dative", "factor" or "nominative"
    up_to: bool = False  # дейін: the level reached
    target: bool = False  # a place or a level noun: the level reached


class ChangeFinder:
    """Finds the change records of a document's facts."""

    def __init__(self, lex: Lexicon, reader: SentenceReader) -> None:
        self.lex = lex
        self.words = lex.changes
        self.reader = reader
        self.verbs = ChangeVerbs(lex.changes, reader.transliterator)
        self.nominatives = frozenset(
            phrase[0] for table in (lex.currencies, lex.measures, lex.durations,
                                    lex.percent_words) for phrase in table if len(phrase) == 1)
        self.months = frozenset(phrase[0] for phrase in lex.months if len(phrase) == 1)

    def find(self, text: str, facts: list[Fact], sentences: list[Sentence]) -> list[Change]:
        """The changes, in text order."""
        changes: list[Change] = []
        for sentence in sentences:
            if self.verbs.may_hold(sentence.text):
                changes.extend(self._sentence(text, facts, sentence))
        return sorted(changes, key=lambda c: (c.start, c.end))

    def _sentence(self, text: str, facts: list[Fact], sentence: Sentence) -> list[Change]:
        words = self.reader.words(sentence, text)
        verbs = [(k, verb) for k, word in enumerate(words) if (verb := self.verbs.verb(word))]
        if not verbs:
            return []
        phrases = self._phrases(words, facts, sentence)
        ends = {phrase.last: phrase for phrase in phrases}
        dates = self._dates(words, facts, sentence)
        starts = {phrase.first: phrase for phrase in phrases}
        alphabet = (self.reader.transliterator.alphabet(sentence.text, text)
                    if sentence.latin else None)
        found = []
        for k, verb in verbs:
            if verb.negated or (k and self.verbs.verb(words[k - 1])):
                continue  # өспеді; арта түсті: the second verb is an auxiliary
            chain = [] if self._compared(words, k) else _chain(words, ends, dates, k)
            gloss = [] if chain else _gloss(words, starts, k)
            if not chain and not gloss:
                continue
            stem = self.verbs.written_stem(words[k], verb, alphabet)
            if gloss:
                found.append(self._gloss_record(text, facts, words[k], gloss, verb, stem))
                continue
            base = self._base(text, words, chain[0].first)
            found.extend(self._records(text, facts, chain, words[k].end, verb, stem, base))
        return found

    def _compared(self, words: list[Word], verb_at: int) -> bool:
        """5 есеге арзан түседі, 3 есеге көп түскен: a comparative right before the verb
        makes the number a comparison, not a change."""
        return verb_at > 0 and words[verb_at - 1].form in self.words.comparatives

    # --- the phrases -------------------------------------------------------------------

    def _phrases(self, words: list[Word], facts: list[Fact], sentence: Sentence
                 ) -> list[Phrase]:
        starts = [word.start for word in words]
        found = []
        for index in sentence.facts:
            fact = facts[index]
            if fact.type in NOT_MEASURED:
                continue
            first = bisect_left(starts, fact.start)
            last = bisect_left(starts, fact.end)
            if first < last:
                found.append(self._phrase(words, fact, index, first, last))
        return found

    @staticmethod
    def _dates(words: list[Word], facts: list[Fact], sentence: Sentence) -> dict[int, int]:
        """The dates of the sentence, last word -> first word (exclusive end -> start)."""
        starts = [word.start for word in words]
        found = {}
        for index in sentence.facts:
            fact = facts[index]
            if fact.type == "DATE":
                found[bisect_left(starts, fact.end)] = bisect_left(starts, fact.start)
        return found

    def _phrase(self, words: list[Word], fact: Fact, index: int, first: int, last: int
                ) -> Phrase:
        to_words = self.words.to_words
        own = last
        while own > first + 1 and words[own - 1].form in to_words:
            own -= 1  # 84-ке дейін: the case is on the word before дейін
        up_to = own < last
        if any(word.form in self.words.factor_words for word in words[first:own]):
            return Phrase(index, first, last, "factor")
        case, target = self._case(words[own - 1]), fact.type == "RANK"
        if not case and last < len(words) and self._noun(words[last]):
            noun_case = self._case(words[last])
            level = noun_stem(words[last].form) in self.words.target_nouns
            if noun_case and (level or fact.type == "CARDINAL" and fact.subject):
                # 70 млн құжатқа: the counted noun's case (45-і магистратураға has none);
                # 120 шақырым биіктікке: a level
                case, target, last = noun_case, target or level, last + 1
        if not up_to and last < len(words) and words[last].form in to_words:
            up_to, last = True, last + 1
        if up_to and not case:
            case = "dative"  # 7% дейін: дейін governs a dative whose ending was dropped
        role = {"ablative": "from", "dative": "dative"}.get(case, "nominative")
        return Phrase(index, first, last, role, up_to, target)

    def _noun(self, word: Word) -> bool:
        return (word.text[0].isalpha() and self.verbs.verb(word) is None
                and word.form not in self.words.to_words)

    def _case(self, word: Word) -> str:
        """The case of a word's ending: 31 күннен, 15-25 % -ке, 100-ден, 29-орынға; a
        measure's dictionary form (теңге, тонна) is no dative."""
        form = word.form.rsplit("-", 1)[-1]
        if not form[:1].isalpha():
            return ""
        if form in self.lex.case_of:
            return self.lex.case_of[form]
        if form in self.nominatives:
            return ""
        return self.lex.case_of.get(noun_endings(form).get("case"), "")

    # --- the comparison base -----------------------------------------------------------

    def _base(self, text: str, words: list[Word], before: int) -> str:
        """"өткен жылмен салыстырғанда", "былтырғы деңгейден": the base written in the
        clause before the numbers, as written."""
        for k in range(before - 1, -1, -1):
            word = words[k]
            if word.is_punct and word.text not in BRACKETS:
                return ""
            if word.form in self.words.comparison_markers:
                return text[words[self._base_start(words, k - 1)].start:word.end]
            if (noun_stem(word.form) in self.words.level_nouns
                    and self._case(word) == "ablative"):
                return text[words[self._base_start(words, k)].start:word.end]
        return ""

    def _base_start(self, words: list[Word], noun: int) -> int:
        """The base's first word: its noun with the determiners, months, genitives and date
        before it (өткен жылдың сәйкес кезеңімен, желтоқсан айымен, 2017 жылмен)."""
        start = noun
        while start > 0:
            word = words[start - 1]
            if word.is_punct:
                break
            if not (word.form in self.words.base_determiners or word.form in self.months
                    or self._case(word) == "genitive" or word.text[0].isdigit()):
                break
            start -= 1
        return start

    # --- the records -------------------------------------------------------------------

    def _records(self, text: str, facts: list[Fact], chain: list[Phrase], end: int,
                 verb: ChangeVerb, stem: str, base: str) -> list[Change]:
        """The records of the phrases before one verb (ending at ``end``): a from and the
        dative after it make one, every other phrase one of its own."""
        found = []
        k = 0
        while k < len(chain):
            pair = (chain[k].role == "from" and k + 1 < len(chain)
                    and chain[k + 1].role == "dative")
            linked = [facts[phrase.fact] for phrase in chain[k:k + 1 + pair]]
            fields = (_from_to(*linked) if pair
                      else _amount(chain[k], linked[0], verb, k == len(chain) - 1))
            k += 1 + pair
            if not fields:
                continue
            first, measured = linked[0], linked[-1]
            found.append(Change(
                start=first.start, end=end, span=text[first.start:end], type=measured.type,
                unit=measured.unit, direction=verb.direction, verb=stem, compared_to=base,
                facts=" ".join(str(f.start) for f in linked), sentence=first.sentence,
                **fields))
        return found

    def _gloss_record(self, text: str, facts: list[Fact], verb_word: Word,
                      gloss: list[Phrase], verb: ChangeVerb, stem: str) -> Change:
        start, to = facts[gloss[0].fact], facts[gloss[1].fact]
        return Change(start=verb_word.start, end=to.end, span=text[verb_word.start:to.end],
                      type=to.type, unit=to.unit, direction=verb.direction, verb=stem,
                      facts=f"{start.start} {to.start}", sentence=to.sentence,
                      **_from_to(start, to))


def _gloss(words: list[Word], starts: dict[int, Phrase], verb_at: int) -> list[Phrase]:
    """ҚҚС-тың өсуіне назар аударады (12%-дан 16%-ға): a bracket holding only a from-to
    pair within GAP words after the verb glosses it (the one form whose verb comes first)."""
    at = verb_at + 1
    while at < len(words) and words[at].text != "(":
        if words[at].is_punct or at - verb_at > GAP:
            return []
        at += 1
    start = starts.get(at + 1)
    to = starts.get(start.last) if start else None
    if (start and to and start.role == "from" and to.role == "dative"
            and to.last < len(words) and words[to.last].text == ")"):
        return [start, to]
    return []


def _amount(phrase: Phrase, fact: Fact, verb: ChangeVerb, nearest: bool) -> dict[str, str]:
    """The fields of a phrase alone: the level reached (дейін, a place, a level noun), the
    amount (a dative; a percent right before the verb), or a factor."""
    if phrase.role == "dative" and (phrase.up_to or phrase.target):
        return {"to_value": fact.value}
    if phrase.role == "dative" or (phrase.role == "nominative" and nearest
                                   and fact.type == "PERCENT"):
        sign = 1 if verb.direction == "up" else -1
        return {"by_value": _signed(fact.value, sign),
                "by_value_max": _signed(fact.value_max, sign)}
    if phrase.role == "factor":
        return {"factor": fact.value}
    return {}


def _from_to(start: Fact, to: Fact) -> dict[str, str]:
    return {"from_value": start.value, "to_value": to.value,
            "by_value": _difference(to.value, start.value)}


def _chain(words: list[Word], ends: dict[int, Phrase], dates: dict[int, int], verb_at: int
           ) -> list[Phrase]:
    """The phrases side by side before the verb, in text order: the nearest within GAP
    words of it (brackets not counted), then each one right before the last (a date may
    stand between: 2021 жылғы 201 млн доллардан 2023 жылы 543 млн долларға дейін)."""
    at, gap = verb_at, 0
    while at not in ends:
        word = words[at - 1] if at else None
        if word is None or (word.is_punct and word.text not in BRACKETS):
            return []
        if word.text not in BRACKETS:
            gap += 1
            if gap > GAP:
                return []
        at -= 1
    chain = [ends[at]]
    if chain[0].role == "nominative" and at != verb_at:
        return []  # a nominative percent only right before its verb (2% төмендесе)
    at = chain[-1].first
    while True:
        while at and words[at - 1].text in BRACKETS:
            at -= 1
        at = dates.get(at, at)
        found = ends.get(at)
        if found is None or found.role == "nominative":
            break
        chain.append(found)
        at = found.first
    return chain[::-1]


def _signed(value: str, sign: int) -> str:
    if not value:
        return ""
    return format_number(Fraction(Decimal(value)) * sign)


def _difference(to: str, start: str) -> str:
    return format_number(Fraction(Decimal(to)) - Fraction(Decimal(start)))
