"""Building facts: from a number and the words around it to a typed, normalised fact.

For each number in a sentence (numbers.py) the words after it decide the type: a percent
sign or word, a currency, a unit, a year word, a month, a time word, a rank noun; else it
is a count. Then modifiers before and after (шамамен, астам, жуық, дейін) give the
qualifier and join the span, the counted noun gives the subject, and "N елдің ішінде"
gives a rank its total. Spans follow KazNERD's conventions (reference A5).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from fractions import Fraction

from .facts import format_number
from .lexicon import Lexicon, Modifier, load_lexicon
from .memo import WordMemo
from .morphology import is_plural_noun, noun_endings, noun_stem, parse_suffixes, read_word
from .numbers import DASHES, Number, leading_digits, number_reader
from .phrases import PhraseMatch, PhraseTable
from .temporal import TemporalMatcher, is_clock_time, is_real_date
from .words import Word

QUOTES = {"«": "»", '"': '"', "“": "”", "„": "“"}
TERMINALS = frozenset(".!?…")
MAX_OWNER_WORDS = 4  # «Нұр Отан» партиясының кезектен тыс | 19-ыншы съезі
MAX_PLACE_WORDS = 2  # Нұр-Сұлтан қаласындағы | нөмірі 23-інші мектеп
# ordinals read after the first for one date (19-ыншы, 20-сыншы ғасырларда): a window, or a
# long list of ordinals is read again from each of its members
SERIES_ORDINALS_MAX = 8
MAX_TITLE_WORDS = 7  # «Бизнестің жол картасы екі мың жиырма бес»; reported speech runs longer
TITLE_TYPES = frozenset({"CARDINAL", "ORDINAL"})
CLOCK_CASES = frozenset({"locative", "dative", "ablative"})  # отызда, отызға, отыздан
CLAUSE_BREAKS = frozenset(",;:–—()")
BRIDGING_QUALIFIERS = frozenset({"approx", "gt"})  # жуық, шақты; астам, аса
AGE_CASES = frozenset({"locative", "dative", "ablative"})  # жасы 57-де, елуге, сексеннен
ADJECTIVE_STEM_MIN = 3  # ұлт|тық is an adjective; ба|лық "fish", ха|лық "people" are nouns


@dataclass
class Draft:
    """A fact before it gets its text: word indices and normalised fields."""

    start: int
    end: int
    type: str
    value: str
    value_max: str = ""
    unit: str = ""
    qualifier: str = ""
    subject: str = ""
    total: str = ""
    low: Fraction | None = None  # numeric value, for ranges and totals
    case: str = ""  # grammatical case of the number's own word (ablative in 700-ден)
    numberless: bool = False  # a month read only to date the day after it: dropped if alone


class FactBuilder:
    """Finds the facts of one sentence's words."""

    def __init__(self, lex: Lexicon | None = None, relative_dates: bool = False) -> None:
        """``relative_dates``: also dates and times without a number (биыл, таңертең)."""
        self.lex = lex = lex or load_lexicon()
        self.relative_dates = relative_dates
        self.numbers = number_reader(lex)  # shared: its memories serve every builder
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
        self.rank_nouns = PhraseTable({p: p[-1] for p in lex.rank_nouns})
        self.after = PhraseTable({m.phrase: m for m in lex.modifiers if m.position == "after"})
        self.before = PhraseTable({m.phrase: m for m in lex.modifiers if m.position == "before"},
                                  inflected=False)
        self.naming = PhraseTable(dict.fromkeys(lex.naming_words, True), inflected=False)
        self.article_after = PhraseTable({tuple(p.split()): True for p in lex.article_after},
                                         inflected=False)
        self.relatives = PhraseTable({(w,): w for w in lex.duration_relatives}, inflected=False)
        self.temporal = TemporalMatcher(lex, self.numbers.starts_number)
        self.time_nouns = self.temporal.nouns
        self._stems_of: WordMemo[tuple[str, frozenset[str]], str] = WordMemo()
        self._age_stems = lex.age_nouns | lex.duration_needs_ending
        # the stem sets _in_name reads words against, built once: each set has its memory
        names = lex.name_words
        self._titled = names["positions"] | names["events"]
        self._named_nouns = (self._titled | names["titles"] | names["facilities"]
                             | names["law_parts"])
        self._law_owners = names["laws"] | names["law_parts"]

    # ---- the sentence --------------------------------------------------------------------

    def build(self, words: list[Word]) -> list[Draft]:
        titles = self._mark_names(words)
        self.numbers.mark_identifiers(words)  # phone numbers, codes, Nikkei 225
        drafts: list[Draft] = []
        totals: list[tuple[int, Fraction]] = []  # (index after "ішінде", field size)
        pronouns = self._pronouns(words)
        i = 0
        while i < len(words):
            number = (self.numbers.read(words, i)
                      if i not in pronouns and self.numbers.starts_number(words[i]) else None)
            if number is None:
                temporal = (self.temporal.match(words, i) if not words[i].is_punct and (
                    self.relative_dates or self._month_before_day(words, i)) else None)
                if temporal and not self._clock_before_number(words, temporal.start, temporal.end):
                    self._add(words, drafts, Draft(temporal.start, temporal.end, temporal.type,
                                                   temporal.value,
                                                   numberless=not self.relative_dates))
                    i = max(temporal.end, i + 1)  # every step moves on: no rule can loop
                else:
                    i += 1
                continue
            draft = self._fact(words, number)
            if draft is None:
                i = max(number.end, i + 1)
                continue
            if draft.type == "RANK":
                draft.total = self._total_for(words, draft.start, totals)
            elif draft.type == "CARDINAL":
                self._note_total(words, draft, totals)
            self._add(words, drafts, draft)
            i = max(draft.end, i + 1)
        return [d for d in drafts if not self._in_title(d, titles) and not d.numberless
                and _real_value(d)]

    def _month_before_day(self, words: list[Word], i: int) -> bool:
        """наурыздың 5-і: a month in the genitive before a number, whose day it is; read as a
        date even without relative dates, so that the day joins it (_day_of_month)."""
        if i + 1 >= len(words) or not self.numbers.starts_number(words[i + 1]):
            return False
        month = self.months.match(words, i)
        return bool(month) and self.lex.case_of.get(month.suffixes.get("case")) == "genitive"

    def _pronouns(self, words: list[Word]) -> set[int]:
        """The words that are pronouns made of бір: біріміз "one of us", and бірі …, енді
        бірі … "one …, the other …" when two of them share the sentence."""
        lex = self.lex
        found = {k for k, w in enumerate(words) if w.lower in lex.pronoun_forms}
        pair = [k for k, w in enumerate(words) if w.lower in lex.distributive]
        return found | set(pair) if len(pair) > 1 else found

    @staticmethod
    def _in_title(draft: Draft, titles: list[tuple[int, int]]) -> bool:
        """A count or ordinal in a short quotation is part of a title; money, percentages,
        measures and dates there are still reported facts."""
        return draft.type in TITLE_TYPES and any(a <= draft.start and draft.end <= b
                                                 for a, b in titles)

    def _add(self, words: list[Word], drafts: list[Draft], draft: Draft) -> None:
        """Append a fact, joining it to the one before when they make one range or one date."""
        while drafts and drafts[-1].end > draft.start:
            drafts.pop()  # a number's fact took words before it (таңғы 7-де, минус 5)
        if drafts and (compound := self._compound(drafts[-1], draft)):
            drafts[-1] = compound
        elif drafts and self._joins_range(words, drafts[-1], draft):
            drafts[-1] = self._range(words, drafts[-1], draft)
        elif drafts and (day := self._day_of_month(words, drafts[-1], draft)):
            drafts[-1] = day
            if len(drafts) > 1 and (pair := self._coordinated(words, drafts[-2], day)):
                drafts[-2:] = [pair]  # сәуірдің 29-ы мен мамырдың 5-і күндері аралығында
        elif drafts and (pair := self._coordinated(words, drafts[-1], draft)):
            drafts[-1] = pair
        elif drafts and self._joins_date(words, drafts[-1], draft):
            drafts[-1] = replace(draft, start=drafts[-1].start,
                                 value=_joined_date(drafts[-1].value, draft.value))
        else:
            drafts.append(draft)

    def _compound(self, first: Draft, second: Draft) -> Draft | None:
        """1 метр 20 сантиметр, үш сағат елу минут: a measure in two units is one fact."""
        per = self.lex.compounds.get(first.unit, {}).get(second.unit)
        if (per is None or first.end != second.start or first.type != second.type
                or first.value_max or second.value_max or first.qualifier
                or first.low is None or second.low is None):
            return None
        total, unit = first.low + second.low / per, first.unit
        if (total * 1000).denominator != 1:  # 3 сағат 40 минут: 220 minutes, not 3.6666… hours
            total, unit = first.low * per + second.low, second.unit
        return replace(second, start=first.start, unit=unit, low=total,
                       value=format_number(total))

    def _day_of_month(self, words: list[Word], first: Draft, second: Draft) -> Draft | None:
        """қаңтардың онына дейін, тамыздың 19-ы, наурыздың 5-і мен 14-і аралығында: a month
        in the genitive, then its day or days; or a day, a dash and a later day
        (қыркүйектің 25-і — 26-сына дейін)."""
        if second.type != "CARDINAL" or not self._days(second):
            return None
        month = first.value[:4]
        if (first.type == "DATE" and len(first.value) == 4 and month.startswith("--")
                and first.end == second.start
                and self._case_of_word(words[first.end - 1]) == "genitive"):
            days = (second.low, Fraction(second.value_max) if second.value_max else None)
        elif (first.type == "DATE" and len(first.value) == 7 and month.startswith("--")
              and not first.value_max and second.start == first.end + 1
              and not second.value_max and second.low > int(first.value[5:])
              and self._joins_days(words, first.end, second.end)):
            days = (Fraction(int(first.value[5:])), second.low)
            second = replace(second, end=self._between(words, second.end), qualifier="")
        else:
            return None
        return replace(second, type="DATE", start=first.start, subject="",
                       value=f"{month}-{int(days[0]):02d}",
                       value_max=f"{month}-{int(days[1]):02d}" if days[1] else "")

    def _joins_days(self, words: list[Word], gap: int, end: int) -> bool:
        """25-і — 26-сына дейін; 5-і мен 14-і аралығында: a dash, or "and" before "between"."""
        return words[gap].text in DASHES or (words[gap].lower in self.lex.coordinators
                                             and self._between(words, end) > end)

    @staticmethod
    def _days(draft: Draft) -> bool:
        """A count that can be a day of the month, or two: no noun counted after it
        (маусымның 3 ойыны "3 games of the season" is not 3 June)."""
        values = [draft.low] + ([Fraction(draft.value_max)] if draft.value_max else [])
        return (draft.low is not None and not draft.subject
                and all(v.denominator == 1 and 1 <= v <= 31 for v in values))

    def _coordinated(self, words: list[Word], first: Draft, second: Draft) -> Draft | None:
        """үш пен жеті доллар арасында, қаңтар – ақпан, қазан мен қараша: two facts joined by
        a dash, or by "and" before "between", are one span (KazNERD, reference A5)."""
        gap = words[first.end:second.start]
        if len(gap) != 1 or first.type not in (second.type, "CARDINAL"):
            return None
        end = self._between_after(words, second.end)
        between = end > second.end
        dash = gap[0].text in DASHES and first.type == second.type == "DATE"
        if not (dash or (gap[0].lower in self.lex.coordinators and between)):
            return None
        if first.type == "CARDINAL" and (first.subject or second.type == "CARDINAL"
                                         and second.subject):
            return None
        return replace(second, start=first.start, end=end,
                       value=first.value or second.value,
                       value_max=second.value if first.value and second.value else "",
                       subject="" if first.type != "CARDINAL" else second.subject)

    def _joins_date(self, words: list[Word], first: Draft, second: Draft) -> bool:
        """өткен жылдың көктемінде, қыстың күні: a date in the genitive before another."""
        return (first.type == "DATE" and second.type == "DATE" and first.end == second.start
                and self._case_of_word(words[first.end - 1]) == "genitive")

    def _case_of_word(self, word: Word) -> str:
        """The grammatical case of a word's ending, read as a noun."""
        return self.lex.case_of.get(noun_endings(word.lower).get("case"), "")

    def _clock_before_number(self, words: list[Word], start: int, end: int) -> bool:
        """таңғы, кешкі сағат before a number belong to its clock time, not a TIME of their own."""
        return (end < len(words) and self.numbers.starts_number(words[end])
                and all(w.lower in self.lex.clock_words for w in words[start:end]))

    def _in_name(self, words: list[Word], number: Number) -> bool:
        """An ordinal that numbers a law's article, a position or an event is part of that
        name (Кодекстің 128-інші бабы, бірінші вице-премьер, 19-ыншы съезі)."""
        names = self.lex.name_words
        glued = number.glued.removeprefix("-")
        if number.glued and not (number.glued.startswith("-") and glued):
            return False
        if self._numbered_place(words, number.start):
            return True
        # the named noun follows the number, or is glued to it by the hyphen (58-бабының)
        noun_words, k = ([Word(glued, 0, 0)], 0) if glued else (words, number.end)
        after = self._word_of(noun_words, k, self._named_nouns)
        if after in names["facilities"] or after in names["titles"]:
            return True
        if after in self._titled:
            # Қаржы министрінің 1-інші орынбасары is a position's name; қала әкімінің 1-інші
            # орынбасары, келесі 5-інші сессия are ordinals (KazNERD)
            return self._proper_name_before(words, number.start)
        if after in names["law_parts"] and number.start:
            k = number.start - 1
            if k and words[k].text == ",":
                k -= 1  # 99-ыншы бабы, 2-нші бөлімі
            owner = words[k]
            if owner.text[:1].isdigit() and "-" in owner.text:  # 58-бабының 1-тармағы
                owner = Word(owner.text.split("-", 1)[1], owner.start, owner.end)
            return bool(self._word_of([owner], 0, self._law_owners))
        return False

    def _measure_follows(self, words: list[Word], k: int) -> bool:
        """Whether the number at ``k`` is glued to or followed by a percent, currency or unit."""
        number = self.numbers.read(words, k)
        if number is None:
            return False
        tables = (self.percents, self.currencies, self.measures)
        return bool(number.glued or number.sign
                    or any(table.match(words, number.end) for table in tables))

    def _numbered_place(self, words: list[Word], k: int) -> bool:
        """Ақтөбедегі нөмірі 1-інші орталық: "number N" after a named place names an
        institution; елорда шетіндегі нөмірі 23-інші мектеп is an ordinal (KazNERD)."""
        return (k > 1 and bool(self._word_of(words, k - 1, self.lex.name_words["numbered"]))
                and self._locates(words[k - 2])
                and self._proper_name_before(words, k - 1, MAX_PLACE_WORDS))

    def _locates(self, word: Word) -> bool:
        """A locative made an attribute with -ғы/-гі: Ақтөбедегі "(the one) in Aqtobe"."""
        suffixes = noun_endings(word.lower)
        return bool(suffixes.get("relative")
                    and self.lex.case_of.get(suffixes.get("case")) == "locative")

    @staticmethod
    def _proper_name_before(words: list[Word], k: int, window: int = MAX_OWNER_WORDS) -> bool:
        """A capitalised word or a closing quote among the few words before ``words[k]`` in
        its clause: the owner named in a title (Бас Ассамблеясының, Қаржы министрінің)."""
        for j in range(k - 1, max(k - 1 - window, -1), -1):
            text = words[j].text
            if text in QUOTES.values():
                return True
            if words[j].is_punct or text in CLAUSE_BREAKS:
                return False
            # a sentence's first word is capitalised anyway (Ол, Бұл): only when it owns the
            # genitive right before the number (Қаржы министрінің | 1-інші)
            first = j == 0 or words[j - 1].text in TERMINALS
            if text[:1].isupper() and text[:1].isalpha() and (not first or j >= k - 2):
                return True
        return False

    def _word_of(self, words: list[Word], k: int, stems: frozenset[str]) -> str:
        """The stem from ``stems`` that ``words[k]`` is a form of (бабының -> бап), or ''."""
        if k >= len(words) or k < 0 or words[k].is_punct:
            return ""
        key = (words[k].lower, stems)  # a frozenset keeps its hash: a cheap key
        stem = self._stems_of.get(key)
        if stem is None:
            reading = read_word(words[k].lower, stems)
            stem = self._stems_of.remember(key, reading.stem if reading else "")
        return stem

    def _mark_names(self, words: list[Word]) -> list[tuple[int, int]]:
        """Numbers inside names are not facts (KazNERD's flat annotation). Marks the words of
        a quoted title followed by a naming word ("…" атты) and of "Name – number"
        (COVID – 19); returns the word ranges of short quotations, where counts and ordinals
        are part of a title («Хабар 24», «Бизнестің жол картасы 2025»)."""
        opened: int | None = None
        closer = ""
        titles = []
        for k, word in enumerate(words):
            if opened is None and word.text in QUOTES:
                opened, closer = k, QUOTES[word.text]
            elif opened is not None and word.text == closer:
                inner = words[opened + 1:k]
                if self.naming.match(words, k + 1):
                    for w in inner:
                        w.in_name = True
                elif (0 < sum(not w.is_punct for w in inner) <= MAX_TITLE_WORDS
                      and inner[-1].text not in TERMINALS
                      and not self._reported_speech(words, k + 1)):
                    titles.append((opened + 1, k))
                opened = None
            elif word.text in DASHES and self._name_dash_number(words, k):
                self._mark_number_at(words, k + 1)
        return titles

    def _name_dash_number(self, words: list[Word], k: int) -> bool:
        """COVID – 19, ГРЭС – 2: a name, a dash at ``k`` and a number that is part of it."""
        if not 0 < k < len(words) - 1 or words[k].in_name:
            return False
        name, number = words[k - 1], words[k + 1]
        if not self.numbers.starts_number(number) or self._measure_follows(words, k + 1):
            return False  # Дәния Еспаева — 5 процент алды: a predicate, not a name
        if self.numbers.is_latin_name(name):
            return True
        # the first word of a sentence is capitalised anyway; Ресейде — жүз is no name
        return (k > 1 and name.text[:1].isupper() and name.text[:1].isalpha()
                and not self.numbers.starts_number(name) and not self._case_of_word(name))

    def _reported_speech(self, words: list[Word], k: int) -> bool:
        """«…», — дейді: a quotation followed by a comma and dash or a verb of saying."""
        following = [w.lower for w in words[k:k + 3]]
        if self._names_with_saying(words, k):
            return False
        return bool(self.lex.speech_markers.intersection(following)) or following[:2] == [",", "—"]

    def _names_with_saying(self, words: list[Word], k: int) -> bool:
        """«…» деген бағдарлама "a programme called …": a verb of saying as an attribute
        before a noun names it; before an auxiliary (деген еді) it reports speech."""
        if k + 1 >= len(words) or words[k].lower not in self.lex.naming_sayings:
            return False
        noun = words[k + 1]
        return (not noun.is_punct and noun.text[:1].islower()
                and noun.lower not in self.lex.speech_auxiliaries)

    def _mark_number_at(self, words: list[Word], k: int) -> None:
        number = self.numbers.read(words, k)
        for w in words[k:number.end if number else k + 1]:
            w.in_name = True

    # ---- one number ----------------------------------------------------------------------

    def _fact(self, words: list[Word], number: Number) -> Draft | None:
        draft = (self._from_glued(words, number) or self._from_next_words(words, number))
        if draft is None:
            return None
        if draft.type == "CARDINAL" and draft.end == number.end:
            self._currency_before(words, number, draft)
        self._add_modifiers(words, draft)
        if number.approximate and not draft.qualifier:
            draft.qualifier = "approx"
        if number.or_more and not draft.qualifier:
            draft.qualifier = "ge"
        # a number with its own case ending is a noun phrase (бес жүзді таңдады "chose five
        # hundred"); it reaches a noun through a postposition (мыңнан астам адам) or as the
        # distributive ablative (10-15-тен кітап "10-15 books each")
        governs = (not number.case or draft.end > number.end
                   or self.lex.case_of.get(number.case) == "ablative")
        if draft.type == "CARDINAL" and not draft.subject and not number.stands_alone and governs:
            draft.subject = self._subject(words, draft.end)
        return draft

    def _currency_before(self, words: list[Word], number: Number, draft: Draft) -> None:
        """USD 5 млн, $ 5 млн: a currency code or symbol written apart before a bare number
        makes it money (glued, $5, the number reads it itself)."""
        before = words[number.start - 1] if number.start else None
        code = self.lex.currency_symbols.get(before.text) if before else None
        if code is not None and not number.sign:
            draft.type, draft.unit, draft.start = "MONEY", code, number.start - 1

    def _from_glued(self, words: list[Word], number: Number) -> Draft | None:
        """A fact decided inside the number's own word: 18:00, 30%-ға, $5, 29-орынға."""
        end = number.end
        if number.date:  # 01.09.2024 жылдан: a year word after it belongs to it
            year_word = self.year_words.match(words, end) if end < len(words) else None
            return Draft(number.start, year_word.end if year_word else end, "DATE", number.date)
        if number.time:
            return self._time(words, number)
        if clock := self._clock(words, number):
            return clock
        if number.sign:
            code = self.lex.currency_symbols[number.sign]
            return self._draft(number, end, "MONEY", code)
        glued = number.glued
        if not glued:
            return None
        if glued[0] in self.lex.percent_symbols:
            return self._draft(number, end, "PERCENT", "%")
        if glued[0] in self.lex.currency_symbols:  # 5₸, 1200₸/кг
            return self._draft(number, end, "MONEY", self._per_unit(glued)
                               or self.lex.currency_symbols[glued[0]])
        glued_word = [Word(glued.removeprefix("-"), 0, 0)]
        if rank := self.rank_nouns.match(glued_word, 0):
            return self._draft(number, end, "RANK", "", subject=rank.value)
        if self.year_words.match(glued_word, 0) and self._is_year(number):
            return self._date(words, number, end)
        if month := self.months.match(glued_word, 0):
            return self._day_month(words, number, month.value, end)
        if unit := self.measures.match(glued_word, 0):
            return self._draft(number, end, "QUANTITY", unit.value)
        if glued.startswith("-"):
            # 5-сынып, 136-бап: the hyphen stands for the ordinal suffix
            if self._in_name(words, number):
                return None
            if self.time_nouns.match(glued_word, 0):  # 21-ғасырда, 90-жылдары: a date
                start = self.temporal.duration_determiner(words, number.start)
                return self._ordinal_date(words, number, start, end, glued_word[0])
            return self._draft(number, end, "ORDINAL", "")
        return None  # glued without a hyphen to a word that is not a measure: 5G

    def _from_next_words(self, words: list[Word], number: Number) -> Draft | None:
        if number.glued:
            return None
        j = number.end
        free = not (number.case or number.suffixes.get("possessive")
                    or number.suffixes.get("derivation"))
        if self._is_article(words, number):
            return None  # бір күні "one day"
        if self._word_of(words, j, self.lex.name_words["anniversaries"]):
            return self._anniversary(words, number)
        duration = self.durations.match(words, j) if number.suffixes.get("derivation") else None
        if duration and duration.suffixes.get("derivation"):  # 24-тік сағаттық "round-the-clock"
            return self._duration(words, number, duration)
        if not free and not number.ordinal and (draft := self._bridged(words, number)):
            return draft  # мыңнан астам теңге, отызға жуық жыл
        if (j < len(words) and self.numbers.quarter_digit(words[number.start])
                and number.end == number.start + 1 and self.numbers.is_quarter(words, j)):
            return self._ordinal_date(words, number, number.start, j + 1)  # 3 тоқсанында
        if free and j < len(words):
            if not number.ordinal and (draft := self._measured(words, number)):
                return draft
            if self._is_year(number) and self.year_words.match(words, j):
                return self._date(words, number, self.year_words.match(words, j).end)
            if (month := self.months.match(words, j)) and (
                    not month.suffixes.get("possessive")
                    or self.temporal.after_genitive_date(words, number.start, date_words=False)):
                # a day's month takes the possessive only after "of the year" (жылдың 9-ыншы
                # маусымына); «Жекпе-жектің» төртінші маусымы is "the fourth season"
                return self._day_month(words, number, month.value, month.end)
            if rank := self.rank_nouns.match(words, j):
                rank_case = self.lex.case_of.get(rank.suffixes.get("case"), "")
                one = number.words_only and number.value == 1  # бір орында "in one place"
                moved = rank_case == "dative" and rank.end < len(words) and words[
                    rank.end].lower.startswith(self.lex.rank_move_verbs)  # 10 сатыға көтерілді
                if number.ordinal or (rank_case in self.lex.rank_cases and not one and not moved):
                    return self._draft(number, j, "RANK", "", subject=rank.value)
        if age := self._age(words, number):
            return age
        if date := self._bare_date(words, number):
            return date
        if number.ordinal:
            if self._in_name(words, number):
                return None
            if series := self._ordinal_series(words, number):
                return series
            if noun := self.time_nouns.match(words, j):
                # екінші күні "on the second day", үшінші жыл, бірінші тоқсанда: a date
                start = self.temporal.duration_determiner(words, number.start)
                return self._ordinal_date(words, number, start, noun.end)
            return self._draft(number, j, "ORDINAL", "")
        # bare бір before a noun counts one (KazNERD marks бір адам, бір рет as CARDINAL);
        # only its set phrases (бір күні "one day") are the article: see _is_article
        return self._draft(number, j, "CARDINAL", "")

    def _measured(self, words: list[Word], number: Number, j: int | None = None) -> Draft | None:
        """A cardinal before a percent word, currency, unit or time word, read at ``j``."""
        bridged = j is not None
        j = number.end if j is None else j
        if percent := self.percents.match(words, j):
            return _approximated(self._draft(number, percent.end, "PERCENT", percent.value),
                                 percent)
        if currency := self.currencies.match(words, j):
            return self._money(words, number, currency)
        if j < len(words) and (price := self._per_unit(words[j].lower)):
            return self._draft(number, j + 1, "MONEY", price)  # 1 200 ₸/кг, 500 теңге/литр
        if minor := self.minor_units.match(words, j):  # 5 тиын = 0.05 KZT
            code, per = minor.value
            draft = self._draft(number, minor.end, "MONEY", code)
            _divide(draft, number, per)
            return draft
        if unit := self.measures.match(words, j):
            return self._quantity(words, number, unit)
        if self._is_year(number) and self.year_words.match(words, j):
            return None  # 2019 жылы: a year, not a duration
        duration = self.durations.match(words, j)
        if duration and self._is_age_noun(duration) and not self._can_be_age(number):
            return None  # жүздеген жастың, 300 миллион жастың: "young people", not ages
        if duration and (duration.suffixes or duration.stem not in self.lex.duration_needs_ending
                         or self._between(words, duration.end) > duration.end):
            return self._duration(words, number, duration)  # 18 бен 30 жас аралығында
        return None if bridged else self._bridged(words, number)

    def _bridged(self, words: list[Word], number: Number) -> Draft | None:
        """отызға жуық жылды, он шақты жыл бойы: "about" or "more than" between a number and
        its measure belongs to the one fact."""
        bridge = self.after.match(words, number.end)
        if bridge is None or bridge.value.qualifier not in BRIDGING_QUALIFIERS:
            return None
        if bridge.value.cases and self.lex.case_of.get(number.case, "") not in bridge.value.cases:
            return None
        draft = self._measured(words, number, bridge.end)
        if draft is not None:
            draft.qualifier = draft.qualifier or bridge.value.qualifier
        return draft

    def _is_age_noun(self, duration: PhraseMatch[str]) -> bool:
        return duration.stem in self._age_stems

    def _can_be_age(self, number: Number) -> bool:
        high = number.value_max if number.value_max is not None else number.value
        return not number.approximate and high <= self.lex.age_max

    def _bare_date(self, words: list[Word], number: Number) -> Draft | None:
        """A year with a case ending and no noun (2017-де "in 2017"), or a day with a
        possessive (он бірінде "on the 11th", 31-і күні "on the 31st"): dates without a
        date word."""
        if day := self._bare_day(words, number):
            return day
        case = self.lex.case_of.get(number.case, "")
        nxt = words[number.end] if number.end < len(words) else None
        if nxt is not None and not nxt.is_punct and nxt.text[:1].islower():
            return None  # KazNERD reads 1990-да туған … as a count more often than a date
        if (case in self.lex.year_cases and not number.suffixes.get("possessive")
                and self._is_year(number) and number.value_max is None):
            return Draft(number.start, number.end, "DATE", str(int(number.value)),
                         low=number.value)
        return None

    def _bare_day(self, words: list[Word], number: Number) -> Draft | None:
        """A day of the month said with the 3rd-person possessive, "its (the month's) Nth":
        in the locative (24-інде) or before күні (31-і күні). бірінде is "in one of them"."""
        value = number.value
        if (number.ordinal or not number.suffixes.get("possessive") or number.value_max
                is not None or value.denominator != 1 or not 2 <= value <= 31
                or number.collective):  # төртеуінде "at four of them"
            return None
        case = self.lex.case_of.get(number.case, "")
        day_noun = (not case and number.end < len(words)
                    and words[number.end].lower in self.lex.day_nouns)
        if case != "locative" and not day_noun:
            return None
        return Draft(number.start, number.end, "DATE", f"---{int(value):02d}", low=value)

    def _age(self, words: list[Word], number: Number) -> Draft | None:
        """жасы 57-де, жасы қазір сексеннен асқан: a number said of "his age" is an age in
        years, with no time word after it."""
        if number.ordinal or number.suffixes.get("possessive") or number.value_max is not None:
            return None
        at_end = number.end >= len(words) or words[number.end].is_punct
        # зейнет жасы 63 жас: the bare age word after the number repeats "age"
        unit = 0 if at_end else int(words[number.end].lower in self.lex.age_nouns)
        if self.lex.case_of.get(number.case, "") not in AGE_CASES and not at_end and not unit:
            return None
        k = number.start - 1
        while k >= 0 and words[k].lower in self.lex.age_skip:
            k -= 1
        reading = read_word(words[k].lower, self.lex.age_nouns) if k >= 0 else None
        if reading is None or not reading.suffixes.get("possessive"):
            return None
        return self._draft(number, number.end + unit, "DURATION", "year")

    def _anniversary(self, words: list[Word], number: Number) -> Draft | None:
        """Абайдың 175 жылдығы, a named one, is an event's name; тәуелсіздіктің 30 жылдығы
        or алдағы 25 жылдығы is a span of years."""
        before = words[number.start - 1] if number.start else None
        reading = read_word(words[number.end].lower, self.lex.name_words["anniversaries"])
        owned = reading is not None and bool(reading.suffixes.get("possessive"))
        if (owned and before and before.text[:1].isupper()
                and self._case_of_word(before) == "genitive"):
            return None  # Абайдың 175 жылдығы; but Үкіметтің бес жылдық жоспары is a span
        return self._draft(number, number.end + 1, "DURATION", "year")

    def _is_article(self, words: list[Word], number: Number) -> bool:
        """бір күні "one day", белгілі бір "a certain": the article in its set phrases."""
        if not (number.words_only and number.value == 1 and not number.suffixes):
            return False
        after = words[number.end].lower if number.end < len(words) else ""
        return (after in self.lex.article_set_phrases
                or self._plural_after(words, number.end)  # бір таныстар "some acquaintances"
                or after.endswith(self.lex.article_verb_endings)  # бір өсіп "once grew"
                or (bool(after) and self.numbers.starts_number(words[number.end])  # бір 2-3
                    and not self.durations.match(words, number.end))  # not бір жетіден
                or self.article_after.match_ending(words, number.start) is not None)

    def _plural_after(self, words: list[Word], k: int) -> bool:
        """A plural noun after бір makes it the indefinite "some": one thing is singular."""
        if k >= len(words) or words[k].is_punct or not words[k].text[:1].islower():
            return False
        measured = (self.measures, self.currencies, self.durations, self.percents)
        return (not any(table.match(words, k) for table in measured)
                and is_plural_noun(words[k].lower))

    def _draft(self, number: Number, end: int, kind: str, unit: str, subject: str = ""
               ) -> Draft:
        return Draft(number.start, end, kind, format_number(number.value),
                     format_number(number.value_max), unit, subject=subject, low=number.value,
                     case=self.lex.case_of.get(number.case, ""))

    def _is_year(self, number: Number) -> bool:
        values = [number.value] + ([number.value_max] if number.value_max is not None else [])
        return all(v.denominator == 1 and self.lex.year_min <= v <= self.lex.year_max
                   for v in values) and not number.approximate

    # ---- types ---------------------------------------------------------------------------

    def _money(self, words: list[Word], number: Number, currency: PhraseMatch[str]) -> Draft:
        draft = _approximated(self._draft(number, currency.end, "MONEY", currency.value),
                              currency)
        cents = self.numbers.read(words, currency.end) if currency.end < len(words) else None
        if cents and not currency.suffixes and cents.value_max is None:
            minor = self.minor_units.match(words, cents.end)
            if minor and minor.value[0] == currency.value:  # 17 теңге 29 тиын
                draft.value = format_number(number.value + cents.value / minor.value[1])
                draft.end = minor.end
        if per := self._per_unit_after(words, currency):
            draft.unit, draft.end = f"{currency.value}/{per.value}", per.end
        return draft

    def _per_unit(self, text: str) -> str:
        """₸/кг, теңге/литр: a currency, a slash and a unit are a price per unit (KZT/kg)."""
        money, slash, per = text.partition("/")
        if not slash or not money or not per:
            return ""
        currency = self.currencies.match([Word(money, 0, 0)], 0)
        unit = self.measures.match([Word(per, 0, 0)], 0) if currency else None
        return f"{currency.value}/{unit.value}" if unit else ""

    def _per_unit_after(self, words: list[Word], currency: PhraseMatch[str]) -> PhraseMatch | None:
        """470 теңгеден литріне "470 tenge to its litre": the currency in the ablative, then a
        unit with the possessive and the dative."""
        if self.lex.case_of.get(currency.suffixes.get("case")) != "ablative":
            return None
        unit = self.measures.match(words, currency.end)
        if (unit is None or not unit.suffixes.get("possessive")
                or self.lex.case_of.get(unit.suffixes.get("case")) != "dative"):
            return None
        return unit

    def _quantity(self, words: list[Word], number: Number, unit: PhraseMatch[str]) -> Draft:
        draft = _approximated(self._draft(number, unit.end, "QUANTITY", unit.value), unit)
        if number.slash and len(number.slash.split("/")[1]) == 2:
            # 4/66 мегабит: on the Kazakh and Russian keyboards "/" is typed with the key
            # of ".", so a slash before two digits in a measurement is a slipped decimal point
            draft.value = format_number(Fraction(number.slash.replace("/", ".")))
        self._add_rate(words, draft)
        return draft

    def _add_rate(self, words: list[Word], draft: Draft) -> None:
        """сағатына 80 шақырым (km/h, the rate word in the span), тәулігіне 2 млн баррель
        (bbl/d, the rate word outside it), as KazNERD marks them."""
        rate = words[draft.start - 1].lower if draft.start else ""
        if rate in self.lex.rates:
            draft.start, draft.unit = draft.start - 1, draft.unit + self.lex.rates[rate]
        elif rate in self.lex.rates_apart:
            draft.unit += self.lex.rates_apart[rate]

    def _duration(self, words: list[Word], number: Number, duration: PhraseMatch[str]) -> Draft:
        draft = _approximated(self._draft(number, duration.end, "DURATION", duration.value),
                              duration)
        if per := self.lex.duration_parts.get(duration.stem):  # 5 мс = 0.005 second
            _divide(draft, number, per)
        draft.start = self.temporal.duration_determiner(words, draft.start)  # соңғы екі жылда
        if relative := self.relatives.match(words, draft.end):
            draft.end = relative.end  # екі жыл бұрын "two years ago"
        draft.end = self._between(words, draft.end)
        return draft

    def _date(self, words: list[Word], number: Number, end: int) -> Draft:
        """A year (2019 жылы), a year range, or a full date (2017 жылғы 31 қаңтардағы)."""
        year = int(number.value)
        draft = Draft(number.start, end, "DATE", str(year), format_number(number.value_max),
                      low=number.value)
        if number.value_max is not None:
            draft.end = self._between(words, end)  # 2017-2019 жылдар аралығында
            return draft
        if year % 10 == 0 and self._plural_year_word(words, number, end):
            draft.value_max = str(year + 9)  # 1930 жылдары "in the 1930s": a decade
            return draft
        if end >= len(words):
            return draft
        year_word = self.year_words.match(words, end - 1)
        linked = year_word is not None and (year_word.suffixes.get("derivation")
                                            or self.lex.case_of.get(year_word.suffixes.get("case"))
                                            == "genitive")
        day = self.numbers.read(words, end) if self.numbers.starts_number(words[end]) else None
        month = self.months.match(words, day.end) if day else None
        days = self._day_month(words, day, month.value, month.end, False) if month else None
        if days:  # 2017 жылғы 31 қаңтардағы, 2024 жылғы 12-15 маусым аралығында
            draft.value, draft.value_max, draft.end = (
                f"{year:04d}" + days.value[1:], f"{year:04d}" + days.value_max[1:]
                if days.value_max else "", days.end)
        elif linked and (month := self.months.match(words, end)):
            # 2020 жылғы наурызда is one date; 2021 жылы | қыркүйекте ("in 2021, in
            # September") are two, as KazNERD marks them; 2020 жылдың мамыр айында
            ai = self.temporal.month_noun_joins(words, month.start, month.end, True)
            draft.value, draft.end = f"{year:04d}-{month.value:02d}", month.end + ai
        return draft

    def _plural_year_word(self, words: list[Word], number: Number, end: int) -> bool:
        """The year word after the number (or glued to it: 1990-жылдары) is plural."""
        glued = number.glued.removeprefix("-")
        year_word = (self.year_words.match([Word(glued, 0, 0)], 0) if glued
                     else self.year_words.match(words, end - 1))
        return bool(year_word and year_word.suffixes.get("plural"))

    def _ordinal_series(self, words: list[Word], number: Number) -> Draft | None:
        """он төртінші – он бесінші ғасырларда, 19-ыншы, 20-сыншы ғасырларда, 24-інші – 27-нші
        маусым аралығында: ordinals joined by a dash or comma before one time noun or month
        are one date, from the first to the last."""
        last, k, read = number, number.end, 0
        while (read < SERIES_ORDINALS_MAX and k + 1 < len(words)
               and words[k].text in (*DASHES, ",")):
            read += 1
            nxt = self.numbers.read(words, k + 1)
            if nxt is None or not nxt.ordinal:
                break
            last, k = nxt, nxt.end
        if last is number:
            return None
        if month := self.months.match(words, k):
            end = self._between(words, month.end)
            return Draft(number.start, end, "DATE", f"--{month.value:02d}-{int(number.value):02d}",
                         f"--{month.value:02d}-{int(last.value):02d}", low=number.value)
        if noun := self.time_nouns.match(words, k):
            first = self._ordinal_date(words, number, number.start, noun.end)
            final = self._ordinal_date(words, last, number.start, noun.end)
            first.value_max = final.value_max
            first.end = self._between(words, first.end)
            return first
        return None

    def _between_after(self, words: list[Word], end: int) -> int:
        """Like ``_between``, also across a plural time noun: мамырдың 5-і күндері аралығында."""
        noun = self.time_nouns.match(words, end) if end < len(words) else None
        if noun and noun.suffixes.get("plural") and self._between(words, noun.end) > noun.end:
            return noun.end + 1
        return self._between(words, end)

    def _between(self, words: list[Word], end: int) -> int:
        """Take in аралығында "between" after a range."""
        return end + 1 if end < len(words) and words[end].lower in self.lex.between_words else end

    def _ordinal_date(self, words: list[Word], number: Number, start: int, end: int,
                      noun: Word | None = None) -> Draft:
        """An ordinal before a time noun (``noun`` when glued to it: 21-ғасырда). A century
        gets its years (жиырма бірінші ғасыр = 2001..2100); a day or year counted from an
        unknown start keeps an empty value."""
        draft = Draft(start, self.temporal.extend(words, end), "DATE", "", low=number.value)
        noun_words, k = ([noun], 0) if noun else (words, end - 1)
        duration = self.durations.match(noun_words, k)
        if duration and duration.value == "century" and number.value.denominator == 1:
            century = int(number.value)
            # four-digit ISO years: the first century is 0001..0100
            draft.value, draft.value_max = f"{(century - 1) * 100 + 1:04d}", f"{century * 100:04d}"
        return draft

    def _day_month(self, words: list[Word], number: Number, month: int, end: int,
                   year_after: bool = True) -> Draft | None:
        """31 қаңтар, 11-інші мамыр, 31 қаңтар 2017 жыл (``year_after``: a year may follow);
        a range of days, 2-3 сәуірде."""
        last = number.value_max
        if number.case or not _is_day_value(number.value) or (
                last is not None and not (_is_day_value(last) and last > number.value)):
            return None
        draft = Draft(number.start, end, "DATE", f"--{month:02d}-{int(number.value):02d}",
                      f"--{month:02d}-{int(last):02d}" if last else "", low=number.value)
        if last:
            draft.end = end = self._between(words, end)  # 12-15 маусым аралығында
        year = self.numbers.read(words, end) if year_after and end < len(words) else None
        if year and self._is_year(year) and year.value_max is None:
            year_word = self.year_words.match(words, year.end)
            if year_word or year.digits:
                draft.value = f"{int(year.value):04d}" + draft.value[1:]
                if draft.value_max:
                    draft.value_max = f"{int(year.value):04d}" + draft.value_max[1:]
                draft.end = year_word.end if year_word else year.end
        return draft

    @staticmethod
    def _is_day(number: Number) -> bool:
        return _is_day_value(number.value) and number.value_max is None and not number.case

    def _clock(self, words: list[Word], number: Number) -> Draft | None:
        """A whole hour after a clock word (таңғы 7-де, кешкі сағат сегізде) or before
        spoken zero minutes (он сегіз нөл-нөлде): a TIME."""
        hours = number.value
        if hours.denominator not in (1, 2) or not 0 <= hours <= 24 or number.value_max is not None:
            return None
        if self.durations.match(words, number.end):
            return None  # 2 сағат 15 минутта: minutes of a duration, not a clock's hour
        start, clock = self._clock_words(words, number.start)
        end, minutes = number.end, int(hours % 1 * 60)
        zero = self.lex.zero_minutes
        if end < len(words) and any(words[end].lower.startswith(z) for z in zero):
            end += 1
        elif spoken := self._spoken_minutes(words, number):
            end, minutes = spoken.end, int(spoken.value)  # он жеті қырық екіде = 17:42
        elif relative := self._minutes_past_or_to(words, number):
            end, minutes = relative
            if minutes < 0:  # он екіге он бес минут қалғанда = 11:45
                hours, minutes = hours - 1, minutes + 60
        if start == number.start and end == number.end and not clock:
            return None
        hour = clock(int(hours)) if clock else int(hours)
        value = f"{hour % 24:02d}:{minutes:02d}"
        return Draft(start, end, "TIME", value, low=number.value,
                     case=self.lex.case_of.get(number.case, ""))

    def _minutes_past_or_to(self, words: list[Word], number: Number) -> tuple[int, int] | None:
        """он екіден он бес минут кеткенде (12:15), он екіге он бес минут қалғанда (11:45):
        where the span ends (after минут) and the minutes, negative when before the hour."""
        case = self.lex.case_of.get(number.case)
        if case not in ("ablative", "dative") or number.value.denominator != 1:
            return None
        minutes = self.numbers.read(words, number.end) if number.end < len(words) else None
        unit = self.durations.match(words, minutes.end) if minutes else None
        if (unit is None or unit.value != "minute" or unit.suffixes or unit.end >= len(words)
                or minutes.value_max is not None or not 0 < minutes.value < 60):
            return None
        verbs = self.lex.minutes_past if case == "ablative" else self.lex.minutes_to
        if words[unit.end].lower not in verbs:
            return None
        return unit.end, int(minutes.value) if case == "ablative" else -int(minutes.value)

    def _spoken_minutes(self, words: list[Word], number: Number) -> Number | None:
        """Hours then minutes, both in words, the minutes with a case ending: жиырма бір
        отызда (21:30). Two bare numbers side by side in speech are a clock reading."""
        if (number.digits or number.suffixes or number.end >= len(words)
                or number.value.denominator != 1):
            return None
        minutes = self.numbers.read(words, number.end)
        if (minutes is None or minutes.digits or minutes.value_max is not None
                or minutes.value.denominator != 1 or not 10 <= minutes.value <= 59
                or self.lex.case_of.get(minutes.case) not in CLOCK_CASES):
            return None
        return minutes

    def _clock_words(self, words: list[Word], start: int):
        """The clock words before ``start`` (кешкі сағат): where the span starts and how the
        hour is read. A lone сағат counts for reading but stays out of the span."""
        k, parts = start, []
        while k and words[k - 1].lower in self.lex.clock_words:
            k -= 1
            parts.append(self.lex.clock_words[words[k].lower])
        if not parts:
            return start, None
        # the span starts at the first part of the day: сағат | түнгі он екі, таңғы сағат 8
        last_part = next((p for p in parts if p.part_of_day), None)
        first_part = min((start - 1 - n for n, p in enumerate(parts) if p.part_of_day),
                         default=None)
        return (first_part if first_part is not None else start), (last_part or parts[0]).hour

    def _time(self, words: list[Word], number: Number) -> Draft:
        start, clock = self._clock_words(words, number.start)
        value = number.time
        if clock:
            hours, minutes = value.split(":")
            value = f"{clock(int(hours)) % 24:02d}:{minutes}"
        return Draft(start, number.end, "TIME", value, low=number.value,
                     case=self.lex.case_of.get(number.case, ""))

    # ---- modifiers, subjects, totals -----------------------------------------------------

    def _add_modifiers(self, words: list[Word], draft: Draft) -> None:
        for _ in range(2):  # плюс 25-тен ..., ең кемі минус 5: up to two before the number
            before = self.before.match_ending(words, draft.start)
            if not before or not self._applies(before.value, draft):
                break
            draft.start = before.start
            draft.qualifier = before.value.qualifier or draft.qualifier
            if before.value.sign < 0:
                _below_zero(draft)
        for n in range(2):  # екі еседен астам, есе жоғары: up to two after it
            after = self.after.match(words, draft.end)
            if (not after or not self._applies(after.value, draft)
                    or (n == 0 and not self._governed(words, after.value, draft))):
                break
            draft.qualifier = after.value.qualifier or draft.qualifier
            if not after.value.in_span:
                break  # 8 млн тоннадан асты "exceeded": a verb, outside the span
            draft.end = after.end
            if after.value.sign < 0:
                _below_zero(draft)  # –5 градус суық is -5, not 5
        if draft.type in ("DATE", "TIME") and (relative := self.relatives.match(words, draft.end)):
            draft.end = relative.end  # таңғы 7-ден бері, сағат тоғыздан кейін

    def _governed(self, words: list[Word], modifier: Modifier, draft: Draft) -> bool:
        """Whether the fact ends in the case a postposition needs (мыңнан аса, not бес аса)."""
        if not modifier.cases:
            return True
        last = words[draft.end - 1].lower
        if "-" in last:  # 10%-дан, 100-ден
            suffixes = parse_suffixes(last.rsplit("-", 1)[1], "*", "", True)
            case = self.lex.case_of.get(suffixes.get("case"), "") if suffixes else ""
        else:
            case = self._case_of_word(words[draft.end - 1])
        return draft.case in modifier.cases or case in modifier.cases

    @staticmethod
    def _applies(modifier: Modifier, draft: Draft) -> bool:
        return not modifier.types or draft.type in modifier.types

    def _subject(self, words: list[Word], k: int) -> str:
        """The counted noun right after a count: 4 бағытты -> бағыт, мыңнан астам адам -> адам."""
        for _ in range(2):  # жаңа жұмыс орны, ұлттық команда: adjectives before the noun
            if (self._may_count(words, k) and self._may_count(words, k + 1)
                    and not words[k + 1].lower.endswith(self.lex.verb_endings)
                    and self._adjective(words[k].lower)):
                k += 1
        return noun_stem(words[k].lower) if self._may_count(words, k) else ""

    def _adjective(self, lower: str) -> bool:
        return lower in self.lex.adjectives or not lower.endswith(self.lex.noun_endings) and any(
            lower.endswith(ending) and len(lower) - len(ending) >= ADJECTIVE_STEM_MIN
            for ending in self.lex.adjective_endings)

    def _may_count(self, words: list[Word], k: int) -> bool:
        """``words[k]`` may be a counted noun (or an adjective before one)."""
        if k >= len(words):
            return False
        word = words[k]
        return not (word.is_punct or not word.text[:1].isalpha() or not word.text[:1].islower()
                    or word.lower in self.lex.not_subjects or self.numbers.starts_number(word)
                    or self.after.match(words, k))

    def _note_total(self, words: list[Word], draft: Draft, totals: list[tuple[int, Fraction]]
                    ) -> None:
        """193 мемлекеттің ішінде: a count that may be the field of a following rank."""
        k = draft.end
        if (draft.low is not None and k + 1 < len(words) and draft.subject
                and words[k + 1].lower in self.lex.total_postpositions):
            totals.append((k + 2, draft.low))

    @staticmethod
    def _total_for(words: list[Word], start: int, totals: list[tuple[int, Fraction]]) -> str:
        for after, size in reversed(totals):
            if after <= start and not any(w.text in CLAUSE_BREAKS for w in words[after:start]):
                return format_number(size)
        return ""

    # ---- ranges over two numbers ---------------------------------------------------------

    def _joins_range(self, words: list[Word], first: Draft, second: Draft) -> bool:
        """700-ден 2000 АЕК-ке дейін, таңғы 9-дан кешкі 8-ге дейін, 3 жастан 6 жасқа дейін:
        a fact in the ablative right before a bounded one of the same kind."""
        if (first.type == second.type and first.type in ("TIME", "DURATION")
                and first.unit == second.unit and first.end == second.start):
            # a clock range and a span of time are one span (1 айдан 6 айға дейін, 3 жастан 6
            # жасқа дейінгі); other facts with a unit on both ends are two (30 пайыздан 50
            # пайызға дейін), as KazNERD marks them
            ablative = first.case or self._case_of_word(words[first.end - 1])
            return ablative == "ablative" and second.qualifier == "le" and not first.value_max
        return (first.type == "CARDINAL" and first.case == "ablative" and not first.subject
                and first.end == second.start and second.qualifier == "le"
                and not first.value_max and not second.value_max
                and first.low is not None and second.low is not None and first.low != second.low)

    def _with_shared_scale(self, words: list[Word], first: Draft, second: Draft) -> Draft:
        """5-тен 10 мың теңгеге дейін: a bare start below the end's leading digits shares the
        end's scale word (5000 to 10000), as in 10 – 15 мың."""
        if (first.low is None or second.low is None or not 0 < first.low < 1000
                or not any(self.numbers.is_scale_word(w) for w in words[second.start:second.end])):
            return first
        leading = leading_digits(second.low)
        if leading == second.low or first.low >= leading:
            return first
        shared = first.low * second.low / leading
        return replace(first, low=shared, value=format_number(shared))

    def _range(self, words: list[Word], first: Draft, second: Draft) -> Draft:
        """One span from X to Y; the value is the lower end whichever way it runs
        (сағатына 80-нен 60 шақырымға дейін = 60..80 km/h), except for a clock range."""
        first = self._with_shared_scale(words, first, second)
        # a clock range runs as written (таңғы 9-дан кешкі 6-ға: 09:00 to 18:00, and 22:00 to
        # 06:00 overnight); a quantity's range from its lower end
        low, high = ((first, second) if first.type == "TIME"
                     else sorted((first, second), key=lambda d: d.low))
        merged = replace(second, start=first.start, value=low.value, value_max=high.value,
                         qualifier="", low=low.low)
        if merged.type == "QUANTITY":
            self._add_rate(words, merged)
        return merged


def _approximated(draft: Draft, measure: PhraseMatch) -> Draft:
    """500 теңгедей, бір айдай: the approximation suffix on the measure word says "about"."""
    if measure.suffixes.get("approximation"):
        draft.qualifier = "approx"
    return draft


def _below_zero(draft: Draft) -> None:
    """минус 5, 5 градус аяз: the value below zero; a range both ends (3-5 градус аяз is -5
    to -3, the minimum first)."""
    if draft.low is None:
        return
    if draft.value_max:
        draft.value, draft.value_max = (format_number(-abs(Fraction(draft.value_max))),
                                        format_number(-abs(draft.low)))
    else:
        draft.value = format_number(-abs(draft.low))


def _divide(draft: Draft, number: Number, per: int) -> None:
    """The value in the larger unit a part stands for: 5 мс = 0.005 second, 5 тиын = 0.05."""
    draft.low = number.value / per
    draft.value = format_number(draft.low)
    if number.value_max is not None:
        draft.value_max = format_number(number.value_max / per)


def _real_value(draft: Draft) -> bool:
    """A date the calendar has and a time the clock has (31 сәуір, 31.02.2019, 24:56 and the
    256th century are none): other rules build them from parts they check one by one."""
    check = {"DATE": is_real_date, "TIME": is_clock_time}.get(draft.type)
    return check is None or all(check(value) for value in (draft.value, draft.value_max)
                                if value)


def _is_day_value(value: Fraction) -> bool:
    return value.denominator == 1 and 1 <= value <= 31


def _joined_date(first: str, second: str) -> str:
    """The value of a date in the genitive and the date after it: the month's day
    (наурыздың 21-інде: --03 and ---21 give --03-21), else the later one's value."""
    if len(first) == 4 and first.startswith("--") and len(second) == 5 and second.startswith("---"):
        return first + second[2:]
    return second or first
