"""Facts by type: what the words around a number make of it (money, percent, quantity,
duration, date, time, rank, ordinal, cardinal), and dates and times without a number.
"""
