"""The subject of a count: the noun it counts, as a stem (4 бағытты -> бағыт, мыңнан астам
адам -> адам, 3 жаңа жұмыс орны -> орын, 30 сайлау округі -> округ).

Corpus: tests/corpus/cardinal.tsv and tests/corpus/qualifiers.tsv.
"""

from __future__ import annotations

from ..kazakh.morphology import (
    ANY,
    dictionary_form,
    final_class,
    harmony,
    noun_endings,
    noun_stem,
    parse_suffixes,
    read_word,
)
from ..numbers.reader import Number
from ..rules.context import Context
from ..rules.draft import Draft
from ..text.words import Word

CLAUSE_ENDS = frozenset(".!?;")  # after a possessed noun a comma is common (9 азаматы, 29 әйел)
CLAUSE_BREAKS = CLAUSE_ENDS | frozenset(",)–—-:")  # ... but not between a compound's nouns


def add_subject(ctx: Context, words: list[Word], draft: Draft, number: Number) -> None:
    """The counted noun of a count without one. A number with its own case ending is a noun
    phrase (бес жүзді таңдады "chose five hundred"); it reaches a noun through a
    postposition (мыңнан астам адам) or as the distributive ablative (10-15-тен кітап
    "10-15 books each"). A multiplier (бес есе артар еді) counts nothing."""
    if (draft.type != "CARDINAL" or draft.subject or number.stands_alone
            or _multiplier(ctx, words[draft.start:draft.end])):
        return
    governs = (not number.case or draft.end > number.end
               or ctx.lex.case_of.get(number.case) == "ablative")
    if governs and not _headless(ctx, words, number, draft):
        draft.subject = counted_noun(ctx, words, draft.end)
    if not draft.subject:
        draft.possessor = possessor_of_count(ctx, words, draft.start)


def add_possessors(drafts: list[Draft]) -> None:
    """A count with no subject once the facts are merged counts the possessor of саны."""
    for draft in drafts:
        if draft.type == "CARDINAL" and not draft.subject:
            draft.subject = draft.possessor


def possessor_of_count(ctx: Context, words: list[Word], start: int) -> str:
    """шағымдар саны 22 561-ді, рейстердің жалпы саны аптасына 81-ден: the noun whose
    "number" (саны) the count at ``start`` is, as a stem; or ''."""
    data = ctx.lex.subject_words
    for k in range(start - 1, max(start - 2 - ctx.grammar.count_noun_reach, -1), -1):
        word = words[k]
        if word.is_punct:
            if word.text in data["count_noun_links"]:
                continue
            return ""
        reading = read_word(word.lower, data["count_nouns"])
        if reading and reading.suffixes.get("possessive"):
            return _possessor(ctx, words, k - 1)
        if _verb(ctx, words, k):
            return ""
    return ""


def _possessor(ctx: Context, words: list[Word], k: int) -> str:
    """The genitive or bare noun at ``k``, past the adjectives of саны (жалпы саны)."""
    while k >= 0 and words[k].lower in ctx.lex.subject_words["count_noun_adjectives"]:
        k -= 1
    if k < 0 or not _may_own(ctx, words, k):
        return ""
    stem = noun_stem(words[k].lower)  # халқ|ының -> халық
    return ctx.lex.unelided.get(stem, stem)


def _may_own(ctx: Context, words: list[Word], k: int) -> bool:
    """``words[k]`` may be the possessor of саны: a word that may be counted (the sentence's
    first also with a capital), a verb only as a noun (сотталғандар саны: a participle in
    the plural or a case), and not the verb of a noun + verb compound, whose participle
    alone names nothing (мерт болғандар, қаза тапқандар, көз жұмғандардың саны)."""
    if not _may_count(ctx, words, k, capital=k == 0):
        return False
    if not _verb(ctx, words, k):
        return True
    return _inflected(words[k].lower) and not _after_bare_word(words, k)


def _after_bare_word(words: list[Word], k: int) -> bool:
    """The word before ``k`` is a word without endings (мерт, қаза, көз)."""
    before = words[k - 1] if k > 0 else None
    return before is not None and before.text.isalpha() and not noun_endings(before.lower)


def _headless(ctx: Context, words: list[Word], number: Number, draft: Draft) -> bool:
    """A possessed modifier ends the span (мыңнан астамы, жүзге жуығы): "N of them"."""
    return any((after := ctx.after.match(words, k)) and after.end == draft.end
               and after.value.headless for k in range(number.end, draft.end))


def counted_noun(ctx: Context, words: list[Word], k: int) -> str:
    """The counted noun at ``k``, past adjectives and the modifiers of a compound, as a
    stem; or '' (a verb is never one)."""
    if named := _after_quoted_name(ctx, words, k):
        return named  # екі «Аватар» фильмі -> фильм
    k = _past_adjectives(ctx, words, k)
    head = _compound_head(ctx, words, k)
    if head != k:
        lower = words[head].lower
        return _possessed_stem(ctx, lower) or _agent_stem(ctx, lower, noun_stem(lower))
    if not _may_count(ctx, words, k):
        return ""
    lower = words[k].lower  # a bare participle may stand for a noun (220 сотталған)
    if _verb(ctx, words, k) and not lower.endswith(ctx.lex.subject_words["participle_endings"]):
        return ""
    return _counted_stem(ctx, lower)


def _counted_stem(ctx: Context, lower: str) -> str:
    """The stem of a counted noun. Where ``noun_stem`` keeps a word whole, a final
    possessive (+ accusative) is the counted noun's own after a number (екі қызы, 9 азаматы,
    бір бөлігін -> бөлік), unless the noun ends so itself (отбасы, желі, алтын: whole_stems)."""
    stem = _agent_stem(ctx, lower, noun_stem(lower))
    if stem != lower:  # a case stripped; a person's ending may stand before it (тәрбиеленушім|ді)
        whole = read_word(stem, ctx.lex.whole_stems)
        return stem if whole else _person_stem(ctx, stem) or stem
    if read_word(lower, ctx.lex.whole_stems):
        return stem
    return (_part_noun(ctx, lower) or _possessed_stem(ctx, lower) or _person_stem(ctx, lower)
            or stem)


def _after_quoted_name(ctx: Context, words: list[Word], k: int) -> str:
    """The stem of the possessed noun right after a short quoted name at ``k`` (төрт «Үлкен
    дулыға» турнирінде, 150 «Ислам мемлекеті» мүшесінен: the name is the compound's first
    noun), or ''."""
    closing = ctx.grammar.quotes.get(words[k].text) if k < len(words) else None
    if closing is None:
        return ""
    for j in range(k + 2, min(k + 2 + ctx.grammar.title_words, len(words) - 1)):
        if words[j].text == closing:
            lower = words[j + 1].lower
            if possessed := _possessed_stem(ctx, lower):
                return possessed
            return noun_stem(lower) if noun_endings(lower).get("possessive") else ""
    return ""


def _agent_stem(ctx: Context, lower: str, stem: str) -> str:
    """An agent noun before its endings (152 төреші|нің, not төреш|і|нің): after a number
    the agent, a person counted, is likelier than a possessed noun in ш."""
    agent = lower[:len(stem) + 1]
    if stem != lower and agent.endswith(ctx.lex.agent_endings) and parse_suffixes(
            lower[len(agent):], final_class(agent), harmony(agent), False):
        return agent
    return stem


def _person_stem(ctx: Context, lower: str) -> str:
    """The noun before a first- or second-person possessive (балуан|ымыз, тәрбиеленуші|м),
    '' if the word has none."""
    data, shortest = ctx.lex.subject_words, ctx.grammar.person_stem_min
    for ending in data["agent_person_endings"]:
        stem = lower[:-len(ending)]
        if (lower.endswith(ending) and stem.endswith(ctx.lex.agent_endings)
                and len(stem) > shortest):
            return stem
    vowels = ctx.lex.back_vowels + ctx.lex.front_vowels
    for ending in data["person_endings"]:
        stem = lower[:-len(ending)]
        least = ctx.grammar.person_stem_min_before_vowel if ending[0] in vowels else shortest
        if lower.endswith(ending) and len(stem) >= least and harmony(stem, ctx.lex):
            return noun_stem(stem)  # a case before a predicate's person: 1 жас|та|мыз
    for ending in data["lone_person_endings"]:
        if lower.endswith(ending) and lower[:-len(ending)] in data["kin_nouns"]:
            return lower[:-len(ending)]  # екі қыз|ым, бір ұл|ым, үш бала|м
    return ""


def _part_noun(ctx: Context, lower: str) -> str:
    """The part noun inside a -лы adjective a number counts (екі қабатты -> қабат, төрт
    бөлмелі -> бөлме)."""
    data = ctx.lex.subject_words
    ending = _derived(lower, data["having_endings"], ctx.grammar.adjective_stem_min)
    inner = noun_stem(lower[:-len(ending)]) if ending else ""
    return inner if inner in data["part_nouns"] else ""


def _past_adjectives(ctx: Context, words: list[Word], k: int) -> int:
    """The word after up to three adjectives at ``k`` (жаңа жұмыс орны, жергілікті бұқаралық
    іс-шара), coordinated ones too (парасатты, пайымды адам; шағын және орта кәсіпорын)."""
    for _ in range(3):
        if not _adjective(ctx, words, k):
            break
        after = k + 1
        if _joins(ctx, words, after):
            if not _coordinated_adjective(ctx, words, after + 1):
                break
            after += 2  # the second adjective needs no noun of its own to be one
        if not _may_count(ctx, words, after) or _verb(ctx, words, after):
            break
        k = after
    return k


def _joins(ctx: Context, words: list[Word], k: int) -> bool:
    """A comma or "and" between two adjectives."""
    return k < len(words) and (words[k].text == "," or words[k].lower in ctx.lex.coordinators)


def _coordinated_adjective(ctx: Context, words: list[Word], k: int) -> bool:
    return _adjective(ctx, words, k) or _may_count(ctx, words, k) and bool(_derived(
        words[k].lower, ctx.lex.subject_words["having_endings"], ctx.grammar.adjective_stem_min))


def _compound_head(ctx: Context, words: list[Word], k: int) -> int:
    """The head of a compound ``N1 N2-POSS``: the possessed noun (сайлау округі, әуе рейсі,
    Азия ойындары, мәдениет ұйымына) or an agent noun (тапсырыс беруші); else ``k``. N1 is
    a noun without endings, a proper one too; a relational N2 (екі ел арасы) leaves the
    count on N1."""
    head = k + 1
    stem = _possessed_stem(ctx, words[head].lower) if head < len(words) else ""
    if (_bare_noun(ctx, words, k) and _may_count(ctx, words, head)
            and not _verb(ctx, words, head, CLAUSE_BREAKS)
            and words[head].lower not in ctx.lex.adjectives
            and (len(stem) >= 3 or words[head].lower.endswith(ctx.lex.agent_endings))
            and _counted_stem(ctx, words[head].lower)
            not in ctx.lex.subject_words["relational_heads"]):
        return head
    return k


def _bare_noun(ctx: Context, words: list[Word], k: int) -> bool:
    if k >= len(words):
        return False
    word = words[k]
    proper = word.text[:1].isupper() and word.text.isalpha()
    return ((proper or _may_count(ctx, words, k)) and noun_stem(word.lower) == word.lower
            and not _verb(ctx, words, k))


def _possessed_stem(ctx: Context, lower: str) -> str:
    """The stem of a word read as noun + 3rd-person possessive (+ endings), '' if it cannot
    be: нысан|ы (not ныса|ны, the accusative elsewhere), округ|і, көліг|і -> көлік,
    орн|ын -> орын, ойындар|ында -> ойын; a vowel-final stem before -сы (желі|сі)."""
    whole = read_word(lower, ctx.lex.whole_stems)
    if lower.endswith(ctx.lex.agent_endings) or whole:
        # беруші, оқушы: the final ы/і is the agent suffix's; отбасы, желі are whole
        return whole.stem if whole and whole.suffixes.get("possessive") else ""
    data = ctx.lex.subject_words
    best, best_key = "", (0, False, False, 0)
    for end in range(len(lower) - 1, 1, -1):
        stem, rest = lower[:end], lower[end:]
        # harmony unchecked: loanwords take front endings (округі, рейсі)
        suffixes = parse_suffixes(rest, final_class(stem), "", False)
        form = suffixes.get("possessive") if suffixes else ""
        slots = [slot for slot, _ in suffixes.parts] if suffixes else []
        if "relative" in slots:
            return ""  # ұя|сы|нда|ғы "in the nest of": an adjective, not a noun
        after_vowel = form in data["third_person_after_vowel"]
        if (form in data["third_person"] and "possessive" in slots[:2] and slots[0] != "case"
                and not {"derivation", "relative"} & set(slots)
                and len(stem) >= (3 if after_vowel else 2)
                and _possessive_likely(ctx, stem, rest, slots)):
            # отандас|ы|н, not отанда|сы|н: the companion suffix -дас ends a noun
            companion = stem.endswith(ctx.lex.subject_words["companion_endings"]) and end >= 6
            key = (len(slots), companion, after_vowel, end)
            if key > best_key:
                best = ctx.lex.unelided.get(stem) or _dictionary_form(ctx, stem, rest)
                best_key = key
    return best


def _possessive_likely(ctx: Context, stem: str, rest: str, slots: list[str]) -> bool:
    """Whether stem + possessive is the likelier reading of the word. Not when the stem's
    last letter starts an accusative, a verb's or an adjective's ending instead (адам|ды,
    бала|ны, тұра|ды, бүгін|гі, жыл|қы: no Kazakh noun ends in д), nor -ы-н where the
    stem looks like a noun in -ын (тұрғын, бүгін): a possessed one-syllable stem is not
    voiced (қыз|ын), a longer one is (бөліг|ін) or ends in the companion -дас (отандас|ы|н)."""
    data = ctx.lex.subject_words
    if (stem.endswith(data["no_final"]) or stem[:-1].endswith(ctx.lex.agent_endings)
            or (stem + rest[:1]).endswith(ctx.lex.agent_endings) or _having_stem(ctx, stem, rest)):
        return False  # тұра|ды; бұзушы|ны, аудармашы|ның: the agent's own ы
    vowels = ctx.lex.back_vowels + ctx.lex.front_vowels
    # only a suffix voices a final к, қ, п after a vowel (көліг|і, ошағ|ы): then it is real
    voiced = stem[-1] in ctx.lex.voicing and stem[-2] in vowels
    other = parse_suffixes(stem[-1] + rest, final_class(stem[:-1]), harmony(stem[:-1]), False)
    if other and not voiced and (
            other.parts[0][0] in ("derivation", "relative") or other.parts[0][0] == "case"
            and ctx.lex.case_of.get(other.parts[0][1]) == "accusative"):
        return False
    if slots != ["possessive", "case"] or not rest.endswith(data["accusative_after_possessive"]):
        return True
    syllables = sum(ch in vowels for ch in stem)
    return (syllables == 1) != voiced or stem.endswith(data["companion_endings"])


def _having_stem(ctx: Context, stem: str, rest: str) -> bool:
    """A lone -ы/-і after л on a stem ending in a consonant or a low vowel + л is the -лы
    of an adjective (деңгей|лі, тауар|лы, бала|лы, күрде|лі), not a possessive (өкіл|і,
    ауыл|ы)."""
    data, vowels = ctx.lex.subject_words, ctx.lex.back_vowels + ctx.lex.front_vowels
    return (rest in data["third_person"] and stem.endswith(data["having_consonants"])
            and len(stem) > 2 and (stem[-2] not in vowels or stem[-2] in data["low_vowels"]))


def _dictionary_form(ctx: Context, stem: str, rest: str) -> str:
    """A voiced г is undone only on a front stem (бөліг|і -> бөлік): a back one voices
    қ to ғ, so its г is a loanword's own (округ|і)."""
    kept = stem.endswith(ctx.lex.subject_words["kept_voiced"]) and harmony(stem) == "back"
    return stem if kept else dictionary_form(stem, rest)


def _adjective(ctx: Context, words: list[Word], k: int) -> bool:
    if not _may_count(ctx, words, k):
        return False
    lower = words[k].lower
    lex, shortest = ctx.lex, ctx.grammar.adjective_stem_min  # ұлт|тық, not ба|лық "fish"
    if lower.endswith(lex.noun_endings):  # 9 млн қазақстандық, but 15 қазақстандық жауынгер
        return _before_bare(ctx, words, k + 1)
    return (lower in lex.adjectives or _before_bare_noun(ctx, words, k)
            or _derived(lower, lex.adjective_endings, shortest) or _having(ctx, words, k))


def _before_bare(ctx: Context, words: list[Word], k: int) -> bool:
    """``words[k]`` is a noun without endings that may be counted (not a verb), and not the
    noun of a noun + verb compound (8 қазақстандық жарақат алған "were injured")."""
    if not (_may_count(ctx, words, k) and _bare_noun(ctx, words, k)):
        return False
    lower = words[k].lower
    # a loanword noun_endings cannot read still shows a long case ending (коронавирус|тан)
    long_case = any(lower.endswith(form) for form in ctx.lex.case_of if len(form) > 2)
    return not long_case and not _possessed_stem(ctx, lower) and not _verb_like(ctx, words, k + 1)


def _verb_like(ctx: Context, words: list[Word], k: int) -> bool:
    """``words[k]`` is a verb, or ends like a finite one even inside its clause (істейді
    екен): the noun before it may be that verb's own."""
    return k < len(words) and (_verb(ctx, words, k)
                               or words[k].lower.endswith(ctx.lex.verb_endings))


def _before_bare_noun(ctx: Context, words: list[Word], k: int) -> bool:
    """жас "young" before a noun without a possessive, in its bare form or the accusative
    or dative a count takes (45 жас ғалым, 50 жас маманға, екі жас сержантты); not the noun
    "age" of a compound (18 жас шектеуі), nor "young people" before a verb (жас болса,) or
    an adverbial (15 жас алғаш рет, 13000 жас шетелде)."""
    after = k + 1
    if (words[k].lower not in ctx.lex.bare_noun_adjectives or not _may_count(ctx, words, after)
            or _verb(ctx, words, after, CLAUSE_BREAKS)):
        return False
    lower = words[after].lower
    endings = noun_endings(lower)
    if not endings:  # a lone possessive is no ending to noun_stem (шектеу|і)
        return not _possessed_stem(ctx, lower)
    case = endings.get("case")
    return not endings.get("possessive") and (
        not case or ctx.lex.case_of.get(case, "") in ctx.grammar.young_head_cases)


def _having(ctx: Context, words: list[Word], k: int) -> bool:
    """An adjective in -лы "having", -сыз "without" or -и, unless a number counts its noun
    (екі қабатты үй). -лы is also a possessive (өкіл|і): an adjective then only before an
    inflected noun or another adjective (атаулы әдеби туынды); -ды/-ты is also the
    accusative (8 млн адамды жинап, 2 азаматты қолға түсірді): only before another
    adjective (парасатты, пайымды адам)."""
    lower, data = words[k].lower, ctx.lex.subject_words
    ending = _derived(lower, data["having_endings"], ctx.grammar.adjective_stem_min)
    if not ending or noun_stem(lower[:-len(ending)]) in data["part_nouns"]:
        return False
    if ending not in data["ambiguous_having_endings"]:
        return True
    accusative = ctx.lex.case_of.get(ending) == "accusative"  # азаматты қолға түсірді
    after = k + 2 if _joins(ctx, words, k + 1) else k + 1
    if not _may_count(ctx, words, after):
        return False
    following, shortest = words[after].lower, ctx.grammar.adjective_stem_min
    # after a comma or "and" any -лы word is the next adjective (парасатты, пайымды адам)
    unambiguous = data["having_endings"] if after > k + 1 else tuple(
        e for e in data["having_endings"] if e not in data["ambiguous_having_endings"])
    return (not accusative and _inflected(following) or following in ctx.lex.adjectives
            or bool(_derived(following, ctx.lex.adjective_endings + unambiguous, shortest)))


def _inflected(lower: str) -> bool:
    """The word carries a noun's case, possessive or plural (тұлғаға, адамның)."""
    stem = noun_stem(lower)
    suffixes = parse_suffixes(lower[len(stem):], ANY, "", False) if stem != lower else None
    return bool(suffixes) and any(slot in ("case", "possessive", "plural")
                                  for slot, _ in suffixes.parts)


def _derived(lower: str, endings: tuple[str, ...], shortest: int) -> str:
    """The ending of ``endings`` the word ends in, on a stem of ``shortest`` letters or more."""
    return next((e for e in endings if lower.endswith(e) and len(lower) - len(e) >= shortest), "")


def _verb(ctx: Context, words: list[Word], k: int, ends: frozenset[str] = CLAUSE_ENDS) -> bool:
    """A participle, converb or verbal noun anywhere (құрылған, алғанын, қосуға); an ending
    shared with nouns (-ды, -ады) marks a finite verb only at the end of a clause (5
    серіктестік құрылды.)."""
    lower, endings = words[k].lower, ctx.lex.subject_words
    if lower.endswith(endings["verbal_noun_endings"]) or any(
            _ends_after(lower, ending) for ending in endings["participle_endings"]):
        return True
    if lower.endswith(endings["converb_endings"]) and lower not in endings["not_converbs"]:
        return True  # 100 жасап
    return lower.endswith(ctx.lex.verb_endings) and _clause_end(ctx, words, k + 1, ends)


def _ends_after(lower: str, ending: str) -> bool:
    """``ending`` closes the word or only suffixes follow it (алған, алғанын, артқаны)."""
    at = lower.find(ending, 2)
    while at != -1:
        if parse_suffixes(lower[at + len(ending):], ANY, "", False) is not None:
            return True
        at = lower.find(ending, at + 1)
    return False


def _clause_end(ctx: Context, words: list[Word], k: int, ends: frozenset[str]) -> bool:
    return k >= len(words) or words[k].text in ends or words[k].lower in ctx.lex.coordinators


def _multiplier(ctx: Context, span: list[Word]) -> bool:
    return any(noun_stem(w.lower) in ctx.lex.subject_words["multipliers"] for w in span)


def _may_count(ctx: Context, words: list[Word], k: int, capital: bool = False) -> bool:
    """``words[k]`` may be a counted noun (or an adjective before one); ``capital``: also
    when it starts with a capital letter."""
    if k >= len(words):
        return False
    word = words[k]
    return not (word.is_punct or not word.text[:1].isalpha()
                or not (capital or word.text[:1].islower())
                or word.lower in ctx.lex.not_subjects or word.lower in ctx.lex.change_verbs
                or ctx.numbers.starts_number(word)
                or ctx.after.match(words, k))
