"""Kazakh language data, loaded from the TOML files in ``patterns/``.

The engine never names a Kazakh word itself: every word, suffix, currency and unit it knows
comes from here, so adding one is a data edit.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field, fields
from fractions import Fraction
from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

Phrase = tuple[str, ...]


@cache
def patterns_dir() -> Traversable:
    """``patterns/``: shipped in the wheel as ``extract.patterns``; in a source checkout (tests
    run from the repository import ``extract`` from there) it is the folder beside the package."""
    checkout = Path(__file__).resolve().parents[2] / "patterns"
    if (checkout / "numbers.toml").is_file():
        return checkout
    return resources.files("extract.patterns")


PATTERNS_ENV = "KAZEXTRACT_PATTERNS"


class PatternError(ValueError):
    """A pattern file that cannot be used; the message names the file and the key."""


def load_pattern_file(name: str) -> dict:
    """A shipped pattern file, with the file of the same name in the user's folder merged
    over it (see ``merge_tables``), wrapped for key tracking while validating."""
    data = tomllib.loads(patterns_dir().joinpath(name).read_text("utf-8"))
    override = user_patterns().get(name)
    if override is not None:
        data = merge_tables(data, override.data, override.path, ())
    return _tracker.wrap(name, data) if _tracker is not None else data


@dataclass(frozen=True)
class UserFile:
    path: Path
    data: dict


@cache
def user_patterns() -> dict[str, UserFile]:
    """The pattern files of the folder in $KAZEXTRACT_PATTERNS (set by ``--patterns``), by
    name. Raises PatternError for a file that is not TOML or not named like a shipped one."""
    folder = os.environ.get(PATTERNS_ENV)
    if not folder:
        return {}
    root = Path(folder)
    if not root.is_dir():
        raise PatternError(f"{root}: not a folder (--patterns / {PATTERNS_ENV})")
    shipped = sorted(f.name for f in patterns_dir().iterdir() if f.name.endswith(".toml"))
    files = {}
    for path in sorted(root.glob("*.toml")):
        if path.name not in shipped:
            raise PatternError(f"{path}: no shipped pattern file has this name "
                               f"({', '.join(shipped)})")
        try:
            files[path.name] = UserFile(path, tomllib.loads(path.read_text("utf-8")))
        except (OSError, UnicodeDecodeError) as err:
            raise PatternError(f"{path}: cannot read ({getattr(err, 'strerror', None) or err})"
                               ) from None
        except tomllib.TOMLDecodeError as err:
            raise PatternError(f"{path}: not valid TOML ({err})") from None
    return files


def merge_tables(shipped: dict, user: dict, path: Path, where: tuple) -> dict:
    """The user's tables extend the shipped ones key by key (a new currency is one new
    table; a new word of KZT is KZT.words given whole); any other value replaces the
    shipped one, and must be of the same kind (a list stays a list)."""
    merged = dict(shipped)
    for key, value in user.items():
        here = (*where, key)
        model = shipped.get(key, _sibling(shipped))
        if model is not None and _kind(model) != _kind(value):
            there = "there" if key in shipped else "beside it (a misspelt key?)"
            raise PatternError(f"{path}: {_dotted(here)} is {_kind(value)}, the shipped "
                               f"file has {_kind(model)} {there}")
        if isinstance(value, dict) and isinstance(model, dict):
            base = shipped.get(key, {})
            merged[key] = merge_tables(base, value, path, here) if key in shipped else \
                _checked_new(model, value, path, here)
        else:
            merged[key] = value
    return merged


def _checked_new(model: dict, value: dict, path: Path, where: tuple) -> dict:
    """A new table (a new currency or unit) checked against a shipped sibling's kinds."""
    for key, item in value.items():
        if key in model and _kind(model[key]) != _kind(item):
            raise PatternError(f"{path}: {_dotted((*where, key))} is {_kind(item)}, the "
                               f"shipped file has {_kind(model[key])} there")
    return value


def _sibling(table: dict) -> object | None:
    """What a new key of ``table`` must look like: the shipped values' common kind."""
    kinds = {_kind(v) for v in table.values()}
    return next(iter(table.values())) if len(kinds) == 1 else None


def _kind(value: object) -> str:
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, list):
        return "an array"
    if isinstance(value, str):
        return "a string"
    return "a number" if isinstance(value, int | float) and not isinstance(value, bool) \
        else f"a {type(value).__name__}"


def _dotted(keys: tuple) -> str:
    return ".".join(str(k) for k in keys)


class _MissingKey(PatternError):
    def __init__(self, name: str, message: str) -> None:
        super().__init__(message)
        self.name = name


class _Tracked(dict):
    """A TOML table that records which of its keys the loader reads."""

    def __init__(self, data: dict, where: tuple, read: set) -> None:
        super().__init__(data)
        self._where, self._read = where, read

    def _mark(self, key: object) -> None:
        self._read.add((*self._where, key))

    def __getitem__(self, key: object) -> object:
        self._mark(key)
        if not super().__contains__(key):
            raise _MissingKey(self._where[0], f"{_dotted(self._where[1:]) or 'the file'} has "
                                              f"no {key!r} key")
        return super().__getitem__(key)

    def get(self, key: object, default: object = None) -> object:
        self._mark(key)
        return super().get(key, default)

    def pop(self, key: object, *default: object) -> object:
        self._mark(key)
        return super().pop(key, *default)

    def __iter__(self):  # noqa: ANN204
        for key in super().__iter__():
            self._mark(key)
            yield key

    def keys(self):  # noqa: ANN201
        return list(iter(self))

    def items(self):  # noqa: ANN201
        return [(key, super(_Tracked, self).__getitem__(key)) for key in self]

    def values(self):  # noqa: ANN201
        return [value for _, value in self.items()]


class _Tracker:
    """Wraps loaded files so that validation can list the keys the loader never read."""

    def __init__(self) -> None:
        self.read: set[tuple] = set()

    def wrap(self, name: str, data: object, where: tuple = ()) -> object:
        where = where or (name,)
        if isinstance(data, dict):
            return _Tracked({k: self.wrap(name, v, (*where, k)) for k, v in data.items()},
                            where, self.read)
        if isinstance(data, list):
            return [self.wrap(name, v, (*where, i)) for i, v in enumerate(data)]
        return data


_tracker: _Tracker | None = None


def validate_patterns() -> None:
    """Build the lexicon from the user's pattern folder as the engine will, and raise
    PatternError naming the file and key for a missing key, a value of the wrong kind, or a
    key the loader never reads (a misspelling: ``wrods``, ``[KZT] symbol``)."""
    global _tracker
    files = user_patterns()
    if not files or _tracker is not None:  # none, or validating already (a nested load)
        return
    from .latin import Transliterator  # the reader of latin.toml

    _tracker = tracker = _Tracker()
    load_latin.cache_clear()
    try:
        lex = _build_lexicon()
        Transliterator(lex)
    except _MissingKey as err:
        where = files[err.name].path if err.name in files else err.name
        raise PatternError(f"{where}: {err}") from None
    except PatternError:
        raise
    except (KeyError, TypeError, ValueError, AttributeError) as err:  # a value the loader
        raise PatternError(f"{_folder()}: {type(err).__name__}: {err}") from None  # cannot use
    finally:
        _tracker = None
        load_latin.cache_clear()  # nested loads cached the tracked tables
        load_lexicon.cache_clear()
    for name, user in files.items():
        unread = _unread(user.data, (name,), tracker.read)
        if unread:
            raise PatternError(f"{user.path}: {_dotted(unread[1:])}: unknown key "
                               "(misspelt? the engine never reads it)")


def _folder() -> str:
    return os.environ.get(PATTERNS_ENV, "patterns")


def _unread(data: object, where: tuple, read: set) -> tuple | None:
    """The first key path of the user's data that the loader did not read, where it reads
    keys one by one (a table it hands on whole, like durations' compounds, is not judged)."""
    if isinstance(data, dict):
        for key, value in data.items():
            here = (*where, key)
            if here not in read and _read_at_level(here, read):
                return here
            found = _unread(value, here, read)
            if found:
                return found
    if isinstance(data, list):
        for i, value in enumerate(data):
            found = _unread(value, (*where, i), read)
            if found:
                return found
    return None


def _read_at_level(path: tuple, read: set) -> bool:
    """Whether the loader read some key beside ``path``: in its table, or in a sibling
    table (the words of KZT beside a new currency's)."""
    return any(len(r) == len(path) and (r[:-1] == path[:-1] or r[:-2] == path[:-2])
               for r in read)


def use_patterns(folder: str | Path | None) -> None:
    """Read pattern files from ``folder`` over the shipped ones, in this process and in the
    worker processes it starts (through $KAZEXTRACT_PATTERNS); validated at once. Call it
    before the first extraction: what is built from the patterns is built once."""
    if folder is None:
        return
    os.environ[PATTERNS_ENV] = str(Path(folder).resolve())
    user_patterns.cache_clear()
    load_lexicon.cache_clear()
    load_latin.cache_clear()
    _kept_abbreviations.cache_clear()
    validate_patterns()


def phrase_words(text: str) -> Phrase:
    """The words of a phrase as the tokenizer cuts them: a final stop is a word of its own
    (п. т. -> п . т ., п.т. -> п.т .) unless abbreviations.toml keeps it (ж., с.б.)."""
    words: list[str] = []
    for word in text.lower().split():
        cut = len(word) > 1 and word.endswith(".") and word not in _kept_abbreviations()
        words.extend([word[:-1], "."] if cut else [word])
    return tuple(words)


def _phrase_forms(text: str) -> tuple[Phrase, Phrase]:
    """The phrase as ``phrase_words`` cuts it, and with each letter's stop kept, as the tokenizer
    keeps a single Latin letter's (spaCy's exceptions a. … z.: p. t. -> п. т.)."""
    return phrase_words(text), tuple(text.lower().split())


@cache
def _kept_abbreviations() -> frozenset[str]:
    return frozenset(load_pattern_file("abbreviations.toml"))


def verb_forms(stem: str, forms: dict) -> list[str]:
    """The finite and non-finite forms of a verb stem (modifiers.toml [verb_forms]): ас ->
    асты, асады, асқан, асып …; аспа -> аспады, аспайды, аспаған. Written with back vowels,
    they take the stem's harmony and, after a voiceless final, a voiceless first letter."""
    final = stem[-1]
    endings = forms["after_vowel"] if final in forms["vowels"] else forms["after_consonant"]
    front = any(ch in forms["front_vowels"] for ch in stem)
    to_front, devoiced = (str.maketrans(*forms["back_to_front"]),
                          str.maketrans(*forms["voiced_to_voiceless"]))
    found = []
    for ending in endings:
        if front:
            ending = ending.translate(to_front)
        if final in forms["voiceless"]:
            ending = ending[:1].translate(devoiced) + ending[1:]
        found.append(stem + ending)
    return found


def _comparison_phrases(qualifier_words: list[str], than_that: dict) -> list[str]:
    """және одан (да) көп: a conjunction, "than that" and a comparative, every combination."""
    return [" ".join(filter(None, (conj, than_that["pronoun"], particle, word)))
            for conj in than_that["conjunctions"] for particle in ("", *than_that["particles"])
            for word in qualifier_words]


@dataclass(frozen=True)
class Modifier:
    phrase: Phrase
    position: str  # "before" or "after"
    qualifier: str
    types: frozenset[str]
    sign: int = 0  # -1 for минус: the phrase negates the number
    cases: frozenset[str] = frozenset()  # the case it governs, when it must show (мыңнан кем)
    # the cases after which it bounds the number (мыңнан артық); after another it is in the
    # span and bounds nothing (4,78 пайызға артық "more by 4.78%"); empty: after any
    bound_cases: frozenset[str] = frozenset()
    in_span: bool = True  # False for a verb: it qualifies the number but is not in the span
    # дейін after an ablative start (2020 жылдан 2022 жылға дейін) ends a from-to pair: no bound
    not_after_ablative: bool = False
    headless: bool = False  # мыңнан астамы "over a thousand of them": counts no noun after it
    symmetric: bool = False  # +/- 1: from -1 to 1


@dataclass(frozen=True)
class ClockWord:
    """A word before a clock time: таңғы "in the morning", кешкі "in the evening"."""

    add: int  # hours added to an hour below ``below`` (кешкі 6 = 18:00)
    below: int
    part_of_day: bool  # False for сағат "o'clock", which a bare written time leaves out

    def hour(self, hour: int) -> int:
        return hour + self.add if hour < self.below else hour


@dataclass
class Lexicon:
    """Everything the extractor knows about Kazakh, indexed for lookup."""

    # suffixes
    slot_order: list[str] = field(default_factory=list)
    numeral_only_slots: frozenset[str] = frozenset()
    slots: dict[str, dict[str, frozenset[str]]] = field(default_factory=dict)
    final_classes: dict[str, str] = field(default_factory=dict)  # letter -> class
    case_of: dict[str, str] = field(default_factory=dict)  # allomorph -> case name
    voicing: dict[str, str] = field(default_factory=dict)  # voiced final -> dictionary final
    elision: dict[str, str] = field(default_factory=dict)  # орын -> орн (before a vowel)
    unelided: dict[str, str] = field(default_factory=dict)  # орн -> орын: elision undone
    unreduced: dict[str, str] = field(default_factory=dict)  # турис -> турист (before -тер)
    agent_endings: tuple[str, ...] = ()
    whole_stems: frozenset[str] = frozenset()
    possessed_stems: frozenset[str] = frozenset()  # of whole_stems: end in a possessive
    agent_stem_endings: tuple[str, ...] = ()
    back_vowels: str = ""
    front_vowels: str = ""
    glide_vowels: str = ""  # у: a vowel of either harmony
    # numbers
    units: dict[str, int] = field(default_factory=dict)
    tens: dict[str, int] = field(default_factory=dict)
    hundreds: dict[str, int] = field(default_factory=dict)
    scales: dict[str, int] = field(default_factory=dict)
    scale_abbreviations: frozenset[str] = frozenset()  # млн: never alone
    stem_variants: dict[str, str] = field(default_factory=dict)
    collectives: dict[str, int] = field(default_factory=dict)
    half_after: frozenset[str] = frozenset()
    half_before: frozenset[str] = frozenset()
    fractions_before: dict[str, Fraction] = field(default_factory=dict)  # жарты -> 1/2
    decimal_points: frozenset[str] = frozenset()
    spoken_points: frozenset[str] = frozenset()
    decimal_zero: str = ""
    decimal_places: dict[str, int] = field(default_factory=dict)  # жүздік -> 100
    decimal_idioms: frozenset[Phrase] = frozenset()
    score_words: frozenset[str] = frozenset()
    part_nouns: frozenset[str] = frozenset()
    range_conjunctions: frozenset[str] = frozenset()
    approximate_scales: frozenset[str] = frozenset()  # ондаған мың: one approximate count
    article: str = ""
    article_set_phrases: frozenset[str] = frozenset()
    numeral_markers: frozenset[str] = frozenset()
    article_after: frozenset[str] = frozenset()  # белгілі бір, қандай да бір: the article
    article_verb_endings: tuple[str, ...] = ()  # бір өсіп "once grew": the adverb
    article_finite_endings: tuple[str, ...] = ()  # бір-ақ шықтым: a finite verb
    article_auxiliaries: tuple[str, ...] = ()  # бір жеңілдеп қалдық: converb + auxiliary
    article_converb: str = ""  # the converb ending after a vowel before an auxiliary
    article_same_after: tuple[str, ...] = ()  # тілі бір, ділі бір: "the same"
    article_same_parallel: int = 2
    article_possessed_object: tuple[str, ...] = ()  # бір әнін арнады: the article
    article_possessed_parts: tuple[str, ...] = ()  # бір бөлігін: still a count
    article_participles: tuple[str, ...] = ()  # бір айтарым: the article
    article_optative: frozenset[str] = frozenset()  # бір хат болсын: "at least a"
    article_optative_span: int = 4
    change_verbs: frozenset[str] = frozenset()  # артады, төмендеді: a from-to pair is a change
    number_idioms: tuple[tuple[str, ...], ...] = ()  # екі жаққа кет-, бір ауыз сөз
    article_pronoun: str = ""
    pronoun_forms: frozenset[str] = frozenset()  # біріміз "one of us": not a count
    distributive: frozenset[str] = frozenset()  # бірі …, енді бірі … "one …, the other …"
    not_numbers: frozenset[str] = frozenset()
    not_number_stems: frozenset[str] = frozenset()
    never_numbers: frozenset[str] = frozenset()
    derived_endings: frozenset[str] = frozenset()
    quarter_words: frozenset[str] = frozenset()
    quarter_before: frozenset[str] = frozenset()
    roman_letters: dict[str, int] = field(default_factory=dict)
    roman_nouns: frozenset[Phrase] = frozenset()
    roman_attributes_max: int = 0  # words that may stand between a Roman numeral and its noun
    roman_not_alone: frozenset[str] = frozenset()  # C тобы: a name's letter
    grade_years: dict[str, int] = field(default_factory=dict)  # сынып -> 12: 11 сынып оқушысы
    grade_learners: frozenset[str] = frozenset()  # the nouns a bare year number qualifies
    number_signs: frozenset[str] = frozenset()
    plus_minus: frozenset[str] = frozenset()  # ±1: -1 … 1
    institutions: frozenset[Phrase] = frozenset()
    code_words: frozenset[str] = frozenset()
    address_words: frozenset[str] = frozenset()
    zone_words: frozenset[str] = frozenset()  # GMT +5
    address_parts: frozenset[str] = frozenset()  # 247-үй, 7-блок
    institution_attributes: frozenset[str] = frozenset()  # №64 орта мектеп
    coordinate_units: frozenset[str] = frozenset()
    compass: frozenset[str] = frozenset()
    coordinates: frozenset[str] = frozenset()
    roads: frozenset[Phrase] = frozenset()
    service_nouns: frozenset[Phrase] = frozenset()  # 112 нөміріне: a line to call
    phone_patterns: tuple[str, ...] = ()
    # what numbers measure: phrase (lower-case words) -> code or symbol
    currencies: dict[Phrase, str] = field(default_factory=dict)
    currency_symbols: dict[str, str] = field(default_factory=dict)
    minor_units: dict[Phrase, tuple[str, int]] = field(default_factory=dict)
    percent_words: frozenset[Phrase] = frozenset()
    percent_symbols: frozenset[str] = frozenset()
    percent_points: frozenset[Phrase] = frozenset()  # percentage points (пайыздық тармақ)
    percent_dash_nouns: frozenset[str] = frozenset()  # жарна -10%: a dash, not a minus
    percent_dashes: frozenset[str] = frozenset()
    measures: dict[Phrase, str] = field(default_factory=dict)
    rates: dict[str, str] = field(default_factory=dict)
    rates_apart: dict[str, str] = field(default_factory=dict)
    compounds: dict[str, dict[str, int]] = field(default_factory=dict)  # unit -> {sub: per}
    lettered_nouns: frozenset[str] = frozenset()  # 5 А сыныбы: a letter of a name, no unit
    capital_units: frozenset[str] = frozenset()  # а, в, к: units only as written, А, В, К
    unit_families: dict[str, str] = field(default_factory=dict)  # symbol -> length, mass, …
    currency_names: dict[str, str] = field(default_factory=dict)  # code -> English name
    durations: dict[Phrase, str] = field(default_factory=dict)
    duration_relatives: frozenset[str] = frozenset()
    duration_needs_ending: frozenset[str] = frozenset()
    duration_abbreviations: frozenset[str] = frozenset()  # сағ, мин: endings after a hyphen
    duration_parts: dict[str, int] = field(default_factory=dict)  # мс -> 1000 (of a second)
    age_nouns: frozenset[str] = frozenset()
    age_skip: frozenset[str] = frozenset()
    age_max: int = 130
    age_comparatives: frozenset[str] = frozenset()  # 19 жас үлкен: a bare жас is an age
    age_gap_nouns: frozenset[str] = frozenset()  # арасы жеті жас
    age_turn_verbs: frozenset[str] = frozenset()  # 18-ге толды: an age without жас
    age_turn_endings: frozenset[str] = frozenset()
    age_count_subjects: frozenset[str] = frozenset()  # саны 1000-ға толды is no age
    elapsed_result_after: frozenset[str] = frozenset()  # 29:45 уақытпен: a race time
    elapsed_result_before: frozenset[str] = frozenset()  # нәтижесі – 6:12
    score_nouns: frozenset[str] = frozenset()  # 2:1 есебімен: a score, no fact
    clock_separators: frozenset[str] = frozenset()  # сағат 13.30: a dot between hh and mm
    year_parts: dict[str, tuple[str, int]] = field(default_factory=dict)  # тоқсан -> (Q, 4)
    year_min: int = 1000
    year_max: int = 2100
    season_months: dict[str, tuple[int, ...]] = field(default_factory=dict)  # күз -> 9, 10, 11
    year_words: frozenset[Phrase] = frozenset()
    year_cases: frozenset[str] = frozenset()
    day_nouns: frozenset[str] = frozenset()
    months: dict[Phrase, int] = field(default_factory=dict)
    clock_words: dict[str, ClockWord] = field(default_factory=dict)
    zero_minutes: frozenset[str] = frozenset()
    minutes_past: frozenset[str] = frozenset()
    minutes_to: frozenset[str] = frozenset()
    rank_nouns: frozenset[Phrase] = frozenset()
    rank_bands: frozenset[str] = frozenset()  # ТОП-100: the top places up to N
    price_nouns: frozenset[str] = frozenset()  # баға, құн: a unit of sale in the genitive
    price_postpositions: frozenset[str] = frozenset()  # бір литр үшін
    price_contrasts: frozenset[str] = frozenset()  # ал: a later amount is another price
    total_postpositions: frozenset[str] = frozenset()
    rank_cases: frozenset[str] = frozenset()
    rank_move_verbs: tuple[str, ...] = ()
    rank_ordinal_only: frozenset[str] = frozenset()
    rank_up_verbs: tuple[str, ...] = ()  # a bare ABL-DAT pair falling before them: places
    rank_down_verbs: tuple[str, ...] = ()  # ... rising before them
    rank_settle_verbs: tuple[str, ...] = ()
    modifiers: list[Modifier] = field(default_factory=list)
    minus_signs: frozenset[str] = frozenset()
    plus_signs: frozenset[str] = frozenset()
    naming_words: frozenset[Phrase] = frozenset()
    speech_markers: frozenset[str] = frozenset()
    naming_sayings: frozenset[str] = frozenset()
    speech_auxiliaries: frozenset[str] = frozenset()
    not_subjects: frozenset[str] = frozenset()
    adjectives: frozenset[str] = frozenset()  # skipped before the counted noun
    bare_noun_adjectives: frozenset[str] = frozenset()  # ... only before a bare noun (жас)
    adjective_endings: tuple[str, ...] = ()
    verb_endings: tuple[str, ...] = ()
    noun_endings: tuple[str, ...] = ()
    subject_words: dict[str, tuple[str, ...]] = field(default_factory=dict)  # context [subject]
    name_words: dict[str, frozenset[str]] = field(default_factory=dict)  # see context.toml
    coordinators: frozenset[str] = frozenset()
    between_words: frozenset[str] = frozenset()
    between_nouns: frozenset[str] = frozenset()  # any form of these closes a range
    abbreviations: dict[str, str] = field(default_factory=dict)
    letters: str = ""
    latin_letters: str = ""
    temporal: TemporalWords | None = None  # set by _read_temporal
    grammar: RuleGrammar | None = None  # set by _read_grammar
    changes: ChangeWords | None = None  # set by _read_changes
    clauses: ClauseWords | None = None  # set by _read_clauses

    @property
    def number_words(self) -> dict[str, int]:
        return {**self.units, **self.tens, **self.hundreds, **self.scales}


def _read_suffixes(lex: Lexicon) -> None:
    data = load_pattern_file("suffixes.toml")
    lex.slot_order = list(data["order"])
    lex.numeral_only_slots = frozenset(data["numeral_only"])
    lex.slots = {
        name: {suffix: frozenset(after.split()) for suffix, after in table.items()}
        for name, table in data["slots"].items()
    }
    lex.final_classes = {ch: cls for cls, chars in data["final_classes"].items() for ch in chars}
    lex.case_of = {form: case for case, forms in data["cases"].items() for form in forms}
    lex.voicing = dict(data["voicing"])
    lex.elision = dict(data["elision"])
    lex.unelided = {short: stem for stem, short in lex.elision.items()}
    lex.unreduced = {short: stem for stem, short in data["cluster_reduction"].items()}
    lex.agent_endings = tuple(data["agent_endings"])
    lex.whole_stems = frozenset(data["whole_stems"])
    lex.possessed_stems = frozenset(data["possessed_stems"])
    lex.agent_stem_endings = tuple(data["agent_stem_endings"])
    lex.back_vowels = data["vowels"]["back"]
    lex.front_vowels = data["vowels"]["front"]
    lex.glide_vowels = data["vowels"]["glides"]


def _read_numbers(lex: Lexicon) -> None:
    data = load_pattern_file("numbers.toml")
    lex.units = dict(data["units"])
    lex.tens = dict(data["tens"])
    lex.hundreds = dict(data["hundreds"])
    lex.scales = dict(data["scales"])
    lex.scale_abbreviations = frozenset(data["scale_abbreviations"]["stems"])
    lex.stem_variants = dict(data["stem_variants"])
    lex.collectives = dict(data["collectives"])
    lex.half_after = frozenset(data["halves"]["after"])
    lex.half_before = frozenset(data["halves"]["before"])
    lex.fractions_before = {w: Fraction(v) for w, v in data["halves"]["before"].items()}
    decimals = data["decimals"]
    lex.decimal_points = frozenset(decimals["point"])
    lex.spoken_points = frozenset(decimals["spoken_point"])
    lex.decimal_zero = decimals["zero"]
    lex.decimal_places = dict(decimals["places"])
    lex.decimal_idioms = frozenset(phrase_words(p) for p in decimals["idioms"])
    lex.score_words = frozenset(decimals["score_words"])
    lex.part_nouns = frozenset(data["fractions"]["part_nouns"])
    lex.range_conjunctions = frozenset(data["ranges"]["conjunctions"])
    lex.approximate_scales = frozenset(data["approximate_scales"]["suffixes"])
    article = data["article"]
    lex.article = article["word"]
    lex.article_set_phrases = frozenset(article["set_phrases"])
    lex.numeral_markers = frozenset(article["numeral_markers"])
    lex.article_after = frozenset(article["article_after"])
    lex.pronoun_forms = frozenset(article["pronoun_forms"])
    lex.distributive = frozenset(article["distributive"])
    lex.article_verb_endings = tuple(article["verb_endings"])
    lex.article_finite_endings = tuple(article["finite_endings"])
    lex.article_auxiliaries = tuple(article["auxiliaries"])
    lex.article_converb = article["converb_after_vowel"]
    lex.article_same_after = tuple(article["same_after"])
    lex.article_same_parallel = int(article["same_parallel"])
    lex.article_possessed_object = tuple(article["possessed_object"])
    lex.article_possessed_parts = tuple(article["possessed_parts"])
    lex.article_participles = tuple(article["participle_possessed"])
    lex.article_optative = frozenset(article["optative"])
    lex.article_optative_span = int(article["optative_span"])
    lex.number_idioms = tuple(tuple(p.split()) for p in data["idioms"]["phrases"])
    lex.article_pronoun = article["pronoun"]
    homographs = data["homographs"]
    lex.not_numbers = frozenset(homographs["not_numbers"])
    lex.not_number_stems = frozenset(homographs["not_number_stems"])
    lex.never_numbers = frozenset(homographs["always"])
    lex.derived_endings = frozenset(homographs["derived"])
    lex.quarter_words = frozenset(homographs["after_ordinal"]["words"])
    lex.quarter_before = frozenset(homographs["after_ordinal"]["quarter_before"])
    lex.roman_letters = dict(data["roman"]["letters"])
    lex.roman_nouns = frozenset(phrase_words(w) for w in data["roman"]["nouns"])
    lex.roman_attributes_max = data["roman"]["attributes_max"]
    lex.roman_not_alone = frozenset(data["roman"]["not_alone"])
    lex.grade_years = dict(data["grades"]["years"])
    lex.grade_learners = frozenset(data["grades"]["learners"])
    lex.number_signs = frozenset(data["numbered"]["signs"])
    lex.plus_minus = frozenset(data["numbered"]["plus_minus"])
    lex.institutions = frozenset(phrase_words(w) for w in data["names"]["institutions"])
    lex.code_words = frozenset(data["identifiers"]["code_words"])
    lex.address_words = frozenset(data["identifiers"]["address_words"])
    identifiers = data["identifiers"]
    lex.zone_words = frozenset(identifiers["zone_words"])
    lex.address_parts = frozenset(identifiers["address_parts"])
    lex.coordinate_units = frozenset(identifiers["coordinate_units"])
    lex.compass = frozenset(identifiers["compass"])
    lex.coordinates = frozenset(identifiers["coordinates"])
    lex.roads = frozenset(phrase_words(w) for w in identifiers["roads"])
    lex.service_nouns = frozenset(phrase_words(w) for w in identifiers["service_nouns"])
    lex.institution_attributes = frozenset(data["names"]["attributes"])
    lex.phone_patterns = tuple(data["identifiers"]["phone"])


def _read_measures(lex: Lexicon) -> None:
    currencies = load_pattern_file("currencies.toml")
    minor = currencies.pop("minor", {})
    price = currencies.pop("price")
    lex.price_nouns = frozenset(price["nouns"])
    lex.price_postpositions = frozenset(price["postpositions"])
    lex.price_contrasts = frozenset(price["contrasts"])
    for code, table in currencies.items():
        lex.currency_names[code] = table.get("name", "")
        for word in table["words"]:
            lex.currencies[phrase_words(word)] = code
        for symbol in [*table.get("symbols", ()), *table.get("codes", ())]:
            lex.currency_symbols[symbol] = code
            if not symbol.isalnum():  # a sign read in a lower-case word too: r$5
                lex.currency_symbols.setdefault(symbol.lower(), code)
            # after the number as a word: 5 млн USD, 20 $
            lex.currencies[phrase_words(symbol)] = code
    lex.minor_units = {phrase_words(w): (t["currency"], t["per"]) for w, t in minor.items()}

    percent = load_pattern_file("percent.toml")
    lex.percent_words = frozenset(phrase_words(w) for w in percent["words"])
    lex.percent_symbols = frozenset(percent["symbols"])
    lex.percent_points = frozenset(f for w in percent["points"] for f in _phrase_forms(w))
    lex.percent_dash_nouns = frozenset(percent["dash_nouns"])
    lex.percent_dashes = frozenset(percent["dashes"])

    units = load_pattern_file("units.toml")
    lex.rates = dict(units.pop("rates", {}))
    lex.rates_apart = dict(units.pop("rates_apart", {}))
    lex.compounds = dict(units.pop("compounds", {}))
    lex.lettered_nouns = frozenset(units.pop("single_letters", {}).get("lettered_nouns", ()))
    lex.measures = {phrase_words(w): symbol for symbol, t in units.items() for w in t["words"]}
    lex.unit_families = {symbol: t.get("family", "") for symbol, t in units.items()}
    lex.capital_units = frozenset(w.lower() for t in units.values() for w in t["words"]
                                  if len(w) == 1 and w.isupper())

    durations = load_pattern_file("durations.toml")
    lex.durations = {phrase_words(w): unit for w, unit in durations["units"].items()}
    lex.compounds.update(durations["compounds"])
    lex.compounds = _chained(lex.compounds)
    lex.duration_relatives = frozenset(durations["relative"])
    lex.duration_needs_ending = frozenset(durations["needs_ending"])
    lex.duration_abbreviations = frozenset(durations.get("abbreviations", ()))
    lex.duration_parts = dict(durations.get("parts", {}))
    lex.age_nouns = frozenset(durations["age"]["nouns"])
    lex.age_skip = frozenset(durations["age"]["skip"])
    lex.age_max = durations["age"]["max"]
    lex.age_comparatives = frozenset(durations["age"]["comparatives"])
    lex.age_gap_nouns = frozenset(durations["age"]["gap_nouns"])
    lex.age_turn_verbs = frozenset(durations["age"]["turn_verbs"])
    lex.age_turn_endings = frozenset(durations["age"]["turn_endings"])
    lex.age_count_subjects = frozenset(durations["age"]["count_subjects"])
    elapsed = durations["elapsed"]
    lex.elapsed_result_after = frozenset(elapsed["result_after"])
    lex.elapsed_result_before = frozenset(elapsed["result_before"])
    lex.score_nouns = frozenset(elapsed["score_nouns"])


def _chained(compounds: dict[str, dict[str, int]]) -> dict[str, dict[str, int]]:
    """Each unit's smaller units through the chain the files give one step at a time (day ->
    hour -> minute -> second: a day has 86400 seconds), so that a measure in three or more
    units (1 239 күн 17 сағат 9 минут 26 секунд) joins one unit after another."""
    chained = {unit: dict(smaller) for unit, smaller in compounds.items()}
    grown = True
    while grown:
        grown = False
        for smaller in chained.values():
            for sub, per in list(smaller.items()):
                for subsub, per_sub in compounds.get(sub, {}).items():
                    if subsub not in smaller:
                        smaller[subsub] = per * per_sub
                        grown = True
    return chained


def _read_context(lex: Lexicon) -> None:
    dates = load_pattern_file("dates.toml")
    lex.year_min, lex.year_max = dates["year_min"], dates["year_max"]
    lex.season_months = {season: tuple(months)
                         for season, months in dates["season_months"].items()}
    lex.year_words = frozenset(phrase_words(w) for w in dates["year_words"])
    lex.year_cases = frozenset(dates["year_cases"])
    lex.day_nouns = frozenset(dates["day_nouns"])
    lex.months = {phrase_words(m): i for i, m in enumerate(dates["months"], start=1)}
    lex.months.update({phrase_words(m): i for m, i in dates["month_aliases"].items()})
    lex.clock_words = {word: ClockWord(t["add"], t["below"], t.get("part_of_day", True))
                       for word, t in dates["clock"].items()}
    lex.zero_minutes = frozenset(dates["zero_minutes"])
    lex.clock_separators = frozenset(dates["clock_separators"])
    lex.year_parts = {stem: (t["letter"], t["count"]) for stem, t in dates["year_parts"].items()}
    lex.minutes_past = frozenset(dates["minutes_past"])
    lex.minutes_to = frozenset(dates["minutes_to"])

    ranks = load_pattern_file("ranks.toml")
    lex.rank_nouns = frozenset(phrase_words(w) for w in ranks["nouns"])
    lex.rank_bands = frozenset(ranks["band_words"])
    lex.total_postpositions = frozenset(ranks["total_postpositions"])
    lex.rank_cases = frozenset(ranks["rank_cases"])
    lex.rank_move_verbs = tuple(ranks["move_verbs"])
    lex.rank_ordinal_only = frozenset(ranks["ordinal_only"])
    lex.rank_settle_verbs = tuple(ranks["settle_verbs"])
    lex.rank_up_verbs = tuple(ranks["pair_up_verbs"])
    lex.rank_down_verbs = tuple(ranks["pair_down_verbs"])

    modifiers = load_pattern_file("modifiers.toml")
    lex.minus_signs = frozenset(modifiers["minus_signs"])
    lex.plus_signs = frozenset(modifiers["plus_signs"])
    forms = modifiers["verb_forms"]
    for table in modifiers["modifier"]:
        phrases = [*table.get("words", ()),
                   *(f for stem in table.get("verbs", ()) for f in verb_forms(stem, forms)),
                   *_comparison_phrases(table.get("than_that", ()), modifiers["than_that"])]
        for words in phrases:
            lex.modifiers.append(
                Modifier(
                    phrase=phrase_words(words),
                    position=table["position"],
                    qualifier=table["qualifier"],
                    types=frozenset(table.get("types", ())),
                    sign=table.get("sign", 0),
                    cases=frozenset(table.get("cases", ())),
                    bound_cases=frozenset(table.get("bound_cases", ())),
                    in_span=table.get("in_span", True),
                    not_after_ablative=table.get("not_after_ablative", False),
                    headless=table.get("headless", False),
                    symmetric=table.get("symmetric", False),
                )
            )

    context = load_pattern_file("context.toml")
    lex.naming_words = frozenset(phrase_words(w) for w in context["naming_words"])
    lex.speech_markers = frozenset(context["speech_markers"])
    lex.naming_sayings = frozenset(context["naming_sayings"])
    lex.speech_auxiliaries = frozenset(context["speech_auxiliaries"])
    lex.not_subjects = frozenset(context["not_subjects"])
    lex.adjectives = frozenset(context["adjectives"])
    lex.bare_noun_adjectives = frozenset(context["bare_noun_adjectives"])
    lex.adjective_endings = tuple(context["adjective_endings"])
    lex.verb_endings = tuple(context["verb_endings"])
    lex.noun_endings = tuple(context["noun_endings"])
    lex.subject_words = {key: tuple(words) for key, words in context["subject"].items()}
    lex.name_words = {kind: frozenset(words) for kind, words in context["names"].items()}
    lex.coordinators = frozenset(context["coordinators"])
    lex.between_words = frozenset(context["between_words"])
    lex.between_nouns = frozenset(context["between_nouns"])
    lex.abbreviations = dict(load_pattern_file("abbreviations.toml"))
    alphabet = load_pattern_file("alphabet.toml")
    lex.letters = alphabet["lower"] + alphabet["upper"]
    lex.latin_letters = alphabet["latin_lower"] + alphabet["latin_upper"]


@dataclass(frozen=True)
class TemporalWords:
    """``patterns/temporal.toml``: the words of dates and times written without a number
    (биыл, өткен жылы, таңертең), each list as the file gives it."""

    date_words: tuple[str, ...] = ()
    seasons: tuple[str, ...] = ()
    weekdays: tuple[str, ...] = ()
    time_words: tuple[str, ...] = ()
    time_nouns: tuple[str, ...] = ()
    determiners: tuple[str, ...] = ()
    duration_determiners: tuple[str, ...] = ()
    parts: tuple[str, ...] = ()
    postpositions: tuple[str, ...] = ()
    frequency: tuple[str, ...] = ()
    homographs: tuple[str, ...] = ()
    greetings: tuple[str, ...] = ()
    greeting_nouns: tuple[str, ...] = ()
    greeting_after: tuple[str, ...] = ()
    clock_nouns: tuple[str, ...] = ()
    ambiguous_months: tuple[str, ...] = ()
    month_nouns: tuple[str, ...] = ()
    demonstratives: tuple[str, ...] = ()


def _read_temporal(lex: Lexicon) -> None:
    data = load_pattern_file("temporal.toml")
    lex.temporal = TemporalWords(**{name: tuple(data[name]) for name in TEMPORAL_KEYS})


TEMPORAL_KEYS = tuple(f.name for f in fields(TemporalWords))


@dataclass(frozen=True)
class RuleGrammar:
    """``patterns/grammar.toml``, table ``rules``: the windows, cases, clock range and
    punctuation the fact rules read (the file's comments say what each is for)."""

    owner_words: int
    place_words: int
    title_words: int
    clock_minute_cases: frozenset[str]
    age_cases: frozenset[str]
    qualified_noun_cases: frozenset[str]
    hour_min: int
    hour_max: int
    spoken_minutes_min: int
    spoken_minutes_max: int
    quotes: dict[str, str]
    terminals: frozenset[str]
    clause_breaks: frozenset[str]
    bridging_qualifiers: frozenset[str]
    emphatic_particles: frozenset[str]
    title_types: frozenset[str]
    adjective_stem_min: int
    person_stem_min: int
    person_stem_min_before_vowel: int
    young_head_cases: frozenset[str]
    count_noun_reach: int
    century_cases: frozenset[str]
    latest_century: int
    inline_tags: frozenset[str]


def _read_grammar(lex: Lexicon) -> None:
    rules = load_pattern_file("grammar.toml")["rules"]
    windows, cases, clock = rules["windows"], rules["cases"], rules["clock"]
    punctuation = rules["punctuation"]
    lex.grammar = RuleGrammar(
        owner_words=windows["owner_words"], place_words=windows["place_words"],
        title_words=windows["title_words"],
        clock_minute_cases=frozenset(cases["clock_minutes"]), age_cases=frozenset(cases["age"]),
        qualified_noun_cases=frozenset(cases["qualified_noun"]),
        hour_min=clock["hour_min"], hour_max=clock["hour_max"],
        spoken_minutes_min=clock["spoken_minutes_min"],
        spoken_minutes_max=clock["spoken_minutes_max"],
        quotes={opening: closing for opening, closing in punctuation["quotes"].items()},
        terminals=frozenset(punctuation["terminals"]),
        clause_breaks=frozenset(punctuation["clause_breaks"]),
        bridging_qualifiers=frozenset(rules["qualifiers"]["bridging"]),
        emphatic_particles=frozenset(rules["qualifiers"]["particles"]),
        title_types=frozenset(rules["names"]["title_types"]),
        adjective_stem_min=rules["subject"]["adjective_stem_min"],
        person_stem_min=rules["subject"]["person_stem_min"],
        person_stem_min_before_vowel=rules["subject"]["person_stem_min_before_vowel"],
        young_head_cases=frozenset(rules["subject"]["young_head_cases"]),
        count_noun_reach=rules["subject"]["count_noun_reach"],
        century_cases=frozenset(rules["centuries"]["cases"]),
        latest_century=rules["centuries"]["latest"],
        inline_tags=frozenset(rules["markup"]["inline_tags"]))


@dataclass(frozen=True)
class ChangeVerb:
    """A word form of a verb of change: its stem (without the causative), direction and
    whether it is negated (өспеді)."""

    stem: str
    direction: str
    negated: bool = False


@dataclass(frozen=True)
class ChangeWords:
    """``patterns/changes.toml``: what the relations stage reads (comparison bases, the
    verbs of change in every form, the words of amounts)."""

    comparison_markers: tuple[str, ...] = ()
    level_nouns: tuple[str, ...] = ()
    base_determiners: frozenset[str] = frozenset()
    verbs: dict[str, ChangeVerb] = field(default_factory=dict)  # word form -> its verb
    stems: tuple[str, ...] = ()  # every stem of every voice, for a quick test of a sentence
    factor_words: frozenset[str] = frozenset()
    to_words: frozenset[str] = frozenset()
    target_nouns: frozenset[str] = frozenset()
    comparatives: frozenset[str] = frozenset()


def _read_changes(lex: Lexicon) -> None:
    data = load_pattern_file("changes.toml")
    comparison, amounts = data["comparison"], data["amounts"]
    verbs, stems = _change_verbs(data, load_pattern_file("modifiers.toml")["verb_forms"])
    lex.changes = ChangeWords(comparison_markers=tuple(comparison["markers"]),
                              level_nouns=tuple(comparison["level_nouns"]),
                              base_determiners=frozenset(comparison["determiners"]),
                              verbs=verbs, stems=stems,
                              factor_words=frozenset(amounts["factor_words"]),
                              to_words=frozenset(amounts["to_words"]),
                              target_nouns=frozenset(amounts["level_nouns"]),
                              comparatives=frozenset(amounts["comparatives"]))
    lex.change_verbs = frozenset(verbs)


def _change_verbs(data: dict, harmony: dict) -> tuple[dict[str, ChangeVerb], tuple[str, ...]]:
    """Every form of every verb of change (changes.toml [verbs], in the endings of
    [verb_endings] with modifiers.toml's harmony and devoicing), and all their stems."""
    endings = data["verb_endings"]
    forms = {**harmony, "after_consonant": endings["after_consonant"],
             "after_vowel": endings["after_vowel"]}
    junctions = endings["junctions"]
    respelt = {pair[0] for pair in junctions}

    def one(ending: str) -> dict:
        return {**harmony, "after_consonant": [ending], "after_vowel": [ending]}

    found: dict[str, ChangeVerb] = {}
    stems: list[str] = []
    tables = data["verbs"]
    for direction in DIRECTION_TABLES:
        for stem, causatives in tables[direction].items():
            voices = [stem, *causatives,
                      *(p for c in causatives for p in verb_forms(c, one(endings["passive"])))]
            for voice in voices:
                negative = verb_forms(voice, one(endings["negative"]))[0]
                # the quick test must find азаяды, кемиді: a stem's last letter that a
                # junction respells is left out of it
                stems.append(voice[:-1] if voice[-1] in respelt else voice)
                for base, negated in ((voice, False), (negative, True)):
                    for form in verb_forms(base, forms):
                        form = _joined(form, len(base), junctions)
                        found.setdefault(form, ChangeVerb(stem, direction, negated))
    for stem, nouns in tables["nouns"].items():
        direction = next(d for d in DIRECTION_TABLES if stem in tables[d])
        for form in nouns:
            found.setdefault(form, ChangeVerb(stem, direction))
    return found, tuple(sorted(set(stems), key=len, reverse=True))


DIRECTION_TABLES = ("up", "down")


def _joined(form: str, at: int, junctions: dict[str, str]) -> str:
    """The spelling where stem and ending meet (азай + ады = азаяды, кемі + у = кему)."""
    pair = form[at - 1:at + 1]
    return form[:at - 1] + junctions[pair] + form[at + 1:] if pair in junctions else form


@dataclass(frozen=True)
class ClauseWords:
    """``patterns/clauses.toml``: where a sentence splits into clauses (the periods read it)."""

    break_marks: frozenset[str] = frozenset()
    always_breaks: frozenset[str] = frozenset()
    back_stops: frozenset[str] = frozenset()
    conjunctions: frozenset[str] = frozenset()
    after_mark_starters: frozenset[str] = frozenset()
    finite_endings: tuple[str, ...] = ()
    content_endings: tuple[str, ...] = ()
    saying_verbs: tuple[str, ...] = ()
    base_window: int = 0


def _read_clauses(lex: Lexicon) -> None:
    data = load_pattern_file("clauses.toml")
    breaks, starters, reported = data["breaks"], data["starters"], data["reported"]
    lex.clauses = ClauseWords(
        break_marks=frozenset(breaks["marks"]), always_breaks=frozenset(breaks["always"]),
        back_stops=frozenset(breaks["back_stops"]),
        conjunctions=frozenset(starters["conjunctions"]),
        after_mark_starters=frozenset(starters["after_mark"]),
        finite_endings=tuple(data["finite"]["endings"]),
        content_endings=tuple(reported["content_endings"]),
        saying_verbs=tuple(reported["saying_verbs"]),
        base_window=data["comparison"]["window"])


@cache
def load_lexicon() -> Lexicon:
    """Read every data file in ``patterns/`` once per process (with the user's folder of
    $KAZEXTRACT_PATTERNS over them, validated first)."""
    validate_patterns()
    return _build_lexicon()


def _build_lexicon() -> Lexicon:
    lex = Lexicon()
    _read_suffixes(lex)
    _read_numbers(lex)
    _read_measures(lex)
    _read_context(lex)
    _read_temporal(lex)
    _read_grammar(lex)
    _read_changes(lex)
    _read_clauses(lex)
    return lex


@cache
def load_latin() -> dict:
    """``patterns/latin.toml``: the Latin alphabets' letters in Cyrillic (read by latin.py)."""
    return load_pattern_file("latin.toml")


@dataclass(frozen=True)
class InventoryEntry:
    """One unit, currency or time unit as ``patterns/`` lists it: for the README's tables."""

    symbol: str  # the canonical unit symbol, ISO 4217 code or DURATION unit
    family: str  # length, mass, …; a currency's name; "time" for durations
    forms: tuple[str, ...]  # the words, signs and codes as written in the data files


def unit_inventory() -> list[InventoryEntry]:
    """The units of ``units.toml`` in file order, with their families and written forms."""
    units = load_pattern_file("units.toml")
    return [InventoryEntry(symbol, table.get("family", ""), tuple(table["words"]))
            for symbol, table in units.items() if "words" in table]


def currency_inventory() -> list[InventoryEntry]:
    """The currencies of ``currencies.toml``: names, signs and codes, then minor units."""
    currencies = load_pattern_file("currencies.toml")
    minor = currencies.pop("minor", {})
    currencies.pop("price")  # the words that state a unit of sale, not a currency
    entries = [InventoryEntry(code, table.get("name", ""),
                              (*table["words"], *table.get("symbols", ()), *table.get("codes", ())))
               for code, table in currencies.items()]
    entries += [InventoryEntry(t["currency"], f"1/{t['per']} {t['currency']}", (word,))
                for word, t in minor.items()]
    return entries


def duration_inventory() -> list[InventoryEntry]:
    """The time words of ``durations.toml`` grouped by their DURATION unit."""
    durations = load_pattern_file("durations.toml")
    parts = durations.get("parts", {})
    forms: dict[str, list[str]] = {}
    for word, unit in durations["units"].items():
        forms.setdefault(unit, []).append(f"{word} (1/{parts[word]})" if word in parts
                                          else word)
    return [InventoryEntry(unit, "time", tuple(words)) for unit, words in forms.items()]
