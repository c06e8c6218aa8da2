"""The sentence corpus per fact type (tests/corpus/*.tsv), Duckling-style: every sentence
must give exactly the facts listed for it, no more, no fewer. A sentence whose only row has
an empty span must give no fact at all (a negative example). relative.tsv is read with dates
and times without a number switched on."""

import csv
from collections import defaultdict
from pathlib import Path

import pytest

from extract import find_facts

CORPUS = Path(__file__).parent / "corpus"
FIELDS = ("span", "type", "value", "value_max", "unit", "qualifier", "subject", "total")


def _load() -> list[tuple[str, str, set[tuple]]]:
    cases = []
    for path in sorted(CORPUS.glob("*.tsv")):
        expected: dict[str, set[tuple]] = defaultdict(set)
        with path.open(encoding="utf-8", newline="") as f:
            for line_no, row in enumerate(csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE)):
                if line_no == 0 or not row or row[0].startswith("#"):
                    continue
                assert len(row) == 9, f"{path.name}:{line_no + 1}: {len(row)} columns, not 9"
                sentence, *fields = row
                expected[sentence]  # noqa: B018  (a sentence with no fact keeps an empty set)
                if fields[0]:
                    expected[sentence].add(tuple(fields))
        cases.extend((path.stem, sentence, facts) for sentence, facts in expected.items())
    return cases


CASES = _load()


@pytest.mark.parametrize(("kind", "sentence", "expected"), CASES,
                         ids=[f"{k}:{s[:40]}" for k, s, _ in CASES])
def test_sentence_gives_exactly_its_facts(kind: str, sentence: str, expected: set[tuple]) -> None:
    # relative.tsv: dates and times without a number (биыл, таңертең), an opt-in reading
    facts = find_facts(sentence, relative_dates=kind == "relative")
    found = {tuple(getattr(f, name) for name in FIELDS) for f in facts}
    assert found == expected


def test_corpus_has_positive_and_negative_examples() -> None:
    assert any(not facts for _, _, facts in CASES)
    assert {k for k, _, facts in CASES if facts} >= {"money", "percent", "rank", "cardinal"}


@pytest.mark.parametrize(("sentence", "span"), [("Қазақтың бір міні — мал ұрлығы.", "бір"),
                                                ("Жол 5 км-ге ұзарды.", "5 км-ге")])
def test_an_abbreviated_unit_takes_its_endings_after_a_hyphen(sentence: str, span: str) -> None:
    # м|іні would be "metre" + endings; міні is "his flaw"
    assert [f.span for f in find_facts(sentence)] == [span]
