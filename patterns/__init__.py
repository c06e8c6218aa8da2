"""Kazakh language data files, shipped inside the extract package."""
