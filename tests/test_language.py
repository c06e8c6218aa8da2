"""The Kazakh spaCy language: registration, tokenizer cases of Kazakh number writing,
like_num, sentence boundaries."""

import subprocess
import sys

import pytest
import spacy
from spacy.attrs import ORTH, SPACY

from extract.lang.kk.sentences import kk_sentencizer, sentence_starts


@pytest.fixture(scope="module")
def nlp():
    return spacy.blank("kk")


def tokens(nlp, text: str) -> list[str]:
    return [t.text for t in nlp(text) if not t.is_space]


@pytest.mark.parametrize(("text", "expected"), [
    ("29-орынға", ["29", "-", "орынға"]),
    ("100-ден", ["100", "-", "ден"]),
    ("30%-ға", ["30", "%", "-", "ға"]),
    ("15-25%-ке", ["15", "-", "25", "%", "-", "ке"]),
    ("100ден", ["100", "ден"]),
    ("3мыңнан", ["3", "мыңнан"]),
    ("32,8 млрд", ["32,8", "млрд"]),
    ("5000,6000 адам", ["5000", ",", "6000", "адам"]),
    ("1234,567", ["1234,567"]),
    ("2017-2019", ["2017", "-", "2019"]),
    ("15–25", ["15", "–", "25"]),
    ("4/66", ["4/66"]),
    ("18:00-де", ["18:00", "-", "де"]),
    ("2019 ж. қаңтар", ["2019", "ж.", "қаңтар"]),
    ("70 млн. теңге", ["70", "млн.", "теңге"]),
    ("5 млн.теңге", ["5", "млн.", "теңге"]),  # not a domain name: the stop ends млн.
    ("1,5 mld.teńge", ["1,5", "mld.", "teńge"]),
    ("жж.қаңтар", ["жж.", "қаңтар"]),
    ("kazinform.kz сайты", ["kazinform.kz", "сайты"]),
    ("15 м/с-қа", ["15", "м/с-қа"]),
    ("500 кВт·сағ-тан", ["500", "кВт·сағ-тан"]),
    ("1 200 ₸/кг", ["1", "200", "₸", "/кг"]),
    ("500₸.", ["500", "₸", "."]),  # the stop after a sign ends the sentence
    ("10 R$.", ["10", "R$", "."]),
    ("R$ 10", ["R$", "10"]),
    # the R of R$ is no prefix of its own: Respýblıkasy, Reıtıng are one word
    ("Respýblıkasy Reıtıng", ["Respýblıkasy", "Reıtıng"]),
    ("жоқ.", ["жоқ", "."]),
    ("ауыл,қала", ["ауыл", ",", "қала"]),
    ("COVID-19", ["COVID-19"]),
    ("Премьер-Министр", ["Премьер-Министр"]),
    ("«Хабар 24».", ["«", "Хабар", "24", "»", "."]),
    ("(бес).", ["(", "бес", ")", "."]),
])
def test_tokenizer_splits_numbers_from_what_is_glued_to_them(nlp, text, expected):
    assert tokens(nlp, text) == expected


def test_html_tags_left_in_scraped_text_are_punctuation_tokens(nlp):
    doc = nlp("<p>Бюджет 5 трлн теңге</p><br/>Ал 5<6.")
    assert [t.text for t in doc] == ["<p>", "Бюджет", "5", "трлн", "теңге", "</p>", "<br/>",
                                     "Ал", "5<6", "."]
    assert [t.text for t in doc if t.is_punct] == ["<p>", "</p>", "<br/>", "."]


def test_thousands_with_spaces_stay_separate_tokens_but_one_number(nlp):
    from extract import find_facts

    for gap in (" ", "\u00a0", "\u202f"):
        text = f"Жалақы 150{gap}000 теңге болды."
        assert "150" in tokens(nlp, text)
        [fact] = find_facts(text)
        assert (fact.span, fact.value) == (f"150{gap}000 теңге", "150000")


@pytest.mark.parametrize("word", ["екі", "жиырма", "мыңнан", "бірінші", "жүздеген", "бесеу",
                                  "млрд", "150", "32,8", "4/66"])
def test_like_num_knows_kazakh_number_words(nlp, word):
    assert nlp(word)[0].like_num


@pytest.mark.parametrize("word", ["оның", "үшін", "бірақ", "адам", "орынбасар", "алтын"])
def test_like_num_rejects_lookalikes(nlp, word):
    assert not nlp(word)[0].like_num


def test_sentences_do_not_break_on_abbreviations(nlp):
    doc = kk_sentencizer(nlp("2019 ж. Қазақстан 70 млн. теңге бөлді. Ал 2020 ж. 80 млн. бөлінді."))
    assert [s.text for s in doc.sents] == ["2019 ж. Қазақстан 70 млн. теңге бөлді.",
                                          "Ал 2020 ж. 80 млн. бөлінді."]


def test_sentences_break_at_terminal_punctuation_and_line_breaks(nlp):
    doc = kk_sentencizer(nlp("Бірінші сөйлем. Екінші сөйлем!\nҮшінші жол\n\nТөртінші"))
    assert [s.text.strip() for s in doc.sents] == [
        "Бірінші сөйлем.", "Екінші сөйлем!", "Үшінші жол", "Төртінші"]


@pytest.mark.parametrize("text, sentences", [
    ("Түнде -5...-10°C күтіледі.", ["Түнде -5...-10°C күтіледі."]),
    ("Түнде 5…10 градус.", ["Түнде 5…10 градус."]),
    ("Түнде 5... 10 градус.", ["Түнде 5...", "10 градус."]),  # a space: the sentence ends
    ("Саны 5...Келесі жыл.", ["Саны 5...", "Келесі жыл."]),  # a word, not a number, after
])
def test_dots_glued_between_two_numbers_mark_a_range(nlp, text, sentences):
    assert [s.text.strip() for s in kk_sentencizer(nlp(text)).sents] == sentences


def test_sentence_starts_are_the_sentencizers(nlp):
    """find_facts reads boundaries with sentence_starts without setting them on the doc."""
    text = ("Бірінші сөйлем. «Екінші» сөйлем!»\n\nҮшінші 5 ж. жол... (Төрт.) — Бес?! 6-сы"
            " -5...-10 бар...7 жыл")
    doc = kk_sentencizer(nlp(text))
    orths, spaced = doc.to_array([ORTH, SPACY]).T.tolist()
    starts = sentence_starts(orths, spaced, doc.vocab.strings)
    assert starts == [token.is_sent_start for token in doc]
    assert sum(starts) == len(list(doc.sents)) > 3


def test_spacy_blank_kk_works_in_a_fresh_process():
    code = "import spacy; nlp = spacy.blank('kk'); print(type(nlp).__name__, len(nlp('5 теңге')))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["Kazakh", "2"]
