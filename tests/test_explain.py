"""`kazextract explain`: the real command on the seed's key sentences shows each fact's rule,
and every rule name it shows is one of the order table's (or a merge's)."""

import json

from click.testing import CliRunner

from extract.assembly.merges import MERGE_NAMES
from extract.cli.main import main
from extract.relations.document import load_pipeline
from extract.rules.order import FOLLOWING, GLUED, MEASURES, RULE_NAMES

NAMES = RULE_NAMES | set(MERGE_NAMES)
RANK = "еліміз 193 мемлекеттің ішінде  29-орынға шықты."
DATE = "Президентінің 2017 жылғы 31 қаңтардағы Жолдауымен бекітілді."
COUNT = "Бағдарлама негізгі 4 бағытты қамтиды."
PERCENT = "Қазіргі кезде әлемдегі барлық мәліметтердің 99% цифрлық жүйеге көшірілген."


def explain(*args: str) -> dict:
    result = CliRunner().invoke(main, ["explain", *args, "--json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def facts(text: str, *args: str) -> list[dict]:
    return [f for s in explain(text, *args)["sentences"] for f in s["facts"]]


def test_a_rank_shows_its_rule_and_its_total():
    rank = next(f for f in facts(RANK) if f["type"] == "RANK")
    assert rank["rule"].startswith("rank.") and rank["total"] == "193"
    assert rank["span"] == "29-орынға" and rank["words"] == [[4, "29-орынға"]]
    count = next(f for f in facts(RANK) if f["type"] == "CARDINAL")
    assert count["rule"] == "cardinal.count" and count["subject"] == "мемлекет"


def test_the_seed_sentences_name_their_rules():
    assert [(f["type"], f["value"], f["rule"]) for f in facts(DATE)] == [
        ("DATE", "2017-01-31", "date.year_word")]
    assert [(f["type"], f["rule"], f["subject"]) for f in facts(COUNT)] == [
        ("CARDINAL", "cardinal.count", "бағыт")]
    assert [(f["type"], f["rule"]) for f in facts(PERCENT)] == [("PERCENT", "percent.glued_sign")]


def test_every_name_shown_is_in_the_order_table():
    text = " ".join([RANK, DATE, COUNT, PERCENT, "700-ден 2000 АЕК-ке дейін. USD 5 млн.",
                     "Биыл таңертең 5 тиын төледі."])
    sentences = explain(text, "--relative-dates")["sentences"]
    shown = {f["rule"] for s in sentences for f in s["facts"]}
    shown |= {p for s in sentences for f in s["facts"] for p in f["parts"]}
    shown |= {n["rule"] for s in sentences for n in s["numbers"] if n["rule"]}
    assert shown <= NAMES, shown - NAMES
    assert {"merge.range", "money.code_before", "money.minor_unit", "temporal.phrase"} <= shown


def test_the_order_table_has_each_name_once():
    names = [name for name, _ in (*GLUED, *FOLLOWING, *MEASURES)]
    assert len(names) == len(set(names))


def test_words_show_their_readings():
    sentence = explain("Ол 5 мың теңгеден астам төледі.")["sentences"][0]
    words = {w["text"]: w for w in sentence["words"]}
    assert words["5"]["number_start"]
    money = next(r for r in words["теңгеден"]["readings"] if r["category"] == "currency")
    assert money["stem"] == "теңге" and money["value"] == "KZT" and money["case"] == "ablative"
    scale = next(r for r in words["мың"]["readings"] if r["category"] == "number word")
    assert scale["value"] == "1000"
    assert [(n["text"], n["value"], n["rule"]) for n in sentence["numbers"]] == [
        ("5 мың", "5000", "money.currency")]


def test_plain_text_by_default():
    result = CliRunner().invoke(main, ["explain", RANK])
    assert result.exit_code == 0
    assert "rule rank.glued_noun" in result.stdout and "total=193" in result.stdout
    assert "rank noun: орын" in result.stdout


def test_a_text_without_numbers_says_so():
    result = CliRunner().invoke(main, ["explain", "Жаңбыр жауды."])
    assert result.exit_code == 0 and "No sentence reached the rules" in result.stdout


def test_the_span_carries_the_rule_and_the_outputs_do_not():
    doc = load_pipeline()(RANK)
    assert [s._.rule for s in doc.spans["facts"]] == ["cardinal.count", "rank.glued_noun"]
    result = CliRunner().invoke(main, ["extract", "-", "--format", "jsonl"], input=RANK)
    assert result.exit_code == 0 and "rule" not in json.loads(result.stdout.splitlines()[0])
