"""The ``kazakh_numeric_facts`` spaCy component: entry point, ents, DocBin, multiprocessing;
and ``kazakh_numeric_relations``: periods on the fact spans, ``doc.spans["changes"]``."""

from __future__ import annotations

import json
import pickle
import subprocess
import sys
from pathlib import Path

import spacy
from spacy.tokens import DocBin

from extract.assembly.pipeline import FACT_ATTRIBUTES, SPAN_KEY
from extract.relations.component import CHANGE_ATTRIBUTES, CHANGE_KEY

from .stand_in import stand_in  # noqa: F401  (a fixture)

ROOT = Path(__file__).resolve().parent.parent
SEED = next((ROOT / "seeds").glob("*.txt")).read_text("utf-8")
TEXTS = [
    "Биыл 35 млрд теңге жұмсалды.",
    "Ел 193 мемлекеттің ішінде 29-орынға көтерілді.",
    "Elde 523 myńnan astam adam jumysqa ornalasty.",
    SEED,
]


def _facts(doc) -> list[tuple]:  # noqa: ANN001
    return [(s.start_char, s.end_char, s.label_, *(getattr(s._, a) for a in FACT_ATTRIBUTES))
            for s in doc.spans[SPAN_KEY]]


def _nlp(**config):  # noqa: ANN003, ANN202
    nlp = spacy.blank("kk")
    nlp.add_pipe("kazakh_numeric_facts", config=config)
    return nlp


FRESH_PROGRAM = """
import json, sys
import spacy
assert "extract" not in sys.modules
nlp = spacy.blank("kk")
nlp.add_pipe("kazakh_numeric_facts", config={"set_ents": True})
doc = nlp("Ел 193 мемлекеттің ішінде 29-орынға көтерілді, 35 млрд теңге жұмсалды.")
print(json.dumps([[s.text, s.label_, s._.value, s._.unit, s._.total] for s in doc.spans["facts"]]
                 + [[e.text, e.label_] for e in doc.ents], ensure_ascii=False))
"""


def test_add_pipe_in_a_fresh_program() -> None:
    """The factory is found through the spacy_factories entry point, without an import."""
    out = subprocess.run([sys.executable, "-c", FRESH_PROGRAM], capture_output=True, text=True,
                         check=True, cwd="/")
    assert json.loads(out.stdout) == [
        ["193", "CARDINAL", "193", "", ""],
        ["29-орынға", "RANK", "29", "", "193"],
        ["35 млрд теңге", "MONEY", "35000000000", "KZT", ""],
        ["193", "CARDINAL"], ["29-орынға", "RANK"], ["35 млрд теңге", "MONEY"],
    ]


def test_saved_pipeline_loads_in_a_fresh_program(tmp_path: Path) -> None:
    _nlp(set_ents=True).to_disk(tmp_path / "model")
    program = (f"import spacy; nlp = spacy.load({str(tmp_path / 'model')!r}); "
               "print([(e.text, e._.value) for e in nlp('Биыл 35 млрд теңге жұмсалды.').ents])")
    out = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True,
                         check=True, cwd="/")
    assert out.stdout.strip() == "[('35 млрд теңге', '35000000000')]"


def test_facts_are_spans_with_extension_attributes() -> None:
    doc = _nlp()("Елде 523 мыңнан астам адам жұмысқа орналасты.")
    (span,) = doc.spans[SPAN_KEY]
    assert (span.text, span.label_, span._.value, span._.qualifier, span._.subject) == (
        "523 мыңнан астам", "CARDINAL", "523000", "gt", "адам")
    assert doc.ents == ()  # set_ents is off by default


def test_set_ents_keeps_existing_entities() -> None:
    nlp = spacy.blank("kk")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns([{"label": "GPE", "pattern": "Қазақстан"},
                        {"label": "LAW", "pattern": [{"TEXT": "2020"}, {"TEXT": "Заңы"}]}])
    nlp.add_pipe("kazakh_numeric_facts", config={"set_ents": True})
    doc = nlp("Қазақстан 29-орынға көтерілді, 2020 Заңы бойынша 35 млрд теңге бөлінді.")
    assert [(e.text, e.label_) for e in doc.ents] == [
        ("Қазақстан", "GPE"), ("29-орынға", "RANK"), ("2020 Заңы", "LAW"),
        ("35 млрд теңге", "MONEY")]
    money = doc.ents[-1]
    assert (money._.value, money._.unit) == ("35000000000", "KZT")
    # the fact under the LAW entity is still a fact, just not an entity
    assert "2020" in [s.text for s in doc.spans[SPAN_KEY]]


def test_docbin_round_trip_keeps_facts_and_attributes() -> None:
    nlp = _nlp(set_ents=True)
    docs = list(nlp.pipe(TEXTS))
    data = DocBin(docs=docs, store_user_data=True).to_bytes()
    restored = list(DocBin().from_bytes(data).get_docs(spacy.blank("kk").vocab))
    for before, after in zip(docs, restored, strict=True):
        assert _facts(before)
        assert _facts(after) == _facts(before)
        assert [(e.text, e.label_, e._.value) for e in after.ents] == \
            [(e.text, e.label_, e._.value) for e in before.ents]


def test_docbin_without_user_data_keeps_spans_only() -> None:
    doc = _nlp()(TEXTS[0])
    restored = next(DocBin(docs=[doc]).get_docs(spacy.blank("kk").vocab))
    assert [(s.text, s.label_) for s in restored.spans[SPAN_KEY]] == [("35 млрд теңге", "MONEY")]
    assert restored.spans[SPAN_KEY][0]._.value == ""


def test_pipe_with_two_processes_matches_one() -> None:
    nlp = _nlp(set_ents=True)
    serial = [_facts(doc) for doc in nlp.pipe(TEXTS)]
    parallel = [_facts(doc) for doc in nlp.pipe(TEXTS, n_process=2, batch_size=1)]
    assert parallel == serial
    assert all(serial)


def test_component_pickles() -> None:
    """Worker processes started with 'spawn' receive the pipeline pickled."""
    nlp = pickle.loads(pickle.dumps(_nlp()))
    assert _facts(nlp(TEXTS[1])) == _facts(_nlp()(TEXTS[1]))


def test_find_facts_reads_what_the_spans_hold() -> None:
    """find_facts skips the spans for speed; its records are those doc_facts reads from them."""
    from extract.relations.document import doc_facts, find_facts, load_pipeline

    for relative_dates in (False, True):
        nlp = load_pipeline(relative_dates)
        for text in TEXTS:
            expected = doc_facts(nlp(text))
            assert expected
            assert find_facts(text, relative_dates=relative_dates) == expected
        for text in ("", " ", "\n\n", "5", "«Бес» . \n 6 адам.»\n\n7"):
            assert find_facts(text, relative_dates=relative_dates) == doc_facts(nlp(text))


def test_token_gate_misses_no_sentence_the_gate_takes() -> None:
    """A sentence is skipped when none of its tokens passes the token gate: that must never
    skip one the sentence gate takes."""
    from extract.relations.document import load_pipeline

    for relative_dates in (False, True):
        nlp = load_pipeline(relative_dates)
        facts = nlp.get_pipe("kazakh_numeric_facts")
        for text in [*TEXTS, "Оның үшін бірақ ширегі XXI ғасыр №5 биыл 3мыңнан iv"]:
            doc = nlp(text)
            for sent in doc.sents:
                if facts.gate.search(sent.text.lower()):
                    assert any(facts.token_gate.search(t.lower_) for t in sent), sent.text


# ---- kazakh_numeric_relations: periods on the fact spans, doc.spans["changes"] ---------------

DECIMALS = "Бағасы 2,5 мың теңгеден 5 мың теңгеге өсті. Үлесі 12,5%-дан 10%-ға төмендеді."


def _relations_nlp():  # noqa: ANN202
    nlp = spacy.blank("kk")
    nlp.add_pipe("kk_sentencizer")
    nlp.add_pipe("kazakh_numeric_facts")
    nlp.add_pipe("kazakh_numeric_relations")
    return nlp


def _changes(doc) -> list[tuple]:  # noqa: ANN001
    return [(s.start_char, s.end_char, s.text, s.label_,
             *(getattr(s._, a) for a in CHANGE_ATTRIBUTES)) for s in doc.spans[CHANGE_KEY]]


def test_changes_are_spans_with_extension_attributes(stand_in) -> None:  # noqa: F811
    from extract import find_changes

    for text in (SEED, DECIMALS):
        expected = [(c.start, c.end, c.span, c.type, *(getattr(c, a) for a in CHANGE_ATTRIBUTES))
                    for c in find_changes(text)]
        assert expected and _changes(_relations_nlp()(text)) == expected
    doc = _relations_nlp()(DECIMALS)
    money = doc.spans[CHANGE_KEY][0]
    assert (money.text, money.label_, money._.from_value, money._.to_value, money._.by_value,
            money._.factor, money._.direction, money._.unit, money._.facts) == (
        "2,5 мың теңгеден 5 мың теңгеге", "MONEY", "2500", "5000", "2500", "2", "up", "KZT",
        f"{money.start_char} {money.start_char + 17}")


def test_fact_spans_carry_their_period(stand_in) -> None:  # noqa: F811
    from extract import find_facts

    doc = _relations_nlp()(SEED)
    assert [s._.period for s in doc.spans[SPAN_KEY]] == [f.period for f in find_facts(SEED)]
    periods = {s.text: s._.period for s in doc.spans[SPAN_KEY]}
    assert (periods["29-орынға"], periods["2019 жылы"]) == ("2020", "")


def test_doc_changes_are_the_records_of_find_changes(stand_in) -> None:  # noqa: F811
    from extract.relations.document import doc_changes, doc_facts, find_related, load_pipeline

    for text in (SEED, DECIMALS, "", "5 адам."):
        doc, related = load_pipeline()(text), find_related(text)
        assert doc_changes(doc) == related.changes
        assert doc_facts(doc) == related.facts


def test_docbin_round_trip_keeps_changes_and_periods(stand_in) -> None:  # noqa: F811
    docs = list(_relations_nlp().pipe([SEED, DECIMALS]))
    data = DocBin(docs=docs, store_user_data=True).to_bytes()
    restored = list(DocBin().from_bytes(data).get_docs(spacy.blank("kk").vocab))
    for before, after in zip(docs, restored, strict=True):
        assert _changes(before) and _changes(after) == _changes(before)
        assert [s._.period for s in after.spans[SPAN_KEY]] == \
            [s._.period for s in before.spans[SPAN_KEY]]


def test_without_changes_the_group_is_there_and_empty() -> None:
    doc = _relations_nlp()("Бұл сөйлемде сан жоқ. 5 адам келді.")
    assert CHANGE_KEY in doc.spans and list(doc.spans[CHANGE_KEY]) == []
