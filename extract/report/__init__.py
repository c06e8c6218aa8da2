"""The HTML report: one self-contained page of documents and their facts.
"""
