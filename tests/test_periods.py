"""Periods (issue 12, item 3): each fact gets the value of the numbered date that anchors it
in its clause. tests/corpus/period.tsv lists, per sentence, facts and the period each must get
(empty: a negative example); the seed's ranks must have their gold periods."""

import csv
from collections import defaultdict

import pytest

from extract import find_facts
from extract.evaluation.gold import period_report, read_gold, score_periods
from extract.kazakh.lexicon import load_lexicon
from extract.relations.clauses import ClauseSplitter
from extract.relations.document import relations
from extract.relations.sentences import Sentence

from .conftest import REPO

CORPUS = REPO / "tests" / "corpus" / "period.tsv"
SEED = REPO / "seeds" / "000_283857b479cfea54.txt"


def _load() -> dict[str, dict[str, str]]:
    cases: dict[str, dict[str, str]] = defaultdict(dict)
    with CORPUS.open(encoding="utf-8", newline="") as f:
        for line_no, row in enumerate(csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE)):
            if line_no == 0 or not row or row[0].startswith("#"):
                continue
            assert len(row) == 3, f"period.tsv:{line_no + 1}: {len(row)} columns, not 3"
            sentence, span, period = row
            cases[sentence][span] = period
    return cases


CASES = _load()


@pytest.mark.parametrize(("sentence", "expected"), CASES.items(), ids=[s[:40] for s in CASES])
def test_sentence_gives_each_fact_its_period(sentence: str, expected: dict[str, str]) -> None:
    facts = find_facts(sentence)
    found = {f.span: f.period for f in facts if f.type != "DATE"}
    assert {span: found.get(span) for span in expected} == expected
    assert all(not f.period for f in facts if f.type == "DATE")


def test_corpus_has_positive_and_negative_examples_in_both_scripts() -> None:
    periods = [p for spans in CASES.values() for p in spans.values()]
    assert sum(map(bool, periods)) >= 10 and periods.count("") >= 8
    assert any("ı" in s or "ǵ" in s for s in CASES) and any("жыл" in s for s in CASES)


def test_every_rank_of_the_seed_has_its_gold_period() -> None:
    gold = {(int(r["start"]), r["span"]): r["period"] for r in read_gold(REPO / "gold")
            if r["type"] == "RANK"}
    found = {(f.start, f.span): f.period for f in find_facts(SEED.read_text("utf-8"))
             if f.type == "RANK"}
    assert found == gold and sum(map(bool, gold.values())) == 4  # 39-шы: another clause


@pytest.mark.parametrize(("sentence", "date"), [
    ("Биыл облыста 40 мың түп ағаш отырғызылды.", ""),
    ("Наурыз айында 40 мың түп ағаш отырғызылды.", "--03"),  # a month name, no number
])
def test_a_date_without_a_number_never_anchors(sentence: str, date: str) -> None:
    facts = find_facts(sentence, relative_dates=True)
    assert [(f.type, f.value, f.period) for f in facts] == [("DATE", date, ""),
                                                            ("CARDINAL", "40000", "")]


def test_a_sentence_without_a_numbered_date_is_not_read() -> None:
    """The speed target: such a sentence costs nothing, its facts come back as they were."""
    text = "Қазір 2 мың жуық ауылда интернет жоқ."
    facts = find_facts(text)
    related = relations().relate(text, facts)
    assert all(a is b for a, b in zip(related.facts, facts, strict=True))
    sentence = relations().reader.sentences(text, facts)[0]
    assert isinstance(sentence, Sentence) and sentence._words is None


@pytest.mark.parametrize(("sentence", "clauses"), [
    ("2019 жылы 14 мектеп болған, ал қазір 9 мектеп бар.", 2),  # the conjunction ал
    ("Газ өндірілді, бұл 5%-ға аз.", 2),  # бұл after a mark
    ("Бұл жоба аясындағы бірінші кезең.", 1),  # бұл modifying a noun
    ("Бірі 2017 жылды қамтыса, екіншісі 2020 жылға арналған.", 2),  # a conditional
    ("Баға 8%-ға өсіп, 540 теңге болды.", 1),  # a converb chain
    ("11:17, 30 Qańtar 2026 | GMT +5", 2),  # the bar of a dateline
])
def test_clauses(sentence: str, clauses: int) -> None:
    reader = relations().reader
    facts = find_facts(sentence)
    words = reader.words(reader.sentences(sentence, facts)[0], sentence)
    split = ClauseSplitter(load_lexicon().clauses).split(words, set())
    assert len(set(split.of)) == clauses


def test_period_accuracy_counts_matched_facts_and_false_periods() -> None:
    def row(start: int, period: str) -> dict:
        return {"doc": "a.txt", "start": str(start), "end": str(start + 2), "span": "12",
                "type": "CARDINAL", "period": period}

    gold = [row(0, "2019"), row(5, "2020"), row(10, ""), row(20, "2021")]
    predicted = [row(0, "2019"), row(5, ""), row(10, "2018")]  # 20 is not found
    result = score_periods(gold, predicted)
    assert (result.right, result.scored, result.unmatched) == (1, 2, 1)
    assert [(r["start"], p) for r, p in result.misses] == [("5", "")]
    assert [(r["start"], p) for r, p in result.false] == [("10", "2018")]
    assert period_report(gold, predicted).startswith(
        "period: 1/2 right (0.500) of the gold facts with a period (1 more not found as facts); "
        "1 facts given a period the gold has not\n  period miss: a.txt:5-7 '12' period=2020")
    assert period_report([{k: v for k, v in r.items() if k != "period"} for r in gold],
                         predicted) == ""
