"""How find_facts scales on pathological inputs: each pattern at 10^4, 10^5 and 10^6 characters.

Each pattern is a short unit repeated (and cut) to the wanted length: runs of scale words
(``мың мың …``, Fraction bignums), digit groups (``1 000 000 …``), ordinal series
(``бірінші, `` × n), hyphen-glued runs, ``1:1:1…``, runs of punctuation, number words with
suffixes, Latin script, one very long word, one huge line without a sentence end, and plain
news text. Every measurement runs in a process of its own: the pipeline is loaded and warmed
on a short text first, then the time of ``find_facts(text)`` alone is taken (so start-up does
not hide the ratio at 10^4), as CPU time and as wall time (on a shared machine the wall time
also counts the other programs' turns; the CPU time does not). Figures are medians of --runs
processes; a measurement over --timeout seconds is killed and shown as ``>T``, and the larger
sizes of that pattern are skipped. Each table ends with the ratio t(10^6) / t(10^5): linear
is 10, and the target is at most 20 (within 2x of linear), with no 10^6 input over 5 s.

A text longer than spaCy's ``nlp.max_length`` (1,000,000) is measured with ``max_length``
raised in the measuring process only, when ``find_facts`` does not read such texts in pieces.

    python benchmarks/pathological.py [--runs 3] [--sizes 10000,100000,1000000]
        [--only 'NAME|NAME'] [--part K/N] [--timeout 120] [--json FILE]
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
from functools import cache
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
# ../shared/news beside the checkout (or beside the folder of a worktree's checkout)
NEWS = next((p for p in (REPO.parent / "shared" / "news", REPO.parent.parent / "shared" / "news")
             if p.is_dir()), REPO.parent / "shared" / "news")
SIZES = (10_000, 100_000, 1_000_000)
LINEAR_LIMIT = 20.0  # t(10^6) / t(10^5): within 2x of linear
SECONDS_LIMIT = 5.0  # for any 10^6-character input

# name -> the unit repeated to the wanted length
UNITS = {
    "scale words мың": "мың ",
    "scale words миллион": "миллион ",
    "scale words mixed": "бес мың миллион ",
    "digit groups 1 000 000": " 000",
    "digits 1111": "1",
    "digits 1,1,1": "1,",
    "digits 1.1.1": "1.",
    "digits 1 1 1": "1 ",
    "ordinal series бірінші,": "бірінші, ",
    "hyphen 1-1-1": "1-",
    "hyphen бес-бес": "бес-",
    "hyphen сөз-сөз": "сөз-",
    "dash 1 - 1 -": "1 - ",
    "colon 1:1:1": "1:",
    "punct =": "=",
    "punct (": "(",
    "punct #": "#",
    "punct ,": ",",
    "punct *": "*",
    "punct «": "«",
    "punct _": "_",
    "punct !": "!",
    "punct .": ".",
    "punct mixed": "= ( # , * « _ ! ",
    "percent %%%": "%",
    "percent 5%": "5%",
    "suffixed мыңнан": "мыңнан ",
    "suffixed бесеуі": "бесеуі ",
    "suffixed 5-ке": "5-ке ",
    "coordinated үш пен": "үш пен ",
    "roman I I I": "I ",
    "capital after numbers 5 G": "бес 5 G ",
    "latin myń": "myń ",
    "latin words": "bes million teńge ",
    "long word": "а",
    "long latin word": "a",
}
# names of patterns made from news text or built otherwise
NESTED = "nested ((…))"
ONE_LINE = "news, one line, no sentence end"
NEWS_TEXT = "news text"
NEWS_LATIN = "news text, Latin"
NAMES = [*UNITS, NESTED, ONE_LINE, NEWS_TEXT, NEWS_LATIN]

MEASURE = """
import sys, time
from extract import find_facts
from extract.relations.document import load_pipeline
text = sys.stdin.read()
nlp = load_pipeline()
raised = len(text) >= nlp.max_length
if raised:
    nlp.max_length = len(text) + 1
find_facts("Бағдарламаға 35 млрд теңге бөлінді.")
started, cpu = time.perf_counter(), time.process_time()
facts = find_facts(text)
print(time.perf_counter() - started, time.process_time() - cpu, len(facts), int(raised))
"""


@cache
def news(folder: Path, script: str) -> str:
    paths = sorted((folder / script).glob("*.txt"))
    if not paths:
        raise SystemExit(f"pathological.py: {folder / script}: no news articles")
    return "\n".join(path.read_text(encoding="utf-8") for path in paths)


def repeated(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


def pattern_text(name: str, size: int, folder: Path = NEWS) -> str:
    if name in UNITS:
        return repeated(UNITS[name], size)
    if name == NESTED:
        return "(" * (size // 2) + ")" * (size - size // 2)
    if name == ONE_LINE:
        return repeated(" ".join(news(folder, "cyrl").translate(_NO_ENDS).split()) + " ", size)
    return repeated(news(folder, "cyrl" if name == NEWS_TEXT else "latn") + "\n", size)


_NO_ENDS = str.maketrans({ch: " " for ch in ".!?…\n"})


class Failed(Exception):
    """find_facts raised: the measuring process's last line of error."""


def measure(text: str, timeout: float) -> tuple[float, float, int, bool] | None:
    """(wall and CPU seconds of find_facts, facts found, max_length raised), or None past
    the timeout."""
    try:
        done = subprocess.run([sys.executable, "-c", MEASURE], input=text, text=True,
                              capture_output=True, timeout=timeout, cwd=REPO, check=False)
    except subprocess.TimeoutExpired:
        return None
    if done.returncode != 0:
        last = (done.stderr.strip().splitlines() or ["no message"])[-1]
        raise Failed(last)
    wall, cpu, facts, raised = done.stdout.split()
    return float(wall), float(cpu), int(facts), raised == "1"


def run_pattern(name: str, sizes: list[int], runs: int, timeout: float, folder: Path) -> dict:
    """Median wall and CPU seconds per size (None once a run timed out), facts found,
    max_length raised, the error find_facts raised."""
    row: dict = {"wall": {}, "cpu": {}, "facts": {}, "raised": False, "error": ""}
    for size in sizes:
        text = pattern_text(name, size, folder)
        results = []
        for _ in range(runs):
            try:
                result = measure(text, timeout)
            except Failed as error:
                row["error"] = f"at {size:,}: {error}"
                return row
            if result is None:
                break
            results.append(result)
        if len(results) < runs:
            row["wall"][size] = row["cpu"][size] = None
            break
        row["wall"][size] = statistics.median(r[0] for r in results)
        row["cpu"][size] = statistics.median(r[1] for r in results)
        row["facts"][size] = results[0][2]
        row["raised"] = row["raised"] or any(r[3] for r in results)
    return row


def ratio(seconds: dict, low: int, high: int) -> float | None:
    if seconds.get(low) and seconds.get(high) is not None:
        return seconds[high] / seconds[low]
    return None


def report(rows: dict[str, dict], sizes: list[int], timeout: float, clock: str) -> bool:
    """Print the table of one clock ("wall" or "cpu"); whether every pattern meets both
    targets by it."""
    high = sizes[-1]
    low = sizes[-2] if len(sizes) > 1 else 0  # one size (--sizes 1000000): no ratio to take
    head = "".join(f"{f'{size:,}':>11}" for size in sizes)
    shown_ratio = f"{high:.0e}/{low:.0e}" if low else "ratio"
    print(f"{clock + ' seconds':34}{head}{shown_ratio:>12}  facts at {high:,}")
    ok = True
    for name, row in rows.items():
        seconds = row[clock]
        cells = ""
        for size in sizes:
            value = seconds.get(size, "error" if row["error"] else "skip")
            cells += (f"{'>' + format(timeout, 'g'):>11}" if value is None
                      else f"{value:>11}" if isinstance(value, str) else f"{value:11.3f}")
        r = ratio(seconds, low, high)
        slow = seconds.get(high)
        linear = r <= LINEAR_LIMIT if r is not None else not low
        good = linear and slow is not None and slow <= SECONDS_LIMIT
        ok = ok and good
        mark = "" if good else "  NOT met"
        raised = " (max_length raised)" if row["raised"] else ""
        shown = f"{r:12.1f}" if r is not None else f"{'-':>12}"
        print(f"{name:34}{cells}{shown}  {row['facts'].get(high, '-')}{raised}{mark}")
        if row["error"]:
            print(f"{'':34}find_facts raised {row['error'][:120]}")
    print(f"\n{clock} seconds of find_facts in a process of its own, medians; target: ratio ≤ "
          f"{LINEAR_LIMIT:g} and ≤ {SECONDS_LIMIT:g} s at {high:,}\n")
    return ok


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--sizes", default=",".join(map(str, SIZES)))
    parser.add_argument("--only", default="", help="Pattern names, separated by '|'.")
    parser.add_argument("--part", default="1/1",
                        help="K/N: only every N-th pattern from the K-th (to run N at once).")
    parser.add_argument("--timeout", type=float, default=120.0,
                        help="Seconds before one measurement is given up.")
    parser.add_argument("--news", type=Path, default=NEWS,
                        help="Folder with cyrl/ and latn/ news articles [default: %(default)s].")
    parser.add_argument("--json", type=Path, help="Also write the figures here.")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    names = [n for n in args.only.split("|") if n] or NAMES
    unknown = [n for n in names if n not in NAMES]
    if unknown:
        raise SystemExit(f"pathological.py: unknown patterns: {' | '.join(unknown)}")
    part, parts = (int(k) for k in args.part.split("/"))
    names = names[part - 1::parts]
    rows = {}
    for name in names:
        rows[name] = run_pattern(name, sizes, args.runs, args.timeout, args.news)
        print(f"  {name}: cpu {rows[name]['cpu']} wall {rows[name]['wall']}", file=sys.stderr,
              flush=True)
    ok = all([report(rows, sizes, args.timeout, clock) for clock in ("cpu", "wall")])
    if args.json:
        args.json.write_text(json.dumps(rows, indent=2, ensure_ascii=False) + "\n",
                             encoding="utf-8")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
