"""The pipeline flows one way: no module of ``extract/`` imports a later stage.

The stages, in order, are the subpackages of ``extract/`` as the README's pipeline table lists
them; ``extract/facts.py`` (the record every stage speaks) comes first, and the package's
``__init__`` (the public API, loading lazily) may use any stage."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from .conftest import REPO

PACKAGE = REPO / "extract"
STAGES = ("facts", "kazakh", "sources", "lang", "text", "numbers", "rules", "assembly",
          "relations", "outputs", "engines", "evaluation", "report", "cli")


def stage_of(module: str) -> str:
    """``extract.text.words`` -> ``text``; ``extract.facts`` -> ``facts``."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ""


def module_name(path: Path) -> str:
    parts = list(path.relative_to(REPO).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported_modules(path: Path) -> list[tuple[int, str]]:
    """(line, absolute module) of every import of ``extract`` in the file, lazy ones too."""
    name = module_name(path)
    package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    found = []
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, a.name) for a in node.names if a.name.startswith("extract")]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[:len(package.split(".")) - node.level + 1]
                target = ".".join([*base, *([node.module] if node.module else [])])
            else:
                target = node.module or ""
            if not target.startswith("extract"):
                continue
            found += [(node.lineno, _module_or_package(target, a.name)) for a in node.names]
    return found


def _module_or_package(package: str, name: str) -> str:
    """``from package import name``: the module ``name`` if there is one, else ``package``."""
    inner = REPO.joinpath(*package.split("."), name)
    return f"{package}.{name}" if inner.is_dir() or inner.with_suffix(".py").is_file() else package


def modules() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py") if p != PACKAGE / "__init__.py")


def test_every_module_belongs_to_a_stage():
    strays = {module_name(p) for p in modules() if stage_of(module_name(p)) not in STAGES}
    assert not strays, f"modules outside the stages {STAGES}: {sorted(strays)}"


@pytest.mark.parametrize("path", modules(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_module_imports_a_later_stage(path: Path):
    own = STAGES.index(stage_of(module_name(path)))
    later = [f"line {line}: {target}" for line, target in imported_modules(path)
             if stage_of(target) in STAGES and STAGES.index(stage_of(target)) > own]
    assert not later, f"{module_name(path)} ({STAGES[own]}) imports a later stage: {later}"


def test_the_check_sees_imports():
    """The reader of imports finds relative, absolute, lazy and module imports."""
    found = dict(imported_modules(PACKAGE / "engines" / "batch.py")).values()
    assert "extract.sources.inputs" in found and "extract.facts" in found
    lazy = [t for _, t in imported_modules(PACKAGE / "cli" / "main.py")]
    assert "extract.engines.batch" in lazy


def test_readme_lists_the_stages_in_order():
    readme = (REPO / "README.md").read_text("utf-8")
    listed = re.findall(r"^\| *\d+ *\| *`extract/([a-z_]+)(?:/|\.py)`", readme, re.M)
    assert tuple(listed) == STAGES, listed
