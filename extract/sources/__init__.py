"""Reading and decoding: the inputs a run names (files, folders, globs, record files, stdin),
each as a task, and the bytes of a document decoded to text.
"""
