"""Scoring against hand-built gold and against KazNERD (CoNLL IOB2).
"""
