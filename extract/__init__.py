"""kazextract: numeric facts from Kazakh news.

>>> from extract import find_facts
>>> [(f.span, f.type, f.value) for f in find_facts("Елде 523 мыңнан астам адам жұмысқа орналасты.")]
[('523 мыңнан астам', 'CARDINAL', '523000')]
"""

from .facts import COLUMNS, Fact
from .pipeline import find_facts, load_pipeline

__all__ = ["COLUMNS", "Fact", "facts_frame", "find_facts", "load_pipeline"]


def facts_frame(texts, ids=None, **options):  # noqa: ANN001, ANN003  (typed in frames.py)
    """All facts of ``texts`` as a typed pandas DataFrame (see ``frames.facts_frame``)."""
    from .frames import facts_frame as _facts_frame

    return _facts_frame(texts, ids, **options)
