"""How long ``kazextract --help`` takes, in whole processes: the help must not load spaCy.

Runs each command --runs times (after one warm-up run) and prints the median and fastest
wall-clock time and the median CPU time, beside a bare ``python -c pass`` for the
interpreter's own start.
Usage (from the repository root, so that this checkout's code runs):

    python benchmarks/help_benchmark.py [--runs 11]
"""

from __future__ import annotations

import argparse
import os
import resource
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


def seconds(command: list[str]) -> tuple[float, float]:
    """(wall-clock, CPU) seconds of one whole process: on a loaded machine the wall clock
    also counts the time spent waiting for a core, the CPU time does not."""
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, env=env, cwd=REPO)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=11)
    args = parser.parse_args()
    for name, command in COMMANDS.items():
        seconds(command)  # warm-up: the file cache
        walls, cpus = zip(*(seconds(command) for _ in range(args.runs)), strict=True)
        print(f"{name:<30} wall median {statistics.median(walls):.3f} s (fastest "
              f"{min(walls):.3f})  CPU median {statistics.median(cpus):.3f} s  "
              f"({args.runs} runs)")
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")


if __name__ == "__main__":
    main()
