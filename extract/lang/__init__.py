"""spaCy languages shipped by kazextract.
"""
