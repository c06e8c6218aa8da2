"""Batch speed and memory of kazextract against spaCy's tokenizer, in whole processes.

Builds a corpus from KazNERD's validation split (sentences rebuilt with natural spacing,
shuffled, twenty to an article, one sentence per line; repeated until the corpus has at least
--mb megabytes and --files files) plus the seed article, then measures in one run:

  (a) the ``kk`` tokenizer alone: a process that reads every file and runs nlp.tokenizer
  (b) ``kazextract extract CORPUS -o facts.csv --workers 1``
  (c) the same with ``--workers 2``
  (d) peak RSS of (b) on 10 MB and on the whole corpus
  (e) startup: time to the first fact for one short document on stdin

Times are wall-clock times of whole processes (CPU times, user + system, are printed too),
medians of --runs rounds (the order of the runs is shuffled each round). Usage:

    python benchmarks/batch_benchmark.py [--mb 50] [--files 20000] [--runs 3]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
KAZNERD = REPO.parent / "shared" / "kaznerd" / "IOB2_valid2.txt"
SEED = REPO / "seeds" / "000_283857b479cfea54.txt"
SENTENCES_PER_ARTICLE = 20
FILES_PER_FOLDER = 1000
SHORT_DOCUMENT = "Бағдарламаға 35 млрд теңге бөлінді.\n"
TARGETS = {"b/a": 2.0, "b/c": 1.8, "rss 50/10": 1.2, "startup s": 1.0}  # issue 10

TOKENIZE_ONLY = """
import sys
from pathlib import Path
import spacy
nlp = spacy.blank("kk")
tokens = 0
for path in sorted(Path(sys.argv[1]).rglob("*.txt")):
    tokens += len(nlp.tokenizer(path.read_text(encoding="utf-8")))
print(tokens)
"""


def sentences(path: Path) -> list[str]:
    from extract.evaluation.conll import join_tokens, read_conll

    return [join_tokens(s.tokens)[0] for s in read_conll(path)]


def build_corpus(folder: Path, source: list[str], mb: float, files: int) -> tuple[int, int]:
    """Write the corpus; (files, bytes)."""
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    count, size, rounds = 0, 0, 0

    def write(text: str) -> None:
        nonlocal count, size
        sub = folder / f"{count // FILES_PER_FOLDER:03d}"
        sub.mkdir(exist_ok=True)
        data = text.encode("utf-8")
        (sub / f"{count:06d}.txt").write_bytes(data)
        count += 1
        size += len(data)

    write(SEED.read_text(encoding="utf-8"))
    while size < mb * 1e6 or count < files:
        order = source[:]
        random.Random(rounds).shuffle(order)
        rounds += 1
        for i in range(0, len(order), SENTENCES_PER_ARTICLE):
            write("\n".join(order[i:i + SENTENCES_PER_ARTICLE]) + "\n")
            if size >= mb * 1e6 and count >= files:
                break
    return count, size


def subset(corpus: Path, folder: Path, mb: float) -> tuple[int, int]:
    """The first files of the corpus up to ``mb`` megabytes."""
    shutil.rmtree(folder, ignore_errors=True)
    count, size = 0, 0
    for path in sorted(corpus.rglob("*.txt")):
        if size >= mb * 1e6:
            break
        target = folder / path.relative_to(corpus)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, target)
        count, size = count + 1, size + path.stat().st_size
    return count, size


def timed(command: list[str]) -> tuple[float, float, int]:
    """Wall seconds, CPU seconds (user + system, with the pool's workers) and peak RSS (MB)
    of one whole process."""
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    if status != 0:
        raise SystemExit(f"failed ({status}): {' '.join(command)}")
    return seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss // 1024


def first_fact_seconds() -> float:
    """From process start to the first fact row on stdout, for one short document."""
    started = time.perf_counter()
    process = subprocess.Popen([*KAZEXTRACT, "extract", "-", "--workers", "1", "-q"],
                               stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    process.stdin.write(SHORT_DOCUMENT)
    process.stdin.close()
    process.stdout.readline()  # the header
    if not process.stdout.readline():
        raise SystemExit("startup: no fact for the short document")
    seconds = time.perf_counter() - started
    process.wait()
    return seconds


KAZEXTRACT = [shutil.which("kazextract") or "kazextract"]  # the installed console script


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mb", type=float, default=50.0)
    parser.add_argument("--files", type=int, default=20_000)
    parser.add_argument("--small-mb", type=float, default=10.0)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--kaznerd", type=Path, default=KAZNERD)
    parser.add_argument("--workdir", type=Path, default=None,
                        help="Where the corpus goes [default: a temporary folder].")
    parser.add_argument("--json", type=Path, help="Also write the figures here.")
    args = parser.parse_args()

    work = args.workdir or Path(tempfile.mkdtemp(prefix="kazextract-bench-"))
    corpus, small = work / "corpus", work / "corpus-small"
    files, size = build_corpus(corpus, sentences(args.kaznerd), args.mb, args.files)
    small_files, small_size = subset(corpus, small, args.small_mb)
    print(f"corpus: {files} files, {size / 1e6:.1f} MB; small: {small_files} files, "
          f"{small_size / 1e6:.1f} MB; {args.runs} runs; {work}", flush=True)

    out = work / "facts.csv"
    commands = {
        "a": [sys.executable, "-c", TOKENIZE_ONLY, str(corpus)],
        "b": [*KAZEXTRACT, "extract", str(corpus), "-o", str(out), "--workers", "1", "-q"],
        "c": [*KAZEXTRACT, "extract", str(corpus), "-o", str(out), "--workers", "2", "-q"],
        "d10": [*KAZEXTRACT, "extract", str(small), "-o", str(out), "--workers", "1", "-q"],
    }
    seconds: dict[str, list[float]] = {name: [] for name in commands}
    cpu: dict[str, list[float]] = {name: [] for name in commands}
    rss: dict[str, list[int]] = {name: [] for name in commands}
    startup: list[float] = []
    for round_ in range(args.runs):
        order = list(commands)
        random.Random(round_).shuffle(order)
        for name in order:
            wall, used, peak = timed(commands[name])
            seconds[name].append(wall)
            cpu[name].append(used)
            rss[name].append(peak)
            print(f"  round {round_ + 1} {name}: {wall:.1f} s wall, {used:.1f} s CPU, "
                  f"{peak} MB", flush=True)
        startup.append(first_fact_seconds())

    median = {name: statistics.median(values) for name, values in seconds.items()}
    figures = {
        "corpus_files": files, "corpus_mb": round(size / 1e6, 2), "runs": args.runs,
        "seconds": {k: round(v, 2) for k, v in median.items()},
        "mb_per_s": {k: round(size / 1e6 / median[k], 3) for k in ("a", "b", "c")},
        "docs_per_s": {k: round(files / median[k], 1) for k in ("a", "b", "c")},
        "cpu_seconds": {k: round(statistics.median(v), 2) for k, v in cpu.items()},
        "b/a": round(median["b"] / median["a"], 3),
        "b/c": round(median["b"] / median["c"], 3),
        "rss_mb": {"10": statistics.median(rss["d10"]),
                   str(round(args.mb)): statistics.median(rss["b"])},
        "startup s": round(statistics.median(startup), 3),
    }
    figures["b/a cpu"] = round(figures["cpu_seconds"]["b"] / figures["cpu_seconds"]["a"], 3)
    figures["rss 50/10"] = round(figures["rss_mb"][str(round(args.mb))]
                                 / figures["rss_mb"]["10"], 3)
    report(figures)
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")


def report(f: dict) -> None:
    print()
    print(f"{'':28} {'seconds':>8} {'MB/s':>7} {'docs/s':>8} {'CPU s':>7}")
    for key, label in (("a", "(a) kk tokenizer alone"), ("b", "(b) kazextract, 1 worker"),
                       ("c", "(c) kazextract, 2 workers")):
        print(f"{label:28} {f['seconds'][key]:8.1f} {f['mb_per_s'][key]:7.2f} "
              f"{f['docs_per_s'][key]:8.0f} {f['cpu_seconds'][key]:7.1f}")
    rss = f["rss_mb"]
    print(f"(d) peak RSS of (b): {' / '.join(f'{v} MB at {k} MB' for k, v in rss.items())}")
    print(f"(e) startup, time to first fact: {f['startup s']:.2f} s")
    print(f"b/a in CPU time (less sensitive to other load on the machine): {f['b/a cpu']:.2f}")
    print()
    for key, limit in TARGETS.items():
        higher_is_better = key == "b/c"
        ok = f[key] >= limit if higher_is_better else f[key] <= limit
        print(f"{key:10} {f[key]:6.2f}  target {'≥' if higher_is_better else '≤'} {limit}  "
              f"{'met' if ok else 'NOT met'}")


if __name__ == "__main__":
    main()
