"""The documentation states what the program does today: generated tables, the CI command."""

import contextlib
import io
import re
import shutil
import subprocess
import sys

import pytest

from .conftest import REPO

SCRIPT = REPO / "docs" / "make_seed_table.py"
GENERATED = ("README.md", "docs/contract.md")


def run_script(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(SCRIPT), *args], capture_output=True, text=True,
                          check=False)


def test_committed_seed_tables_are_the_programs_output():
    result = run_script("--check")
    assert result.returncode == 0, result.stderr


def test_a_stale_seed_table_is_found_and_rewritten(tmp_path):
    for name in GENERATED:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(REPO / name, tmp_path / name)
    readme = tmp_path / "README.md"
    text = readme.read_text(encoding="utf-8")
    stale = text.replace("| 29-орынға | RANK | 29 |", "| 29-орынға | RANK | 30 |")
    assert stale != text
    readme.write_text(stale, encoding="utf-8")

    check = run_script("--root", str(tmp_path), "--check")
    assert check.returncode == 1
    assert "README.md: seed table is stale" in check.stderr
    assert readme.read_text(encoding="utf-8") == stale  # --check changes nothing

    assert run_script("--root", str(tmp_path)).returncode == 0
    for name in GENERATED:
        assert (tmp_path / name).read_text(encoding="utf-8") == \
            (REPO / name).read_text(encoding="utf-8")


def test_the_change_table_is_written_where_its_markers_are(tmp_path):
    from extract import find_changes

    for name in GENERATED:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(REPO / name, tmp_path / name)
    readme = tmp_path / "README.md"
    head, begin, rest = readme.read_text(encoding="utf-8").partition("<!-- seed-changes:begin")
    marker, _, rest = rest.partition("\n")
    _, end, tail = rest.partition("<!-- seed-changes:end -->")
    assert begin and end, "README.md has the seed-changes markers"
    readme.write_text(f"{head}{begin}{marker}\n| typed by hand |\n{end}{tail}", encoding="utf-8")
    assert run_script("--root", str(tmp_path), "--check").returncode == 1
    assert run_script("--root", str(tmp_path)).returncode == 0
    table = readme.read_text(encoding="utf-8").partition("<!-- seed-changes:begin")[2]
    lines = table.partition("\n")[2].split("<!-- seed-changes:end -->")[0].splitlines()
    assert lines[0] == ("| start | end | span | type | unit | from_value | to_value | by_value | "
                        "by_value_max | factor | direction | verb |")
    seed = (REPO / "seeds" / "000_283857b479cfea54.txt").read_text(encoding="utf-8")
    assert [line.split(" | ")[2] for line in lines[2:]] == [c.span for c in find_changes(seed)]
    contract = "docs/contract.md"
    assert (tmp_path / contract).read_text(encoding="utf-8") == \
        (REPO / contract).read_text(encoding="utf-8")  # no markers there: left alone


def readme_commands() -> list[str]:
    text = (REPO / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```bash\n(.*?)```", text, flags=re.DOTALL)
    return [line for block in blocks for line in block.splitlines()]


def test_ci_runs_the_readmes_test_command():
    tests = [line for line in readme_commands() if "pytest" in line]
    assert len(tests) == 1, tests
    ci_lines = (REPO / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert tests[0] in ci_lines
    assert "ruff check ." in ci_lines


def anchors(page) -> set[str]:
    """The anchors of a Markdown page's headings, as GitHub makes them."""
    headings = re.findall(r"^#+ (.+)$", page.read_text(encoding="utf-8"), flags=re.MULTILINE)
    return {re.sub(r"[^\w\- ]", "", h.strip().lower()).replace(" ", "-") for h in headings}


def test_every_link_points_to_a_page_and_heading_that_exist():
    for page in [REPO / "README.md", *sorted((REPO / "docs").glob("*.md"))]:
        for target, anchor in re.findall(r"\]\(([^)#]*)#?([^)]*)\)",
                                         page.read_text(encoding="utf-8")):
            if target.startswith(("http://", "https://")):
                continue
            linked = page.parent / target if target else page
            assert linked.exists(), (page.name, target)
            if anchor and linked.suffix == ".md":
                assert anchor in anchors(linked), (page.name, target, anchor)


def python_examples() -> list[tuple[str, int, str]]:
    """(page, number, code) of every ```python block in the README and docs/."""
    examples = []
    for page in [REPO / "README.md", *sorted((REPO / "docs").glob("*.md"))]:
        blocks = re.findall(r"```python\n(.*?)```", page.read_text(encoding="utf-8"),
                            flags=re.DOTALL)
        examples += [(page.name, number, code) for number, code in enumerate(blocks)]
    return examples


def printed_lines(code: str) -> list[str]:
    """The output a block promises: the ``# `` comment lines right after a print() call."""
    promised, after_print, depth = [], False, 0
    for line in code.splitlines():
        if after_print and depth == 0 and line.startswith("# "):
            promised.append(line[2:].rstrip())
            continue
        if depth == 0:
            after_print = "print(" in line
        depth = max(0, depth + line.count("(") - line.count(")"))
    return promised


EXAMPLES = python_examples()
def _example(page: str, number: int, code: str):  # noqa: ANN202
    return pytest.param(page, number, code, id=f"{page}-{number}")


@pytest.mark.parametrize(("page", "number", "code"), [_example(*e) for e in EXAMPLES])
def test_python_examples_print_what_the_docs_say(page, number, code, tmp_path, monkeypatch):
    if ".plot" in code:
        pytest.importorskip("matplotlib")
    shutil.copytree(REPO / "seeds", tmp_path / "seeds")
    monkeypatch.chdir(tmp_path)
    output = io.StringIO()
    with contextlib.redirect_stdout(output):
        exec(compile(code, f"{page} example {number}", "exec"), {"__name__": "__example__"})
    got = [line.rstrip() for line in output.getvalue().splitlines()]
    assert got == printed_lines(code)


def test_the_units_tables_are_what_patterns_holds():
    result = subprocess.run([sys.executable, str(REPO / "docs" / "make_units_table.py"), "--check"],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
