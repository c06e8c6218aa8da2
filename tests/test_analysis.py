"""Each word form is analysed once, against every stem category in one pass: the readings
must be those of reading the word against each category alone, longest stem first."""

from __future__ import annotations

import regex

from extract.kazakh.analysis import WordAnalyzer
from extract.kazakh.lexicon import load_lexicon
from extract.kazakh.morphology import ANY, Reading, dictionary_form, parse_suffixes, stem_class
from tests.snapshot import snapshot

WORD = regex.compile(r"[\p{L}\p{M}\d][\p{L}\p{M}\d\-·/]*")


def read_alone(word: str, stems, numeral: bool) -> Reading | None:
    """The reading against one category by itself: its stems' lengths, longest first."""
    for end in sorted({len(s) for s in stems if s}, reverse=True):
        if end > len(word):
            continue
        stem = dictionary_form(word[:end], word[end:])
        if stem not in stems:
            continue
        before = stem_class(stem) if word[end:end + 1] != "-" else ANY
        suffixes = parse_suffixes(word[end:], before, "", numeral, lenient=True)
        if suffixes is not None:
            return Reading(stem, suffixes)
    return None


def categories() -> list[tuple[frozenset[str], bool]]:
    lex = load_lexicon()
    last_words = lambda phrases: frozenset(p[-1] for p in phrases)  # noqa: E731
    return [(last_words(lex.currencies), True), (last_words(lex.measures), True),
            (last_words(lex.durations), True), (last_words(lex.months), False),
            (last_words(lex.rank_nouns), False), (frozenset(lex.age_nouns), False),
            (frozenset(lex.whole_stems), False), (frozenset(lex.part_nouns), False),
            (frozenset(lex.number_words), True)]


def corpus_words() -> list[str]:
    return sorted({w.lower() for s in snapshot._corpus_sentences() for w in WORD.findall(s)})


def test_one_pass_reads_each_category_as_alone():
    analyzer = WordAnalyzer()
    cats = [(analyzer.category(stems, numeral), stems, numeral) for stems, numeral in categories()]
    words = corpus_words()
    assert len(words) > 2000
    read = 0
    for word in words:
        analysis = analyzer.analyse(word)
        for cid, stems, numeral in cats:
            expected = read_alone(word, stems, numeral)
            assert analysis.reading(cid) == expected, (word, sorted(stems)[:5], numeral)
            read += expected is not None
    assert read > 300  # the categories do read the corpus's words


def test_a_word_is_analysed_once_and_a_late_category_is_read_too():
    analyzer = WordAnalyzer()
    units = analyzer.category(frozenset({"метр", "тонна"}), numeral=True)
    first = analyzer.analyse("тоннадан")
    assert analyzer.analyse("тоннадан") is first  # kept: one record per word form
    assert first.reading(units).stem == "тонна"
    months = frozenset({"мамыр"})
    assert analyzer.read("мамырда", months).stem == "мамыр"  # a category after the word
    assert analyzer.read("тоннадан", months) is None
    assert analyzer.analyse("тоннадан") is first  # not analysed again for it
    tons = frozenset({"тонна"})
    assert analyzer.read("тоннадан", tons).stem == "тонна"  # read for that category alone


def test_the_same_stems_are_one_category():
    analyzer = WordAnalyzer()
    stems = frozenset({"жыл"})
    assert analyzer.category(stems) == analyzer.category(stems)
    assert analyzer.category(stems, numeral=True) != analyzer.category(stems)
    assert analyzer.read("жылғы", stems).stem == "жыл"
    assert analyzer.read("жылқы", stems) is None


def test_a_number_word_is_read_alike_with_the_stem_check_first():
    """NumberWords turns away a word form that starts with no number stem before analysing
    it: every word form of the corpus (and those forms inside numbers) reads the same as
    without that check."""
    from extract.kazakh.numerals import NumberWords

    checked, unchecked = NumberWords(), NumberWords()
    unchecked._start = regex.compile("")  # matches every word
    forms = {w for s in snapshot._corpus_sentences() for w in regex.findall(
        r"[\p{L}\p{M}\d.\-]+", s.lower())}
    readings = 0
    for form in forms:
        for inside in (False, True):
            found = checked.read(form, inside)
            assert found == unchecked.read(form, inside), form
            readings += found is not None
    assert readings > 150
