"""kazextract: numeric facts from Kazakh news.

>>> from extract import find_facts
>>> [(f.span, f.type, f.value) for f in find_facts("Елде 523 мыңнан астам адам жұмысқа орналасты.")]
[('523 мыңнан астам', 'CARDINAL', '523000')]
"""

__all__ = ["CHANGE_COLUMNS", "COLUMNS", "Change", "Fact", "changes_frame", "facts_frame",
           "find_changes", "find_facts", "load_pipeline"]


def __getattr__(name: str):  # noqa: ANN202  (PEP 562: spaCy loads on first use, not on import)
    if name in ("find_facts", "find_changes", "load_pipeline"):
        from .relations import document

        return getattr(document, name)
    if name in ("COLUMNS", "CHANGE_COLUMNS", "Fact", "Change"):
        from . import facts

        return getattr(facts, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def facts_frame(texts, ids=None, **options):  # noqa: ANN001, ANN003  (typed in frames.py)
    """All facts of ``texts`` as a typed pandas DataFrame (see ``frames.facts_frame``)."""
    from .outputs.frames import facts_frame as _facts_frame

    return _facts_frame(texts, ids, **options)


def changes_frame(texts, ids=None, **options):  # noqa: ANN001, ANN003  (typed in frames.py)
    """All changes of ``texts`` as a typed pandas DataFrame (see ``frames.changes_frame``)."""
    from .outputs.frames import changes_frame as _changes_frame

    return _changes_frame(texts, ids, **options)
