"""The spaCy component ``kazakh_numeric_relations``: after ``kazakh_numeric_facts``, it sets
each fact span's ``period`` and puts the changes in ``doc.spans["changes"]``, the measured
type as the label and the change's fields as extension attributes."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span, SpanGroup

from ..assembly.pipeline import SPAN_KEY, span_facts
from ..facts import Change

CHANGE_KEY = "changes"
CHANGE_ATTRIBUTES = ("unit", "from_value", "to_value", "by_value", "by_value_max", "factor",
                     "direction", "verb", "compared_to", "facts")

for _name in ("period", *CHANGE_ATTRIBUTES):
    if not Span.has_extension(_name):
        Span.set_extension(_name, default="")


class NumericRelations:
    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        from .document import relations

        spans = list(doc.spans.get(SPAN_KEY, []))
        related = relations().relate(doc.text, span_facts(doc))
        for span, fact in zip(spans, related.facts, strict=True):
            span._.period = fact.period
        doc.spans[CHANGE_KEY] = SpanGroup(doc, name=CHANGE_KEY,
                                          spans=[_span(doc, c) for c in related.changes])
        return doc


def _span(doc: Doc, change: Change) -> Span:
    span = doc.char_span(change.start, change.end, label=change.type, alignment_mode="expand")
    for name in CHANGE_ATTRIBUTES:
        setattr(span._, name, getattr(change, name))
    return span


def span_change(span: Span) -> Change:
    """A change span as a record."""
    return Change(span.start_char, span.end_char, span.text, span.label_,
                  sentence=span.sent.text.strip(),
                  **{name: getattr(span._, name) for name in CHANGE_ATTRIBUTES})


@Language.factory("kazakh_numeric_relations")
def make_numeric_relations(nlp: Language, name: str) -> NumericRelations:
    return NumericRelations(nlp, name)
