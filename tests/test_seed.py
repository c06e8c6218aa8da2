"""The seed article must come out completely right."""

import pytest
from click.testing import CliRunner

from extract import find_facts
from extract.cli.main import main
from extract.evaluation.gold import read_gold, score

from .conftest import REPO

SEED = REPO / "seeds" / "000_283857b479cfea54.txt"


@pytest.fixture(scope="module")
def seed_facts():
    return find_facts(SEED.read_text(encoding="utf-8"))


def test_eval_reports_f1_of_one_on_the_seed_gold():
    result = CliRunner().invoke(main, ["eval", str(REPO / "gold"), "--min-f1", "1.0"])
    assert result.exit_code == 0, result.output
    assert "miss:" not in result.output and "extra:" not in result.output


def test_seed_gold_matches_every_field():
    gold = read_gold(REPO / "gold")
    predicted = [f.row(SEED.name) for f in find_facts(SEED.read_text(encoding="utf-8"))]
    for level, result in score(gold, predicted).items():
        assert result.overall.f1 == 1.0, (level, result.misses, result.extras)


@pytest.mark.parametrize(("span", "expected"), [
    ("35 млрд теңге", ("MONEY", "35000000000", "", "KZT", "", "", "")),
    ("32,8 млрд теңге", ("MONEY", "32800000000", "", "KZT", "", "", "")),
    ("15-25%-ке", ("PERCENT", "15", "25", "%", "", "", "")),
    ("523 мыңнан астам", ("CARDINAL", "523000", "", "", "gt", "адам", "")),
    ("29-орынға", ("RANK", "29", "", "", "", "орын", "193")),
    ("39-шы", ("RANK", "39", "", "", "", "саты", "")),
    ("2017-2019 жылдарды", ("DATE", "2017", "2019", "", "", "", "")),
    ("екі", ("CARDINAL", "2", "", "", "", "кезең", "")),
    ("31 күннен", ("DURATION", "31", "", "day", "", "", "")),
    ("10 күнге", ("DURATION", "10", "", "day", "", "", "")),
])
def test_issue_examples(seed_facts, span, expected):
    fact = next(f for f in seed_facts if f.span == span)
    assert (fact.type, fact.value, fact.value_max, fact.unit, fact.qualifier, fact.subject,
            fact.total) == expected


def test_two_thousand_villages_approx(seed_facts):
    facts = [f for f in seed_facts if f.span == "2 мың жуық"]
    assert len(facts) == 2
    assert all((f.type, f.value, f.qualifier, f.subject) == ("CARDINAL", "2000", "approx", "ауыл")
               for f in facts)
