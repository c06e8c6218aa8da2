"""Closed word lists matched with spaCy's PhraseMatcher over a sentence's words."""

from __future__ import annotations

from extract.text.matchers import ClosedLists, quotation_patterns
from extract.text.words import Word


def words_of(text: str, punct: str = ",.—") -> list[Word]:
    words, at = [], 0
    for part in text.split():
        words.append(Word(part, at, at + len(part), is_punct=part in punct))
        at += len(part) + 1
    return words


LISTS = ClosedLists({"before": {("кем", "дегенде"): "ge", ("шамамен",): "approx",
                                ("кем",): "lt"},
                     "units": {("минут",): "min"}},
                    full_forms={"мин.": "минут"})


def test_the_longest_phrase_starting_at_a_word_wins():
    found = LISTS.sentence(words_of("Кем дегенде 5 адам келді"))
    assert found.starting("before", 0).value == "ge"
    assert (found.starting("before", 0).start, found.starting("before", 0).end) == (0, 2)
    assert found.starting("before", 1) is None


def test_matching_ignores_case_and_keeps_word_indices():
    found = LISTS.sentence(words_of("Бағасы ШАМАМЕН 500 теңге"))
    match = found.starting("before", 1)
    assert (match.value, match.start, match.end) == ("approx", 1, 2)


def test_a_phrase_ending_before_a_word_is_the_longest_as_written():
    found = LISTS.sentence(words_of("кем дегенде 5"))
    assert found.ending("before", 2).value == "ge"
    assert found.ending("before", 1).value == "lt"
    assert found.ending("before", 3) is None


def test_an_abbreviation_stands_for_the_last_word_only_where_a_phrase_starts():
    found = LISTS.sentence(words_of("5 мин. өтті"))
    assert found.starting("units", 1).value == "min"
    assert found.ending("units", 2) is None


def test_no_phrase_starts_or_ends_on_punctuation():
    lists = ClosedLists({"marks": {("—",): "dash"}})
    found = lists.sentence(words_of("а — б"))
    assert found.starting("marks", 1) is None
    assert found.ending("marks", 2).value == "dash"  # as match_ending: written words only


def test_a_self_correction_matches_by_its_restart():
    words = words_of("шамамын 5")
    words[0].repair = "шамамен"
    assert LISTS.sentence(words).starting("before", 0).value == "approx"
    assert LISTS.sentence(words_of("шамамын 5")).starting("before", 0) is None


def test_an_empty_sentence_has_no_matches():
    assert LISTS.sentence([]).starting("before", 0) is None


def test_the_vocabulary_starts_afresh_when_full(monkeypatch):
    import extract.text.matchers as matchers

    monkeypatch.setattr(matchers, "STRINGS_KEPT", 50)
    lists = ClosedLists({"before": {("шамамен",): "approx"}})
    for k in range(40):
        lists.sentence(words_of(" ".join(f"сөз{k}x{j}" for j in range(5))))
    assert len(lists.vocab.strings) <= 60
    assert lists.sentence(words_of("шамамен 5")).starting("before", 0).value == "approx"


QUOTED = ClosedLists({}, structures={"quotation": quotation_patterns({"«": "»", '"': '"'})})


def test_a_quotation_runs_from_its_opening_mark_to_the_first_closing_mark():
    found = QUOTED.sentence(words_of('« Хабар 24 » арнасы « бір » " екі " деді'))
    assert found.structures("quotation") == {0: 4, 5: 8, 8: 11}  # the last " closes none


def test_an_unclosed_quotation_is_no_match():
    assert QUOTED.sentence(words_of("« Хабар 24 арнасы")).structures("quotation") == {}


def test_a_title_before_a_naming_word_is_masked_and_an_unclosed_one_swallows_no_fact():
    from extract import find_facts

    assert find_facts("«Қазақстан 2050» атты бағдарлама 3 кезеңнен тұрады.")[0].span == "3"
    # the second quotation opens inside the first, never closed: the first still closes
    spans = [f.span for f in find_facts("«Қазақстан 2050» атты «жоба 5 жыл бойы жүрді.")]
    assert spans == ["5 жыл бойы"]
