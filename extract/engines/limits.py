"""Limits of a batch run, light enough for the command line to read without loading spaCy."""

# seconds a document may take: twice what a document at spaCy's 1,000,000-character limit
# took on a loaded two-core machine (53 s; the largest of the 340 news articles took 0.3 to
# 0.6 s)
DEFAULT_TIMEOUT = 120.0
