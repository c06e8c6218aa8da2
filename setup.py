"""Package discovery: every package under extract/ (found, never listed by hand), plus the
language data in patterns/, shipped as extract.patterns. The rest is in pyproject.toml."""

from setuptools import find_packages, setup

setup(packages=[*find_packages(include=["extract", "extract.*"]), "extract.patterns"])
