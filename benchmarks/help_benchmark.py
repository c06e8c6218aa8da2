"""How long ``kazextract --help`` takes, in whole processes: the help must not load spaCy.

Runs each command --runs times (after one warm-up run) and prints the median and the
fastest wall-clock time, beside a bare ``python -c pass`` for the interpreter's own start.
Usage (from the repository root, so that this checkout's code runs):

    python benchmarks/help_benchmark.py [--runs 11]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
# the installed console script, with this checkout first on the path
KAZEXTRACT = shutil.which("kazextract") or "kazextract"
COMMANDS = {
    "python -c pass": [sys.executable, "-c", "pass"],
    "kazextract --help": [KAZEXTRACT, "--help"],
    "kazextract extract --help": [KAZEXTRACT, "extract", "--help"],
    "kazextract eval-conll --help": [KAZEXTRACT, "eval-conll", "--help"],
}


def seconds(command: list[str]) -> float:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    started = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, env=env, cwd=REPO)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=11)
    args = parser.parse_args()
    for name, command in COMMANDS.items():
        seconds(command)  # warm-up: the file cache
        times = [seconds(command) for _ in range(args.runs)]
        print(f"{name:<30} median {statistics.median(times):.3f} s  "
              f"fastest {min(times):.3f} s  ({args.runs} runs)")


if __name__ == "__main__":
    main()
