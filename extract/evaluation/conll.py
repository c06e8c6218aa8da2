"""Evaluation on CoNLL IOB2 files such as KazNERD: read sentences, rebuild their text with
natural spacing, run the pipeline, map facts onto tokens and KazNERD's numeric classes, and
score them with seqeval's strict IOB2 entity definition. Also twin agreement: the word form
(AID) and digit forms (BID, CID …) of one sentence must give the same values."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path

import regex

from ..facts import Fact

# KazNERD's numeric classes, in the order the report prints them.
CLASSES = ("MONEY", "PERCENTAGE", "ORDINAL", "CARDINAL", "QUANTITY", "DATE", "TIME")
TYPE_TO_CLASS = {"MONEY": "MONEY", "PERCENT": "PERCENTAGE", "RANK": "ORDINAL",
                 "ORDINAL": "ORDINAL", "CARDINAL": "CARDINAL", "QUANTITY": "QUANTITY",
                 "DATE": "DATE", "TIME": "TIME"}
# KazNERD: TIME is a period under a day, DATE a day or longer (guidelines S2, §DATE/§TIME).
UNDER_A_DAY = {"second", "minute", "hour"}

ID_LINE = regex.compile(r"^[A-F]ID\d+$")
NO_SPACE_BEFORE = {",", ".", ":", ";", "!", "?", ")", "»", "%"}
NO_SPACE_AFTER = {"(", "«"}
DIGIT_JOINERS = {",", ":"}  # `20 , 7` → `20,7`; `18 : 00` → `18:00`


@dataclass(frozen=True)
class Sentence:
    id: str | None
    tokens: list[str]
    tags: list[str]


@dataclass(frozen=True)
class Entity:
    """A run of tokens ``[start, end)`` of one class; value fields only for predictions."""

    cls: str
    start: int
    end: int
    value: str = ""
    value_max: str = ""


# --- reading ---------------------------------------------------------------------------------

class ConllError(ValueError):
    """A file that is not CoNLL IOB2 in UTF-8; the message is the reason."""


TAG = regex.compile(r"^(?:O|[BI]-\S+)$")


def read_conll(path: str | Path) -> Iterator[Sentence]:
    """Sentences of a CoNLL file (``token TAG`` lines, blank-line separated), each with its
    sentence ID when the file has ID lines (``AID327344 O`` at the start of a sentence).
    Raises ConllError for bytes that are not UTF-8 and lines that are not ``token TAG``."""
    with open(path, encoding="utf-8") as f:
        try:
            yield from parse_conll(f)
        except UnicodeDecodeError:
            raise ConllError(_not_utf8(Path(path))) from None


def _not_utf8(path: Path) -> str:
    """Where the first byte that is not UTF-8 is (the text reader only knows its block)."""
    data = path.read_bytes()
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as err:
        line = data.count(b"\n", 0, err.start) + 1
        return f"not UTF-8 (byte 0x{data[err.start]:02x} on line {line}); CoNLL files are UTF-8"
    return "not UTF-8"


def parse_conll(lines: Iterable[str]) -> Iterator[Sentence]:
    sent_id, tokens, tags = None, [], []
    for number, line in enumerate(lines, start=1):
        fields = line.split()
        if not fields:
            if tokens:
                yield Sentence(sent_id, tokens, tags)
            sent_id, tokens, tags = None, [], []
            continue
        token, tag = fields[0], fields[-1] if len(fields) > 1 else "O"
        if not TAG.match(tag):
            raise ConllError(f"not a CoNLL IOB2 file: line {number} ends in {tag[:40]!r}, "
                             "not a tag (O, B-CLASS, I-CLASS)")
        if not tokens and sent_id is None and tag == "O" and ID_LINE.match(token):
            sent_id = token
        else:
            tokens.append(token)
            tags.append(tag)
    if tokens:
        yield Sentence(sent_id, tokens, tags)


# --- rebuilding the text ---------------------------------------------------------------------

def join_tokens(tokens: list[str]) -> tuple[str, list[tuple[int, int]]]:
    """The sentence with natural spacing, and each token's ``(start, end)`` in it.

    >>> join_tokens(["20", ",", "7", "пайызы", "."])[0]
    '20,7 пайызы.'
    """
    parts: list[str] = []
    offsets: list[tuple[int, int]] = []
    length = 0
    for i, token in enumerate(tokens):
        if i and not _no_space(tokens, i):
            parts.append(" ")
            length += 1
        parts.append(token)
        offsets.append((length, length + len(token)))
        length += len(token)
    return "".join(parts), offsets


def _no_space(tokens: list[str], i: int) -> bool:
    """No space between ``tokens[i - 1]`` and ``tokens[i]``."""
    token, prev = tokens[i], tokens[i - 1]
    if token in NO_SPACE_BEFORE or token.startswith("%-") or prev in NO_SPACE_AFTER:
        return True
    # the digits after a decimal comma or a clock colon: `20 , 7` → `20,7`, `18 : 00` → `18:00`
    return (prev in DIGIT_JOINERS and i >= 2 and tokens[i - 2][-1:].isdigit()
            and token[:1].isdigit())


# --- mapping facts onto tokens ---------------------------------------------------------------

def fact_class(fact: Fact) -> str | None:
    """KazNERD class of a fact (None for a type KazNERD does not have)."""
    if fact.type == "DURATION":
        return "TIME" if fact.unit in UNDER_A_DAY else "DATE"
    return TYPE_TO_CLASS.get(fact.type)


def align(facts: Iterable[Fact], offsets: list[tuple[int, int]]) -> list[Entity]:
    """Each fact as the run of tokens it overlaps. Where facts share a token, the earlier
    (then longer) fact keeps it; a fact left with no token of its own is dropped."""
    taken: set[int] = set()
    entities = []
    for fact in sorted(facts, key=lambda f: (f.start, -f.end)):
        cls = fact_class(fact)
        covered = [i for i, (s, e) in enumerate(offsets)
                   if s < fact.end and fact.start < e and i not in taken]
        if cls is None or not covered:
            continue
        # claimed tokens can only be at the start (facts come in order), so this is a run
        entities.append(Entity(cls, covered[0], covered[-1] + 1, fact.value, fact.value_max))
        taken.update(range(covered[0], covered[-1] + 1))
    return sorted(entities, key=lambda e: e.start)


def to_tags(entities: Iterable[Entity], length: int) -> list[str]:
    """IOB2 tags for non-overlapping entities."""
    tags = ["O"] * length
    for e in entities:
        tags[e.start] = f"B-{e.cls}"
        for i in range(e.start + 1, e.end):
            tags[i] = f"I-{e.cls}"
    return tags


def entities_of(tags: list[str], classes: Iterable[str] = CLASSES) -> list[Entity]:
    """Entities of an IOB2 tag sequence as seqeval's strict mode reads them: a ``B-X``
    followed by every ``I-X`` right after it. An ``I-X`` that does not continue a ``B-X``
    or ``I-X`` starts nothing. Tags of classes outside ``classes`` count as O."""
    wanted = set(classes)
    entities: list[Entity] = []
    start, cls = None, None
    for i, tag in enumerate([*tags, "O"]):
        prefix, _, name = tag.partition("-")
        if start is not None and not (prefix == "I" and name == cls):
            entities.append(Entity(cls, start, i))
            start, cls = None, None
        if prefix == "B" and name in wanted:
            start, cls = i, name
    return entities


# --- running the pipeline --------------------------------------------------------------------

@dataclass
class Result:
    """Gold and predicted entities of one sentence."""

    sentence: Sentence
    text: str
    offsets: list[tuple[int, int]]
    gold: list[Entity]
    predicted: list[Entity]

    def span_text(self, e: Entity) -> str:
        return self.text[self.offsets[e.start][0]:self.offsets[e.end - 1][1]]


def evaluate_sentence(sentence: Sentence, find: Callable[[str], list[Fact]]) -> Result:
    text, offsets = join_tokens(sentence.tokens)
    predicted = align(find(text), offsets)
    return Result(sentence, text, offsets, entities_of(sentence.tags), predicted)


def run(sentences: Iterable[Sentence], find: Callable[[str], list[Fact]] | None = None,
        relative_dates: bool = True) -> list[Result]:
    """Gold and predicted entities of every sentence. ``find`` defaults to ``find_facts``,
    with dates and times written without a number (биыл, таңертең) unless
    ``relative_dates`` is false: KazNERD annotates those as DATE and TIME."""
    if find is None:
        find = partial(kaznerd_facts, relative_dates=relative_dates)
    return [evaluate_sentence(s, find) for s in sentences]


def kaznerd_facts(text: str, relative_dates: bool = True) -> list[Fact]:
    """The facts of ``text`` as KazNERD spans them: a from-to change whose start is a bare
    number before the end's unit (сағатына 80-нен 60 шақырымға дейін төмендетілді) is one
    entity there, as a range is, where the facts table keeps one fact per written number;
    with the unit on both ends (30 пайыздан 50 пайызға дейін) or on neither (40000-нан
    20000) KazNERD has two entities too."""
    from ..relations import document as pipeline

    related = pipeline.find_related(text, relative_dates)
    by_start = {fact.start: fact for fact in related.facts}
    joined: dict[int, Fact] = {}
    for change in related.changes:
        ends = [by_start.get(int(start)) for start in change.facts.split()]
        if len(ends) == 2 and None not in ends and change.from_value and change.to_value:
            first, last = ends
            if (first.type == last.type and last.unit and not text[first.end:last.start].strip()
                    and _bare_number(first.span.split()[-1])):
                joined[first.start] = replace(first, end=last.end, span=text[first.start:last.end],
                                              value_max=last.value)
                joined[last.start] = None
    return [joined.get(f.start, f) for f in related.facts if joined.get(f.start, f) is not None]


def _bare_number(word: str) -> bool:
    """A number with at most a case ending and no unit of its own: 80-нен, сексеннен."""
    from ..kazakh.numerals import number_words

    return (bool(_DIGITS_WITH_ENDING.fullmatch(word))
            or number_words().read(word.lower()) is not None)


_DIGITS_WITH_ENDING = regex.compile(r"\d[\d.,]*(?:-?\p{L}+)?")


# --- scoring ---------------------------------------------------------------------------------

@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def support(self) -> int:
        return self.tp + self.fn

    @property
    def predicted(self) -> int:
        return self.tp + self.fp

    # seqeval's zero_division default: an empty denominator gives 0
    @property
    def precision(self) -> float:
        return self.tp / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.tp / self.support if self.support else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Scores:
    by_class: dict[str, Counts] = field(default_factory=dict)
    micro: Counts = field(default_factory=Counts)


def _keys(entities: Iterable[Entity]) -> set[tuple[str, int, int]]:
    return {(e.cls, e.start, e.end) for e in entities}


def score(results: Iterable[Result]) -> Scores:
    """Strict entity-level counts per class and micro-averaged over the classes."""
    by_class = {cls: Counts() for cls in CLASSES}
    for r in results:
        gold, pred = _keys(r.gold), _keys(r.predicted)
        for key in gold | pred:
            counts = by_class.setdefault(key[0], Counts())
            if key in gold and key in pred:
                counts.tp += 1
            elif key in gold:
                counts.fn += 1
            else:
                counts.fp += 1
    micro = Counts(*(sum(getattr(c, n) for c in by_class.values()) for n in ("tp", "fp", "fn")))
    return Scores(by_class, micro)


def misses_and_extras(results: Iterable[Result]
                      ) -> tuple[list[tuple[Result, Entity]], list[tuple[Result, Entity]]]:
    """Gold entities not predicted exactly, and predicted entities not in the gold."""
    misses, extras = [], []
    for r in results:
        gold, pred = _keys(r.gold), _keys(r.predicted)
        misses += [(r, e) for e in r.gold if (e.cls, e.start, e.end) not in pred]
        extras += [(r, e) for e in r.predicted if (e.cls, e.start, e.end) not in gold]
    return misses, extras


def overlapping(e: Entity, others: Iterable[Entity]) -> list[Entity]:
    return [o for o in others if o.start < e.end and e.start < o.end]


# --- twin agreement --------------------------------------------------------------------------

WORD_FORM = "A"
DIGIT_FORMS = ("B", "C", "E", "F")


@dataclass
class Twins:
    pairs: int = 0
    equal: int = 0
    differing: list[tuple[Result, Entity, Result, Entity]] = field(default_factory=list)

    @property
    def share(self) -> float:
        return self.equal / self.pairs if self.pairs else 0.0


def _by_class(entities: list[Entity]) -> dict[str, list[Entity]]:
    grouped: dict[str, list[Entity]] = defaultdict(list)
    for e in entities:
        grouped[e.cls].append(e)
    return grouped


def twin_agreement(results: Iterable[Result]) -> Twins:
    """Compare each digit form (BID, CID, EID, FID) with the word form (AID) of the same
    number: the k-th predicted entity of a class in one with the k-th in the other, for
    every k both have; a pair agrees when value and value_max are equal strings. Pairs
    where neither side has a value (dates without a number) are not counted."""
    forms: dict[str, dict[str, Result]] = defaultdict(dict)
    for r in results:
        if r.sentence.id:
            forms[r.sentence.id[3:]][r.sentence.id[0]] = r
    twins = Twins()
    for variants in forms.values():
        word = variants.get(WORD_FORM)
        if word is None:
            continue
        word_entities = _by_class(word.predicted)
        for letter in DIGIT_FORMS:
            if letter not in variants:
                continue
            digit = variants[letter]
            for cls, found in _by_class(digit.predicted).items():
                for a, b in zip(word_entities.get(cls, []), found, strict=False):
                    if not (a.value or a.value_max or b.value or b.value_max):
                        continue  # a date without a number (биыл) has no value to compare
                    twins.pairs += 1
                    if (a.value, a.value_max) == (b.value, b.value_max):
                        twins.equal += 1
                    else:
                        twins.differing.append((word, a, digit, b))
    return twins
