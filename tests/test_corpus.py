"""The sentence corpus per fact type (tests/corpus/*.tsv), Duckling-style: every sentence
must give exactly the facts listed for it, no more, no fewer. A sentence whose only row has
an empty span must give no fact at all (a negative example). relative.tsv is read with dates
and times without a number switched on.

tests/corpus/pending/*.tsv hold sentences in the same format whose facts the program does not
give yet (the targets of issue 11's rule work). They run as strict xfails: a pending sentence
that starts passing fails the suite, and must then be moved to the active corpus."""

import csv
from collections import defaultdict
from pathlib import Path

import pytest

from extract import find_facts

CORPUS = Path(__file__).parent / "corpus"
FIELDS = ("span", "type", "value", "value_max", "unit", "qualifier", "subject", "total")


PENDING = CORPUS / "pending"
RULE_NOTE = "# rule:"


def _load(folder: Path = CORPUS) -> list[tuple[str, str, set[tuple]]]:
    return [case for case, _ in _load_with_rules(folder)]


def _load_with_rules(folder: Path) -> list[tuple[tuple[str, str, set[tuple]], str]]:
    """Every sentence of folder/*.tsv with its facts, and the last `# rule:` note above it."""
    cases = []
    for path in sorted(folder.glob("*.tsv")):
        if not _has_fact_header(path):
            continue  # change.tsv (test_changes.py), period.tsv (test_periods.py)
        expected: dict[str, set[tuple]] = defaultdict(set)
        rule_of: dict[str, str] = {}
        rule = ""
        with path.open(encoding="utf-8", newline="") as f:
            for line_no, row in enumerate(csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE)):
                if row and row[0].startswith(RULE_NOTE):
                    rule = row[0][len(RULE_NOTE):].strip()
                if line_no == 0 or not row or row[0].startswith("#"):
                    continue
                assert len(row) == 9, f"{path.name}:{line_no + 1}: {len(row)} columns, not 9"
                sentence, *fields = row
                expected[sentence]  # noqa: B018  (a sentence with no fact keeps an empty set)
                rule_of.setdefault(sentence, rule)
                if fields[0]:
                    expected[sentence].add(tuple(fields))
        cases.extend(((path.stem, sentence, facts), rule_of[sentence])
                     for sentence, facts in expected.items())
    return cases


def _has_fact_header(path: Path) -> bool:
    with path.open(encoding="utf-8") as f:
        return f.readline().rstrip("\n").split("\t") == ["sentence", *FIELDS]


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


PENDING_CASES = _load_with_rules(PENDING)


def _pending_param(case: tuple[str, str, set[tuple]], rule: str):
    kind, sentence, _ = case
    reason = f"pending rule (issue 11): {rule or kind}"
    return pytest.param(*case, marks=pytest.mark.xfail(strict=True, reason=reason),
                        id=f"pending-{kind}:{sentence[:40]}")


@pytest.mark.parametrize(("kind", "sentence", "expected"),
                         [_pending_param(case, rule) for case, rule in PENDING_CASES])
def test_pending_sentence_gives_exactly_its_facts(kind: str, sentence: str,
                                                   expected: set[tuple]) -> None:
    # the same check as the active corpus; strict xfail turns a newly passing sentence red
    test_sentence_gives_exactly_its_facts(kind, sentence, expected)


def test_every_pending_sentence_names_its_missing_rule() -> None:
    assert PENDING_CASES
    assert all(rule for _, rule in PENDING_CASES)


def test_no_sentence_is_both_active_and_pending() -> None:
    active = {(kind, sentence) for kind, sentence, _ in CASES}
    assert not active & {(kind, sentence) for (kind, sentence, _), _ in PENDING_CASES}
