"""The output contract: column order, offsets, number formatting, CSV and JSONL."""

import csv
import io
import json
from fractions import Fraction

import pytest
from click.testing import CliRunner

from extract import COLUMNS, find_facts
from extract.cli.main import main
from extract.facts import format_number

from .conftest import REPO

SEED = REPO / "seeds" / "000_283857b479cfea54.txt"


def test_columns_in_contract_order():
    assert COLUMNS == ("doc", "start", "end", "span", "type", "value", "value_max", "unit",
                       "qualifier", "subject", "total", "period", "sentence")


def test_offsets_point_into_the_text():
    text = SEED.read_text(encoding="utf-8")
    facts = find_facts(text)
    assert facts
    for fact in facts:
        assert text[fact.start:fact.end] == fact.span
        assert fact.span in fact.sentence


def test_offsets_count_characters_not_bytes_and_survive_a_bom():
    text = "\ufeffӘлемде 99% цифрлық."
    [fact] = find_facts(text)
    assert text[fact.start:fact.end] == "99%"


@pytest.mark.parametrize(("value", "text"), [
    (35_000_000_000, "35000000000"), (Fraction("32.8"), "32.8"), (Fraction(3, 2), "1.5"),
    (Fraction(100), "100"), (Fraction(1, 10**9), "0.000000001"), (Fraction(2, 3), "0.666666666667"),
    (None, ""),
])
def test_number_formatting_is_plain_decimal(value, text):
    assert format_number(value) == text


def test_csv_header_and_rows(tmp_path):
    out = tmp_path / "facts.csv"
    result = CliRunner().invoke(main, ["extract", str(REPO / "seeds"), "-o", str(out)])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert tuple(rows[0]) == COLUMNS
    money = next(r for r in rows if r["span"] == "35 млрд теңге")
    assert (money["doc"], money["value"], money["unit"]) == (SEED.name, "35000000000", "KZT")
    assert all("e" not in r["value"].lower() and "," not in r["value"] for r in rows)


def test_jsonl_has_the_same_keys_and_numbers_as_json_numbers():
    result = CliRunner().invoke(main, ["extract", "--format", "jsonl", str(SEED)])
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert all(tuple(r) == COLUMNS for r in rows)
    money = next(r for r in rows if r["span"] == "32,8 млрд теңге")
    assert money["value"] == 32800000000 and isinstance(money["start"], int)
    date = next(r for r in rows if r["type"] == "DATE" and "-" in r["value"])
    assert date["value"] == "2017-01-31"
    rank = next(r for r in rows if r["span"] == "29-орынға")
    assert rank["total"] == 193 and rank["value_max"] is None


def test_stdin_doc_is_dash():
    result = CliRunner().invoke(main, ["extract"], input="Бюджеттен 35 млрд теңге жұмсалды.")
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [(r["doc"], r["span"]) for r in rows] == [("-", "35 млрд теңге")]
