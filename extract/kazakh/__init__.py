"""Kazakh language data and the analysis of one word: the pattern loader, morphology (stems and
suffix chains), number words, Latin script, and the bounded per-word memories.
"""
