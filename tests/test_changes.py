"""Change records (issue 12): the corpus tests/corpus/change.tsv (every sentence must give
exactly the changes listed for it; a sentence whose only row has an empty span gives none),
the seed article's five changes, and the scoring of change gold."""

import csv
from collections import defaultdict
from pathlib import Path

import pytest

from extract.evaluation.changes import score_changes
from extract.kazakh.lexicon import load_lexicon
from extract.relations.document import find_changes, find_facts

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "corpus" / "change.tsv"
FIELDS = ("span", "type", "unit", "from_value", "to_value", "by_value", "by_value_max",
          "factor", "direction", "verb", "compared_to")


def _load() -> list[tuple[str, set[tuple]]]:
    expected: dict[str, set[tuple]] = defaultdict(set)
    with CORPUS.open(encoding="utf-8", newline="") as f:
        rows = csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE)
        assert next(rows) == ["sentence", *FIELDS]
        for line_no, row in enumerate(rows, start=2):
            if not row or row[0].startswith("#"):
                continue
            assert len(row) == 1 + len(FIELDS), f"change.tsv:{line_no}: {len(row)} columns"
            sentence, *fields = row
            expected[sentence]  # noqa: B018  (a negative sentence keeps an empty set)
            if fields[0]:
                expected[sentence].add(tuple(fields))
    return list(expected.items())


CASES = _load()


@pytest.mark.parametrize(("sentence", "expected"), CASES, ids=[s[:40] for s, _ in CASES])
def test_sentence_gives_exactly_its_changes(sentence: str, expected: set[tuple]) -> None:
    found = {tuple(getattr(c, f) for f in FIELDS) for c in find_changes(sentence)}
    assert found == expected


def test_the_corpus_has_both_scripts_and_negatives() -> None:
    latin = [s for s, _ in CASES if s.isascii() or "ǵ" in s or "ı" in s]
    assert len(latin) >= 5
    assert sum(not changes for _, changes in CASES) >= 8


SEED = (ROOT / "seeds" / "000_283857b479cfea54.txt").read_text(encoding="utf-8")


def test_the_seed_gives_its_five_changes_exactly() -> None:
    found = [(c.span, c.type, c.unit, c.from_value, c.to_value, c.by_value, c.by_value_max,
              c.direction, c.verb, c.facts) for c in find_changes(SEED)]
    assert found == [
        ("15-25%-ке өсіп", "PERCENT", "%", "", "", "15", "25", "up", "өс", "851"),
        ("70 млн \u00a0құжатқа қысқарды", "CARDINAL", "", "", "", "-70000000", "", "down",
         "қысқар", "1121"),
        ("30%-ға (6 құжаттан 4 құжатқа)\u00a0 азайды", "PERCENT", "%", "", "", "-30", "",
         "down", "азай", "1173"),
        ("6 құжаттан 4 құжатқа)\u00a0 азайды", "CARDINAL", "", "6", "4", "-2", "", "down",
         "азай", "1181 1192"),
        ("31 күннен 10 күнге қысқарды", "DURATION", "day", "31", "10", "-21", "", "down",
         "қысқар", "1255 1265"),
    ]


def test_the_seed_ranking_sentence_is_no_change() -> None:
    ranking = SEED.index("29-орынға шықты")
    assert not [c for c in find_changes(SEED) if c.start <= ranking + 40 and c.end > ranking - 60]
    ranks = [f.span for f in find_facts(SEED) if f.type == "RANK"][:2]
    assert ranks == ["29-орынға", "39-шы"]


def test_every_linked_fact_is_a_fact_of_the_text() -> None:
    starts = {f.start for f in find_facts(SEED)}
    for change in find_changes(SEED):
        assert {int(s) for s in change.facts.split()} <= starts
        assert SEED[change.start:change.end] == change.span


@pytest.mark.parametrize("word", ["өсті", "өскен", "өсіп", "өсуі", "арттыру", "қысқарту",
                                  "азаяды", "көбею", "кемиді", "қысқартылды", "өспеді",
                                  "төмендесе", "ұлғаймақ", "арттыруға", "төмендетеміз"])
def test_every_form_of_a_verb_of_change_is_read(word: str) -> None:
    assert word in load_lexicon().changes.verbs


def test_reach_is_no_verb_of_change() -> None:
    verbs = load_lexicon().changes.verbs
    assert not {"жетті", "жетеді", "жету"} & set(verbs)


def _row(doc: str, start: int, end: int, **fields: str) -> dict:
    return {"doc": doc, "start": str(start), "end": str(end), "span": "x", "type": "PERCENT",
            "unit": "%", "from_value": "", "to_value": "", "by_value": "", "factor": "",
            "direction": "up", "verb": "", **fields}


def test_a_change_scores_on_overlap_and_equal_numbers() -> None:
    gold = [_row("a", 0, 10, by_value="15.0"), _row("a", 20, 30, by_value="-2",
                                                      direction="down")]
    predicted = [_row("a", 5, 12, by_value="15"), _row("a", 20, 30, by_value="2",
                                                         direction="down")]
    result = score_changes(gold, predicted)
    assert (result.overall.tp, result.overall.fp, result.overall.fn) == (1, 1, 1)
    assert result.by_type["up"].f1 == 1.0
    assert [r["by_value"] for r in result.misses] == ["-2"]
