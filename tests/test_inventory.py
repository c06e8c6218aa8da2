"""The unit and currency inventory of patterns/ (lexicon.unit_inventory and friends) and the
README's tables generated from it (docs/make_units_table.py)."""

from collections import Counter
from pathlib import Path

from extract import find_facts
from extract.kazakh.lexicon import (
    currency_inventory,
    duration_inventory,
    load_lexicon,
    phrase_words,
    unit_inventory,
)

ROOT = Path(__file__).resolve().parent.parent


def _lower(form: str) -> tuple[str, ...]:
    return phrase_words(form)


def test_every_unit_has_a_family_and_its_forms_read_as_it() -> None:
    lex = load_lexicon()
    for entry in unit_inventory():
        assert entry.family, entry.symbol
        for form in entry.forms:  # a form listed under two units would read as only one
            assert lex.measures[_lower(form)] == entry.symbol, form


def test_no_written_form_names_two_currencies() -> None:
    lex = load_lexicon()
    forms = [_lower(form) for e in currency_inventory() if "/" not in e.family
             for form in e.forms]
    assert [f for f, n in Counter(forms).items() if n > 1] == []
    for entry in currency_inventory():
        if "/" not in entry.family:  # minor units (1/100 KZT) are read apart
            assert entry.family, entry.symbol
            assert all(lex.currencies[_lower(form)] == entry.symbol for form in entry.forms)


def test_every_currency_code_before_and_after_a_number_is_money() -> None:
    lex = load_lexicon()
    codes = [code for code, symbol in lex.currency_symbols.items() if code.isalpha()]
    assert len(codes) >= 20
    for code in codes:
        after = find_facts(f"Бағасы 500 {code} болды.")
        before = find_facts(f"Компания {code} 5 млн тартты.")
        assert [(f.type, f.unit) for f in after + before] == [
            ("MONEY", lex.currency_symbols[code])] * 2, code


def test_a_time_part_is_listed_with_its_fraction() -> None:
    seconds = next(e for e in duration_inventory() if e.symbol == "second")
    assert "мс (1/1000)" in seconds.forms and "с" in seconds.forms


def test_the_documented_tables_list_every_unit_and_currency() -> None:
    table = (ROOT / "docs" / "language-data.md").read_text(encoding="utf-8")
    assert "| pressure | `mmHg` | `мм сынап бағана`" in table
    for entry in unit_inventory() + currency_inventory():
        assert f"`{entry.symbol}`" in table
    assert "| `AZN` | Azerbaijani manat |" in table


def test_a_capital_letter_unit_in_lower_case_is_no_unit() -> None:
    # ampere and volt are written А, В; а and в after a number are not them
    assert [(f.type, f.unit) for f in find_facts("Ток 5 А болды.")] == [("QUANTITY", "A")]
    assert [f.type for f in find_facts("Ток 5 а болды.")] == ["CARDINAL"]
