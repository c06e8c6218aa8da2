"""find_facts never hangs and never raises, on any str (issue 13, items 1 and 4): each input
below hung or raised once. Their facts are checked too, so that a fix which only swallows an
error would fail here."""

import sys

import pytest
from hypothesis import HealthCheck, given, settings

from extract import find_facts
from extract.assembly.pipeline import text_pieces
from extract.facts import TYPES, Fact
from extract.relations.document import load_pipeline

from .conftest import REPO
from .property import check, contract_errors, texts

SEED = REPO / "seeds" / "000_283857b479cfea54.txt"


def _facts(text: str) -> list[tuple[str, str, str, str]]:
    facts = find_facts(text)
    for fact in facts:
        assert text[fact.start:fact.end] == fact.span
        assert fact.type in TYPES
    return [(f.span, f.type, f.value, f.value_max) for f in facts]


# ---- item 1: a scale word before жарым-<number> looped in _last_scale(0) -------------------

def test_half_after_a_scale_in_a_hyphenated_range_ends_and_reads_the_range():
    assert _facts("Құны бес мың жарым-алты мың теңге болды.") == [
        ("бес мың жарым-алты мың теңге", "MONEY", "5500", "6000")]


def test_half_after_a_scale_in_a_latin_hyphenated_range():
    assert _facts("Baǵasy myń jarym-eki myń teńge boldy.") == [
        ("myń jarym-eki myń teńge", "MONEY", "1500", "2000")]


def test_half_after_a_scale_before_a_smaller_range_end_is_no_range():
    # 5500-2000 does not rise: no range, and still no hang
    assert ("бес мың жарым-екі", "CARDINAL", "5500", "2000") not in _facts("бес мың жарым-екі")


# ---- item 4: inputs that raised ---------------------------------------------------------

def test_a_run_of_more_digits_than_python_reads_is_no_number():
    assert _facts("1" * 4301) == []
    assert _facts("Бағасы " + "1" * 4301 + " теңге, ал 5 теңге.")[-1] == (
        "5 теңге", "MONEY", "5", "")


def test_number_words_multiplied_past_the_int_string_limit_do_not_raise():
    # a scale word multiplies no scale of its size before it: each мың is a thousand
    assert _facts("мың " * 1500) == [("мың", "CARDINAL", "1000", "")] * 1500


@pytest.mark.parametrize(("link", "times", "fact"), [
    ("1 - ", 495, ("1", "CARDINAL", "1", "")), ("үш пен ", 600, ("үш", "CARDINAL", "3", ""))])
def test_a_long_chain_of_joined_numbers_is_read_without_recursion(link, times, fact):
    # deeper than the recursion limit when each link was a nested call; equal numbers make
    # no range, so each is a count of its own
    assert _facts(link * times) == [fact] * times


def test_spaced_ranges_still_join_inside_a_chain():
    assert _facts("10 – 15 мың теңге") == [("10 – 15 мың теңге", "MONEY", "10000", "15000")]
    assert _facts("үш пен бес адам") == [("үш пен бес", "CARDINAL", "3", "5")]


def test_a_word_of_hyphenated_numbers_is_read_without_recursion():
    assert _facts("бес-" * 600) == []
    deep = "бес-" * (sys.getrecursionlimit() * 2)
    assert _facts(deep + " 7 адам") == [("7", "CARDINAL", "7", "")]


def test_a_run_of_hyphenated_pairs_is_read_without_recursion():
    # each pair's right end starts the next pair: one nested read per word once
    facts = _facts("он бес-" * 1200 + "он")
    assert facts[0] == ("он", "CARDINAL", "10", "")
    assert set(facts[1:]) == {("бес-он", "CARDINAL", "5", "10")} and len(facts) == 1201
    assert _facts("жиырма бес-отыз бес-қырық адам") == [
        ("жиырма", "CARDINAL", "20", ""), ("бес-қырық", "CARDINAL", "5", "40")]
    assert _facts("он бес-жиырма мың адам") == [("он бес-жиырма мың", "CARDINAL", "15000", "20000")]


def test_a_combining_mark_inside_a_latin_word_keeps_the_offsets():
    text = "El 193 memlekettiń\u0308 ishinde"
    assert _facts(text) == [("193", "CARDINAL", "193", "")]


def test_a_digit_newer_than_pythons_unicode_tables_is_no_number():
    assert _facts("үш \U00011bf3") == [("үш", "CARDINAL", "3", "")]
    assert _facts("\U00011bf3\U00011bf4 мың теңге, 5 теңге")[-1] == ("5 теңге", "MONEY", "5", "")


@pytest.mark.parametrize("text", ["\ud800 5 мың", "5 мың \udcff теңге", "\udc80 5 мың \udc80"])
def test_a_lone_surrogate_is_read_around(text):
    assert ("5 мың", "CARDINAL", "5000", "") in _facts(text)


def test_a_lone_surrogate_leaves_the_facts_and_offsets_of_the_rest():
    clean = "Цифрландыруға 35 млрд теңге жұмсалған. Тағы 5 адам."
    dirty = clean.replace("жұмсалған", "жұмсал\udcffан")  # one character for one
    assert [(f.start, f.end, f.span, f.value) for f in find_facts(dirty)] == [
        (f.start, f.end, f.span, f.value) for f in find_facts(clean)]
    assert "\udcff" in find_facts(dirty)[0].sentence  # the text's own sentence


# ---- item 4: a text longer than spaCy's max_length -----------------------------------------

FILLER = " ".join(["Мәтінніңбұлбөлігіндесанжоқ" * 2] * 110)  # a line without numbers


def test_a_text_over_a_million_characters_gives_the_facts_of_its_parts():
    seed = SEED.read_text(encoding="utf-8")
    lines = [seed if k % 4 == 0 else FILLER for k in range(4 * 52)]
    text = "\n".join(lines)
    assert len(text) > load_pipeline().max_length
    assert len(text_pieces(text, load_pipeline().max_length)) > 1
    expected, offset = [], 0
    one = find_facts(seed)
    for line in lines:
        if line is seed:
            expected.extend((f.start + offset, f.end + offset, f.span, f.type, f.value,
                             f.value_max, f.unit, f.sentence) for f in one)
        offset += len(line) + 1
    got = [(f.start, f.end, f.span, f.type, f.value, f.value_max, f.unit, f.sentence)
           for f in find_facts(text)]
    assert got == expected


def test_reading_in_pieces_gives_the_facts_of_one_piece(monkeypatch):
    seed = SEED.read_text(encoding="utf-8")
    latin = ("Baǵasy 5 myń teńge boldy.\nBiyl 3 mıllıon adam keldi.\n"
             "Jyl saiyn 12 paiyz osti.\n")
    text = "\n".join([seed, latin, seed, latin, "2019 жылы 15 мың адам келді."])
    whole = find_facts(text)
    nlp = load_pipeline()
    monkeypatch.setattr(nlp, "max_length", 700)
    assert len(text_pieces(text, 700)) > 10
    assert find_facts(text) == whole


@pytest.mark.parametrize(("text", "at_lines"), [
    ("бір\n\nекі\n  үш" * 50, True), ("а. Б. " * 200, False), ("сөз " * 300, False),
    ("х" * 2000, False), ("\n" * 1500 + "5 адам", False), (" " * 1200 + "5 адам", False)])
def test_pieces_cover_the_text_in_order_within_the_limit(text, at_lines):
    pieces = text_pieces(text, 500)
    assert pieces[0][0] == 0 and pieces[-1][1] == len(text)
    assert all(a < b <= a + 500 for a, b in pieces)
    assert all(left[1] == right[0] for left, right in zip(pieces, pieces[1:], strict=False))
    if at_lines:  # cut where a line starts, never inside a whitespace run
        for _, end in pieces[:-1]:
            run = text[len(text[:end].rstrip()):end]  # the whitespace before the cut
            assert "\n" in run and not text[end].isspace()


def test_a_text_without_line_breaks_is_cut_after_a_sentence_or_a_space():
    text = "Бұл 5. Ол 6. " * 100
    assert {text[end - 3:end] for _, end in text_pieces(text, 500)[:-1]} == {"6. "}
    text = "сөз " * 300
    assert {text[end - 1] for _, end in text_pieces(text, 500)[:-1]} == {" "}


# ---- item 6: values that broke the contract -------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("миллиард миллиард миллиард теңге", [
        ("миллиард", "CARDINAL", "1000000000", ""), ("миллиард", "CARDINAL", "1000000000", ""),
        ("миллиард теңге", "MONEY", "1000000000", "")]),
    ("миллион мың теңге", [("миллион", "CARDINAL", "1000000", ""),
                           ("мың теңге", "MONEY", "1000", "")]),
    ("мың миллион теңге", [("мың миллион теңге", "MONEY", "1000000000", "")]),
    ("5 мың миллион теңге", [("5 мың миллион теңге", "MONEY", "5000000000", "")]),
    ("3 жарым млрд теңге", [("3 жарым млрд теңге", "MONEY", "3500000000", "")]),
])
def test_a_scale_word_multiplies_only_a_smaller_scale_before_it(text, expected):
    assert _facts(text) == expected


@pytest.mark.parametrize("text", [
    "2019 жылғы 31 ақпанда", "31.02.2019", "31 сәуір", "отыз ақпан", "31.12.0000",
    "2019 жылғы 29 ақпанда", "29.02.2019", "отыз бірінші сәуірде", "30 ақпан 2019 жыл",
    "сағат 24:56-да", "0-ғасырда", "256-ғасырда", "MMM ғасыр"])
def test_an_impossible_date_or_time_is_no_fact(text):
    assert _facts(text) == []


@pytest.mark.parametrize(("text", "expected"), [
    ("2020 жылғы 29 ақпанда", ("2020 жылғы 29 ақпанда", "DATE", "2020-02-29", "")),
    ("29 ақпанда", ("29 ақпанда", "DATE", "--02-29", "")),
    ("29.02.2020", ("29.02.2020", "DATE", "2020-02-29", "")),
    ("30 сәуір", ("30 сәуір", "DATE", "--04-30", "")),
    ("24:00", ("24:00", "TIME", "24:00", "")),
    ("23:59", ("23:59", "TIME", "23:59", "")),
])
def test_the_dates_and_times_next_to_the_impossible_ones_stay(text, expected):
    assert _facts(text) == [expected]


@pytest.mark.parametrize(("text", "expected"), [
    ("бірінші ғасыр", ("бірінші ғасыр", "DATE", "0001", "0100")),
    ("оныншы ғасырда", ("оныншы ғасырда", "DATE", "0901", "1000")),
    ("7-нші — 8-інші ғасырларда", ("7-нші — 8-інші ғасырларда", "DATE", "0601", "0800")),
    ("XXI ғасыр", ("XXI ғасыр", "DATE", "2001", "2100")),
])
def test_centuries_are_four_digit_iso_years(text, expected):
    assert _facts(text) == [expected]


@pytest.mark.parametrize(("text", "expected"), [
    ("15-20млн теңге", ("15-20млн теңге", "MONEY", "15000000", "20000000")),
    ("2-3млрд доллар", ("2-3млрд доллар", "MONEY", "2000000000", "3000000000")),
    ("15-20мыңнан астам", ("15-20мыңнан астам", "CARDINAL", "15000", "20000")),
    ("15-20 млн теңге", ("15-20 млн теңге", "MONEY", "15000000", "20000000")),
])
def test_a_scale_glued_to_a_range_is_the_scale_of_both_ends(text, expected):
    assert _facts(text) == [expected]


# ---- item 4: the property on any text (benchmarks/property_fuzz.py runs it 100,000 times) ---

@settings(max_examples=10_000, deadline=None, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(texts())
def test_any_text_gives_contract_facts_without_raising_and_the_same_twice(text):
    check(text)


@pytest.mark.parametrize(("fact", "problem"), [
    (Fact(0, 2, "12", "CARDINAL", "12"), ""),
    (Fact(0, 2, "13", "CARDINAL", "12"), "span"),
    (Fact(0, 2, "12", "NUMBER", "12"), "type"),
    (Fact(0, 2, "12", "CARDINAL", "1.20"), "no contract value"),
    (Fact(0, 2, "12", "CARDINAL", "1e3"), "no contract value"),
    (Fact(0, 2, "12", "CARDINAL", "20", "12"), "value_max < value"),
    (Fact(0, 2, "12", "DATE", "2019-02-29"), "no contract value"),
    (Fact(0, 2, "12", "DATE", "--04-31"), "no contract value"),
    (Fact(0, 2, "12", "DATE", "25501"), "no contract value"),
    (Fact(0, 2, "12", "DATE", "--02-29"), ""),
    (Fact(0, 2, "12", "TIME", "24:56"), "no contract value"),
    (Fact(0, 2, "12", "TIME", "24:00"), ""),
    (Fact(0, 2, "12", "MONEY", "5", qualifier="about"), "qualifier"),
])
def test_the_property_finds_what_breaks_the_contract(fact, problem):
    errors = contract_errors("12", [fact])
    assert (problem in " ".join(errors)) and bool(errors) == bool(problem)


def test_a_rank_band_with_strange_digits_is_no_error():
    for text in ("Ол ТОП-\U00011bf3 ішінде.", "Ол топ-" + "1" * 5000 + " ішінде.", "ТОП-٣"):
        assert find_facts(text) == []
