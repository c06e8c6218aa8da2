"""Words as a reader sees them: tokens glued back into words, the words of a sentence in
Cyrillic (Latin sentences transliterated), and phrases matched over words.
"""
