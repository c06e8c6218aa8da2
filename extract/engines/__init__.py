"""Batch runs: one document in and its facts out (the unit every engine runs), the local worker
pool, Dask, the manifest, progress and resuming.
"""
