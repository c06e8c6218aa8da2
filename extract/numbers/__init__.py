"""Numbers: digits, spoken numbers, fractions, Roman numerals, scales and ranges, read from the
words of a sentence, and the identifiers that are not numbers.
"""
