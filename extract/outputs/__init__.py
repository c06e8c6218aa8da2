"""Writing facts: CSV, JSONL and Parquet written atomically, and pandas frames.
"""
