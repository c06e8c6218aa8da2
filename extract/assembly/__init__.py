"""One sentence to its facts: the rules in order, modifiers, subjects, totals and merges, and
the spaCy component that runs them over a Doc.
"""
