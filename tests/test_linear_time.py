"""What the linear-time fixes keep: spaCy's tokens and offsets on text with long runs, the words
of glued runs and thousands, and the facts (benchmarks/pathological.py measures the time)."""

from __future__ import annotations

from fractions import Fraction

import pytest
import spacy
from spacy.tokenizer import Tokenizer

from extract import find_facts
from extract.lang.kk.tokenizer import RUN_PIECE, SPAN_PIECE, KazakhTokenizer, cuts
from extract.numbers.reader import STACKED_SCALES_MAX, NumberReader
from extract.relations.document import load_pipeline
from extract.rules.date import SERIES_ORDINALS_MAX
from extract.text.words import THOUSANDS_GROUPS_MAX, Tokens, token_words

RUNS = [
    "Бюджет 5 млн теңге " + "=" * 40 + " 30%-ға өсті.",
    "Құны " + "(" * 30 + "15 мың теңге" + ")" * 30 + " болды.",
    "Жыл сайын 2019 ж. " + "#" * 25 + "\n" + "*" * 17 + " 12 адам келді!",
    "Теңге" + "," * 20 + " доллар 3,5 млрд" + "«" * 12 + "»",
    "Нәтиже: " + "_" * 33 + " 7 орын, " + "!" * 19 + " 25 %",
    "Саны %%%%%%%%%%%%%%%%%% 45 пайыз",
    "((((((((((((бес))))))))))))) мың адам",
]
# spaCy keeps a run between two letters in one token (Теңге,,,,доллар); read in pieces, its
# marks become tokens of their own, which the rules read as punctuation between words: the
# same facts. Runs with spaces between the marks are not cut at all.
GLUED = [
    "Теңге" + "," * 20 + "доллар 3,5 млрд",
    "Баға " + "= ( # , * « _ ! " * 6 + "1000 теңге.",
]


@pytest.fixture(scope="module")
def nlp():
    return spacy.blank("kk")


def _plain(nlp) -> Tokenizer:
    """spaCy's own tokenizer with the same rules, reading every run in one go."""
    return Tokenizer(nlp.vocab, rules=nlp.tokenizer.rules,
                     prefix_search=nlp.tokenizer.prefix_search,
                     suffix_search=nlp.tokenizer.suffix_search,
                     infix_finditer=nlp.tokenizer.infix_finditer,
                     url_match=nlp.tokenizer.url_match)


def _tokens(doc) -> list[tuple[str, int, str, str]]:
    return [(t.text, t.idx, t.whitespace_, t.norm_) for t in doc]


def test_kk_pipelines_use_the_kazakh_tokenizer(nlp) -> None:
    assert isinstance(nlp.tokenizer, KazakhTokenizer)
    assert isinstance(load_pipeline().tokenizer, KazakhTokenizer)


@pytest.mark.parametrize("text", RUNS)
def test_runs_of_marks_give_spacys_tokens(nlp, text: str) -> None:
    assert cuts(text), "the text must have a run that is cut"
    doc = nlp.make_doc(text)
    assert doc.text == text
    assert _tokens(doc) == _tokens(_plain(nlp)(text))


@pytest.mark.parametrize("text", RUNS + GLUED)
def test_runs_of_marks_keep_the_facts(nlp, text: str) -> None:
    component = load_pipeline().get_pipe("kazakh_numeric_facts")
    plain = component.facts(_plain(nlp)(text), text)
    facts = find_facts(text)
    assert facts == plain
    assert all(text[f.start:f.end] == f.span for f in facts)


def test_a_glued_run_is_read_as_marks_of_its_own(nlp) -> None:
    """The one difference from spaCy's tokens: a long run glued to a number is cut from it
    (spaCy keeps 7*********% whole, and no number is read in it)."""
    text = "5" + "=" * 20 + "млн теңге, 7" + "*" * 9 + "%"
    assert [t.text for t in nlp.make_doc(text)][-11:] == ["7", *"*" * 9, "%"]
    assert [(f.span, f.type) for f in find_facts(text)] == [("7", "CARDINAL")]


def test_offsets_stay_exact_in_long_runs_and_words(nlp) -> None:
    text = ("Алғы сөз " + "(" * 1003 + " 5 млн теңге " + "a" * (3 * SPAN_PIECE + 7)
            + "-ке 1:" * 300 + "\n\n" + "«»" * 500 + " 12 адам")
    doc = nlp.make_doc(text)
    assert doc.text == text
    assert all(text[t.idx:t.idx + len(t)] == t.text for t in doc)
    assert all(len(t) <= SPAN_PIECE for t in doc)
    assert [t.text for t in doc[2:2 + RUN_PIECE + 1]] == ["("] * (RUN_PIECE + 1)
    facts = find_facts(text)
    assert [(f.span, f.value) for f in facts][:1] == [("5 млн теңге", "5000000")]
    assert all(text[f.start:f.end] == f.span for f in facts)


def test_text_without_long_runs_is_not_cut() -> None:
    assert cuts("Бюджет 5 млн теңге (30%-ға) өсті... «Иә» — деді ол!!! https://kaz.kz/a?b=1") == []


def _words(nlp, text: str) -> list[str]:
    return [w.text for w in _word_objects(nlp, text)]


def test_glued_runs_are_one_word(nlp) -> None:
    text = "1-" * 2000 + "1 сөз-сөз-сөз 30%-ға"
    assert _words(nlp, text) == [text.split()[0], "сөз-сөз-сөз", "30%-ға"]


def test_thousands_join_up_to_the_window(nlp) -> None:
    assert _words(nlp, "1 000 000 000 теңге") == ["1 000 000 000", "теңге"]
    groups = THOUSANDS_GROUPS_MAX + 3
    words = _words(nlp, "1" + " 000" * groups)
    assert words == ["1" + " 000" * THOUSANDS_GROUPS_MAX, "000 000 000"]


def test_stacked_scales_within_the_window_multiply() -> None:
    (fact,) = find_facts("Бес мың миллиард теңге бөлінді.")
    assert (fact.value, fact.unit) == ("5000000000000", "KZT")


def test_a_run_of_scale_words_is_read_in_bounded_numbers() -> None:
    facts = find_facts("мың " * 200)
    assert facts
    assert all(Fraction(f.value) <= Fraction(1000) ** (STACKED_SCALES_MAX + 1) for f in facts)
    assert all(("мың " * 200)[f.start:f.end] == f.span for f in facts)


def test_an_ordinal_series_as_long_as_the_window_is_one_date() -> None:
    ordinals = ["бірінші", "екінші", "үшінші", "төртінші", "бесінші", "алтыншы", "жетінші",
                "сегізінші", "тоғызыншы"][:SERIES_ORDINALS_MAX + 1]
    series = ", ".join(ordinals) + " ғасырларда"
    facts = find_facts(f"Бұл {series} болды.")
    assert [f.type for f in facts] == ["DATE"]
    assert facts[0].span == series


def test_numbers_before_a_capital_letter_are_marked_once_each(nlp) -> None:
    # a capital names something only before a lower-case word (units-data's rule)
    words = _word_objects(nlp, "бес алты D сканер, 8 G желісі")
    NumberReader()._mark_lettered(words)
    assert [(w.text, w.in_name) for w in words] == [
        ("бес", True), ("алты", True), ("D", False), ("сканер", False), (",", False),
        ("8", True), ("G", False), ("желісі", False)]


def _word_objects(nlp, text: str):
    doc = nlp.make_doc(text)
    return token_words(Tokens.of_doc(doc), 0, len(doc), text)
