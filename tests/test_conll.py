"""`kazextract eval-conll`: reading CoNLL, rebuilding text, mapping facts to KazNERD classes,
strict IOB2 scoring (checked against seqeval itself) and twin agreement."""

from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

import extract.relations.document
from extract.cli.main import main
from extract.evaluation.conll import (
    Entity,
    Result,
    Sentence,
    align,
    entities_of,
    fact_class,
    join_tokens,
    parse_conll,
    read_conll,
    run,
    score,
    to_tags,
    twin_agreement,
)
from extract.facts import Fact
from extract.relations.document import Related

KAZNERD = Path(__file__).resolve().parents[1].parent / "shared" / "kaznerd" / "IOB2_valid2.txt"

WITH_IDS = """AID7 O
Бағасы O
бес B-PERCENTAGE
пайызға I-PERCENTAGE
өсті O
. O

BID7 O
Бағасы O  \t
5 B-PERCENTAGE
пайызға I-PERCENTAGE
өсті O
. O
"""  # trailing spaces on a line, no blank line at the end

WITHOUT_IDS = """

Биыл B-DATE
35 B-MONEY
млрд I-MONEY
теңге I-MONEY


Ахмет B-PERSON
келді O
"""


def _fact(start: int, end: int, kind: str, value: str = "1", value_max: str = "",
          unit: str = "") -> Fact:
    return Fact(start, end, "", kind, value, value_max, unit)


# --- reading ---------------------------------------------------------------------------------

def test_read_conll_with_ids(tmp_path: Path) -> None:
    path = tmp_path / "ids.txt"
    path.write_text(WITH_IDS, encoding="utf-8")
    sentences = list(read_conll(path))
    assert [s.id for s in sentences] == ["AID7", "BID7"]
    assert sentences[1].tokens == ["Бағасы", "5", "пайызға", "өсті", "."]
    assert sentences[1].tags == ["O", "B-PERCENTAGE", "I-PERCENTAGE", "O", "O"]


def test_read_conll_without_ids() -> None:
    sentences = list(parse_conll(WITHOUT_IDS.splitlines(keepends=True)))
    assert [s.id for s in sentences] == [None, None]
    assert sentences[0].tokens == ["Биыл", "35", "млрд", "теңге"]
    assert sentences[1].tags == ["B-PERSON", "O"]


def test_id_pattern_only_at_sentence_start_with_tag_o() -> None:
    first = parse_conll(["CID12 O\n", "AID5 O\n", "\n"])
    second = parse_conll(["DID9 B-PRODUCT\n", "бар O\n"])
    assert list(first) == [Sentence("CID12", ["AID5"], ["O"])]
    assert list(second) == [Sentence(None, ["DID9", "бар"], ["B-PRODUCT", "O"])]


# --- rebuilding text -------------------------------------------------------------------------

@pytest.mark.parametrize(("tokens", "text"), [
    (["20", ",", "7", "пайызы"], "20,7 пайызы"),
    (["18", ":", "00-де"], "18:00-де"),
    (["«", "Қара", "»", "сөздері"], "«Қара» сөздері"),
    (["30", "%-ға", "дейін"], "30%-ға дейін"),
    (["30", "%", "."], "30%."),
    (["бес", ",", "алты", ":", "жеті"], "бес, алты: жеті"),
    (["2019", ",", "жылы"], "2019, жылы"),
    (["(", "іі", ")", "бес", "?"], "(іі) бес?"),
])
def test_join_tokens_text_and_offsets(tokens: list[str], text: str) -> None:
    joined, offsets = join_tokens(tokens)
    assert joined == text
    assert [joined[s:e] for s, e in offsets] == tokens


def test_join_tokens_exact_offsets() -> None:
    assert join_tokens(["20", ",", "7", "пайызы"]) == ("20,7 пайызы",
                                                       [(0, 2), (2, 3), (3, 4), (5, 11)])
    assert join_tokens(["30", "%-ға"])[1] == [(0, 2), (2, 6)]


# --- strict IOB2 entities and scores ---------------------------------------------------------

def test_strict_entities_edge_cases() -> None:
    assert entities_of(["I-MONEY", "I-MONEY", "O"]) == []
    assert entities_of(["O", "B-DATE", "I-TIME", "I-DATE"]) == [Entity("DATE", 1, 2)]
    assert entities_of(["B-DATE", "B-DATE", "I-DATE"]) == [Entity("DATE", 0, 1),
                                                           Entity("DATE", 1, 3)]
    assert entities_of(["B-PERSON", "I-PERSON", "B-CARDINAL"]) == [Entity("CARDINAL", 2, 3)]


def _result(gold: list[str], predicted: list[Entity]) -> Result:
    return Result(Sentence(None, ["w"] * len(gold), gold), "", [], entities_of(gold), predicted)


def test_score_type_and_boundary_mismatch() -> None:
    gold = ["B-MONEY", "I-MONEY", "O", "B-DATE", "O", "B-CARDINAL"]
    predicted = [Entity("MONEY", 0, 1),       # boundary mismatch: too short
                 Entity("TIME", 3, 4),        # type mismatch
                 Entity("CARDINAL", 5, 6)]    # exact
    scores = score([_result(gold, predicted)])
    money, date, time, card = (scores.by_class[c] for c in ("MONEY", "DATE", "TIME", "CARDINAL"))
    assert (money.tp, money.fp, money.fn) == (0, 1, 1)
    assert (date.tp, date.fp, date.fn) == (0, 0, 1)
    assert (time.tp, time.fp, time.fn) == (0, 1, 0)
    assert (card.tp, card.fp, card.fn) == (1, 0, 0)
    assert scores.micro.precision == pytest.approx(1 / 3)
    assert scores.micro.recall == pytest.approx(1 / 3)


CLASS_TAGS = ["O", "B-MONEY", "I-MONEY", "B-DATE", "I-DATE", "B-TIME", "I-TIME", "B-PERSON"]
TAG_SEQUENCES = st.lists(st.lists(st.sampled_from(CLASS_TAGS), min_size=1, max_size=8),
                         min_size=1, max_size=6)


@pytest.mark.filterwarnings("ignore::RuntimeWarning")  # numpy, inside seqeval's averages
@settings(max_examples=200, deadline=None)
@given(TAG_SEQUENCES, TAG_SEQUENCES)
def test_scores_equal_seqeval_strict(gold_seqs: list[list[str]],
                                     pred_seqs: list[list[str]]) -> None:
    from seqeval.metrics import classification_report
    from seqeval.scheme import IOB2

    n = min(len(gold_seqs), len(pred_seqs))
    gold_seqs = [g[:len(p)] for g, p in zip(gold_seqs[:n], pred_seqs[:n], strict=True)]
    pred_seqs = [p[:len(g)] for g, p in zip(gold_seqs, pred_seqs[:n], strict=True)]
    ours = score([_result(g, entities_of(p)) for g, p in zip(gold_seqs, pred_seqs, strict=True)])
    # seqeval sees every class; ours treats non-numeric ones (PERSON) as O
    strip = [[t if "PERSON" not in t else "O" for t in s] for s in (*gold_seqs, *pred_seqs)]
    gold_clean, pred_clean = strip[:n], strip[n:]
    if not any(t != "O" for s in gold_clean + pred_clean for t in s):
        return  # seqeval reports nothing to compare
    theirs = classification_report(gold_clean, pred_clean, mode="strict", scheme=IOB2,
                                   output_dict=True, zero_division=0)
    for cls, counts in ours.by_class.items():
        if counts.support or counts.predicted:
            expected = theirs[cls]
            assert counts.precision == pytest.approx(expected["precision"])
            assert counts.recall == pytest.approx(expected["recall"])
            assert counts.f1 == pytest.approx(expected["f1-score"])
            assert counts.support == expected["support"]
    micro = theirs["micro avg"]
    assert (ours.micro.precision, ours.micro.recall, ours.micro.f1) == pytest.approx(
        (micro["precision"], micro["recall"], micro["f1-score"]))


# --- mapping facts ---------------------------------------------------------------------------

@pytest.mark.parametrize(("kind", "unit", "cls"), [
    ("DURATION", "hour", "TIME"), ("DURATION", "minute", "TIME"), ("DURATION", "second", "TIME"),
    ("DURATION", "day", "DATE"), ("DURATION", "year", "DATE"), ("DURATION", "century", "DATE"),
    ("PERCENT", "%", "PERCENTAGE"), ("RANK", "", "ORDINAL"), ("ORDINAL", "", "ORDINAL"),
    ("MONEY", "KZT", "MONEY"), ("CARDINAL", "", "CARDINAL"), ("QUANTITY", "km", "QUANTITY"),
    ("DATE", "", "DATE"), ("TIME", "", "TIME"),
])
def test_fact_class(kind: str, unit: str, cls: str) -> None:
    assert fact_class(_fact(0, 1, kind, unit=unit)) == cls


def test_align_tags_every_overlapped_token() -> None:
    text, offsets = join_tokens(["Бағасы", "30", "%-ға", "өсті", "."])
    assert text == "Бағасы 30%-ға өсті."
    # a fact that ends inside a token still takes the whole token
    facts = [_fact(7, 10, "PERCENT", "30"), _fact(0, 3, "CARDINAL")]
    entities = align(facts, offsets)
    assert to_tags(entities, 5) == ["B-CARDINAL", "B-PERCENTAGE", "I-PERCENTAGE", "O", "O"]


def test_align_keeps_shared_tokens_for_the_earlier_fact() -> None:
    _, offsets = join_tokens(["a", "b", "c", "d"])
    facts = [_fact(2, 5, "CARDINAL"), _fact(0, 3, "MONEY"), _fact(0, 1, "DATE")]
    assert align(facts, offsets) == [Entity("MONEY", 0, 2, "1"), Entity("CARDINAL", 2, 3, "1")]


def test_pipeline_duration_of_hours_is_time() -> None:
    sentence = Sentence("AID1", ["Жиналыс", "үш", "сағатқа", "созылды", "."],
                        ["O", "B-TIME", "I-TIME", "O", "O"])
    result = run([sentence])[0]
    assert result.predicted == [Entity("TIME", 1, 3, "3")]
    assert score([result]).by_class["TIME"].f1 == 1.0


# --- twin agreement --------------------------------------------------------------------------

def test_twin_agreement_on_word_and_digit_forms() -> None:
    sentences = list(parse_conll(WITH_IDS.splitlines(keepends=True)))
    twins = twin_agreement(run(sentences))
    assert (twins.pairs, twins.equal) == (1, 1)


def test_twin_agreement_counts_differing_values_and_unpaired_entities() -> None:
    def sentence(sid: str) -> Sentence:
        return Sentence(sid, ["x"] * 4, ["O"] * 4)

    values = {"AID3": [("CARDINAL", "5"), ("CARDINAL", "6"), ("MONEY", "7"), ("DATE", "")],
              "BID3": [("CARDINAL", "5"), ("CARDINAL", "60"),    # no MONEY: not a pair
                       ("DATE", "")],                            # no value: not counted
              "CID3": [("CARDINAL", "5")],
              "BID4": [("CARDINAL", "1")]}                        # no word form: not compared
    facts = {}
    for sid, found in values.items():
        facts[sid] = [_fact(2 * i, 2 * i + 1, kind, value) for i, (kind, value) in
                      enumerate(found)]
    results = []
    for sid in values:
        results += run([sentence(sid)], lambda text, sid=sid: facts[sid])
    twins = twin_agreement(results)
    assert (twins.pairs, twins.equal) == (3, 2)
    assert twins.share == pytest.approx(2 / 3)
    _, a, _, b = twins.differing[0]
    assert (a.value, b.value) == ("6", "60")


# --- the command -----------------------------------------------------------------------------

def test_cli_prints_table_misses_and_applies_min_f1(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "small.txt"
    path.write_text(WITH_IDS + "\nAID8 O\nбүгін B-DATE\nкелді O\n", encoding="utf-8")

    def find(text: str, relative_dates: bool = False) -> list[Fact]:
        """Finds the percentages, "келді" as an extra, and "бүгін" with relative dates."""
        found = []
        for word, kind in (("5 пайызға", "PERCENT"), ("бес пайызға", "PERCENT"),
                           ("келді", "CARDINAL"), ("бүгін", "DATE")):
            if word == "бүгін" and not relative_dates:
                continue
            if word in text:
                found.append(_fact(text.index(word), text.index(word) + len(word), kind, "5"))
        return found

    monkeypatch.setattr(extract.relations.document, "find_related",
                        lambda text, relative_dates=False: Related(find(text, relative_dates), []))
    runner = CliRunner()
    out = runner.invoke(main, ["eval-conll", str(path), "--misses", "3", "--numbers-only"])
    assert out.exit_code == 0, out.output
    lines = out.output.splitlines()
    assert "PERCENTAGE   1.000  1.000  1.000       2         2" in lines
    assert "DATE         0.000  0.000  0.000       1         0" in lines
    assert "micro        0.667  0.667  0.667       3         3" in lines
    assert "1/1 entity pairs with equal values = 1.000" in out.output
    assert "  AID8  gold 'бүгін' DATE  predicted: -" in lines
    assert "  AID8  predicted 'келді' CARDINAL  gold: -" in lines
    failed = runner.invoke(main, ["eval-conll", str(path), "--min-f1", "0.5", "--numbers-only"])
    assert failed.exit_code == 1
    # by default dates without a number are looked for too: the date is found
    default = runner.invoke(main, ["eval-conll", str(path)])
    assert "DATE         1.000  1.000  1.000       1         1" in default.output.splitlines()


@pytest.mark.skipif(not KAZNERD.exists(), reason="KazNERD validation split not beside the repo")
def test_kaznerd_slice_supports_match_the_gold() -> None:
    sentences = []
    for s in read_conll(KAZNERD):
        sentences.append(s)
        if len(sentences) == 300:
            break
    assert all(s.id and s.id[0] in "ABCDEF" for s in sentences)
    assert all(join_tokens(s.tokens)[0].count("  ") == 0 for s in sentences)
    scores = score(run(sentences))
    gold_starts = sum(t.startswith("B-") and t[2:] in scores.by_class
                      for s in sentences for t in s.tags)
    assert scores.micro.support == gold_starts > 0


def test_a_from_to_change_with_a_bare_start_is_one_kaznerd_entity() -> None:
    """KazNERD spans "сағатына 80-нен 60 шақырымға дейін" as one entity; the facts table has
    two facts and a change. With the unit on both ends, or on neither, it has two."""
    from extract.evaluation.conll import kaznerd_facts

    text = "Жылдамдық сағатына 80-нен 60 шақырымға дейін төмендетілді."
    assert [f.span for f in kaznerd_facts(text)] == ["сағатына 80-нен 60 шақырымға дейін"]
    both = "Үлес 30 пайыздан 50 пайызға дейін өсті."
    assert [f.span for f in kaznerd_facts(both)] == ["30 пайыздан", "50 пайызға дейін"]
    neither = "Саны 40000-нан 20000-ға дейін азайды."
    assert len(kaznerd_facts(neither)) == 2
