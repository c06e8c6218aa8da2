"""The raw-text gate of the batch path: ``find_facts`` tokenizes only the runs of lines that
may hold a fact. Its facts must equal those of the whole text tokenized at once, offsets and
sentences included, on every corpus sentence (alone and twenty to a document, with and
without dates without a number), the Latin articles and the seed."""

from pathlib import Path

import pytest

from extract.assembly.pipeline import spacy_safe
from extract.facts import Fact
from extract.relations.document import find_facts, load_pipeline, relations
from tests.snapshot import snapshot

REPO = Path(__file__).resolve().parent.parent
# line breaks as documents write them: the cut after each must change no token or sentence
BREAKS = ("\n", "\n\n", " \n  ", "\r\n", "\n\t\n ")


def ungated(text: str, relative_dates: bool) -> list[Fact]:
    """The facts of the whole text as one Doc: every line tokenized (with their periods)."""
    nlp = load_pipeline(relative_dates)
    facts = nlp.get_pipe("kazakh_numeric_facts").facts(nlp.make_doc(spacy_safe(text)), text)
    return relations().relate(text, facts).facts


def corpus_documents() -> list[str]:
    sentences = snapshot._corpus_sentences()
    alone = [s + "\n" for s in sentences]
    grouped = [BREAKS[k % len(BREAKS)].join(sentences[k:k + 20])
               for k in range(0, len(sentences), 20)]
    return alone + grouped


def article_documents() -> list[str]:
    paths = [*sorted((REPO / "tests" / "latin").glob("*")), *sorted((REPO / "seeds").glob("*"))]
    articles = [p.read_text("utf-8") for p in paths]
    return [*articles, "\n\n".join(articles)]


@pytest.mark.parametrize("relative_dates", [False, True])
@pytest.mark.parametrize("documents", [corpus_documents, article_documents])
def test_the_gate_keeps_every_fact(documents, relative_dates):
    texts = documents()
    assert sum(len(ungated(text, relative_dates)) for text in texts) > 50
    for text in texts:
        assert find_facts(text, relative_dates) == ungated(text, relative_dates), text


def test_the_gate_leaves_out_lines_without_a_number():
    component = load_pipeline().get_pipe("kazakh_numeric_facts")
    text = "Күн жылы болды.\nОған 5 адам келді.\n  Ешкім жоқ.\nЕкі адам.\nMyń adam.\n"
    runs = component.fact_lines(text)
    assert [text[a:b] for a, b in runs] == ["Оған 5 адам келді.\n  ",
                                            "Екі адам.\nMyń adam.\n"]


def test_latin_lines_without_a_number_word_are_left_out():
    component = load_pipeline().get_pipe("kazakh_numeric_facts")
    text = ("Bul jerde eshteńe joq.\nBes adam keldi.\nSálem, dostar!\nMıllıon teńge.\n"
            "XXI ǵasyr.\nOn eki.\n")
    runs = component.fact_lines(text)
    assert [text[a:b] for a, b in runs] == ["Bes adam keldi.\n", "Mıllıon teńge.\nXXI ǵasyr."
                                            "\nOn eki.\n"]


def latin_words() -> set[str]:
    texts = [p.read_text("utf-8") for p in sorted((REPO / "tests" / "latin").glob("*"))]
    texts += [s for s in snapshot._corpus_sentences()]
    return {w for text in texts for w in text.split()} | {
        "hı", "Hı", "IX", "ix", "İki", "mЫń", "mıńnan", "MYŃ", "Jıyrma", "jiyrma", "biyl"}


@pytest.mark.parametrize("relative_dates", [False, True])
def test_every_latin_word_that_reads_as_a_number_keeps_its_line(relative_dates):
    """The line gate looks for Latin spellings of the number stems: every word of the Latin
    articles and the corpus that, read in Cyrillic in any alphabet, passes the sentence
    gate, passes the line gate as it is written."""
    component = load_pipeline(relative_dates).get_pipe("kazakh_numeric_facts")
    transliterator = component.scripts.transliterator
    passing = 0
    for word in latin_words():
        for alphabet in transliterator.alphabets.values():
            cyrillic = transliterator.transliterate(word, alphabet).cyrillic.lower()
            if component.gate.search(cyrillic):
                passing += 1
                assert component.line_gate.search(word.lower()), (word, alphabet.name)
    assert passing > 500
