"""The HTML report at archive scale, in whole processes and in a real browser.

Builds a corpus of --docs documents by repeating the news articles of /work/shared/news
(cyrl and latn, in name order, cycled; each copy its own file), then measures per round:

  build   ``kazextract report CORPUS -o report.html`` (its default --workers): wall time
          of the whole process, and its CPU time (user + system, workers included), which
          a shared machine's load disturbs less
  size    the page's size in bytes
  load    Debian's headless Chromium (driven by Playwright, nothing downloaded): from
          ``goto`` until the load event has fired, the document list is visible (the
          index's first row; on a page without an index, the first article) and a frame
          has been drawn after it
  open    setting ``location.hash`` to ``#doc-N`` (N the middle document) until that
          document's text and highlighted facts are visible and a frame has been drawn

Figures are medians of --runs rounds. --code names the folder whose ``extract`` package
builds the report (default: this checkout), so an older version can be measured the same
way, for example one extracted with ``git archive``. Usage:

    python benchmarks/report_benchmark.py [--docs 3000] [--runs 3] [--code DIR]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
# shared/ sits beside the checkout (main) or beside the folder of worktrees
NEWS = next((p / "shared" / "news" for p in (REPO.parent, REPO.parent.parent)
             if (p / "shared" / "news").is_dir()), REPO.parent / "shared" / "news")
CHROMIUM = Path("/usr/bin/chromium")
# Chromium as root, offline: no sandbox, no background connections.
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
# The document list: the index's first row, or on a page without an index the first article.
LIST_SHOWN = "table.index tbody tr, section[aria-label=Documents] article"
NEXT_FRAME = "() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))"
TIMEOUT_MS = 900_000


def build_corpus(folder: Path, count: int, news: Path) -> int:
    """``count`` files cycling through the news articles; the corpus's size in bytes."""
    articles = sorted(news.rglob("*.txt"))
    if not articles:
        sys.exit(f"report_benchmark: {news}: no .txt files")
    folder.mkdir(parents=True, exist_ok=True)
    size = 0
    for n in range(count):
        data = articles[n % len(articles)].read_bytes()
        (folder / f"{n:05d}_{articles[n % len(articles)].name}").write_bytes(data)
        size += len(data)
    return size


def build_report(code: Path, corpus: Path, page: Path) -> tuple[float, float]:
    """(wall, CPU) seconds of a whole ``kazextract report`` process."""
    env = {**os.environ, "PYTHONPATH": str(code)}
    command = [sys.executable, "-c", "from extract.cli.main import main; main()", "report",
               str(corpus), "-o", str(page)]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    # run from the corpus's folder: ``-c`` puts the working directory first on sys.path,
    # and a checkout there would shadow --code
    done = subprocess.run(command, env=env, capture_output=True, text=True, cwd=corpus.parent)
    seconds = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        sys.exit(f"report_benchmark: report failed ({done.returncode}): {done.stderr[-2000:]}")
    return seconds, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def browse(browser, page_file: Path, open_doc: int) -> tuple[float, float, int]:  # noqa: ANN001
    """(seconds until the list is shown, seconds to open document ``open_doc``, its marks)."""
    page = browser.new_page(viewport={"width": 1200, "height": 1000})
    page.set_default_timeout(TIMEOUT_MS)
    started = time.perf_counter()
    page.goto(page_file.as_uri(), wait_until="load", timeout=TIMEOUT_MS)
    page.wait_for_selector(LIST_SHOWN, state="visible")
    page.evaluate(NEXT_FRAME)
    loaded = time.perf_counter() - started
    started = time.perf_counter()
    page.evaluate(f"() => {{ location.hash = '#doc-{open_doc}'; }}")
    page.wait_for_selector(f"#doc-{open_doc} .text", state="visible")
    page.evaluate(NEXT_FRAME)
    opened = time.perf_counter() - started
    marks = page.locator(f"#doc-{open_doc} .text mark.fact").count()
    page.close()
    return loaded, opened, marks


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=3000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--code", type=Path, default=REPO,
                        help="folder holding the extract package that builds the report")
    parser.add_argument("--news", type=Path, default=NEWS)
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory(prefix="report-benchmark-") as tmp:
        corpus, page_file = Path(tmp) / "corpus", Path(tmp) / "report.html"
        corpus_bytes = build_corpus(corpus, args.docs, args.news)
        rounds: dict[str, list[float]] = {"build s": [], "build CPU s": [], "load s": [],
                                          "open s": []}
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
            for _ in range(args.runs):
                wall, cpu = build_report(args.code, corpus, page_file)
                rounds["build s"].append(wall)
                rounds["build CPU s"].append(cpu)
                loaded, opened, marks = browse(browser, page_file, args.docs // 2)
                rounds["load s"].append(loaded)
                rounds["open s"].append(opened)
                print(json.dumps({k: round(v[-1], 2) for k, v in rounds.items()}),
                      file=sys.stderr)
            browser.close()
        result = {"code": str(args.code), "docs": args.docs, "corpus MB":
                  round(corpus_bytes / 1e6, 2), "page MB": round(page_file.stat().st_size / 1e6,
                                                               2),
                  "runs": args.runs, "marks in the opened document": marks,
                  **{k: round(statistics.median(v), 2) for k, v in rounds.items()}}
    print(json.dumps(result, ensure_ascii=False))


if __name__ == "__main__":
    main()
