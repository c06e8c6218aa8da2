"""The property of tests/test_robustness.py on many more texts: find_facts raises on none,
keeps text[start:end] == span, writes only contract values and reads each text the same
twice. Unlike the test, a failing text does not stop the run: every failure is counted and
the shortest few are printed; a text that takes longer than --limit seconds is a failure
too (a hang). Usage:

    python benchmarks/property_fuzz.py [--examples 100000] [--seed 0] [--show 5] [--limit 10]
"""

from __future__ import annotations

import argparse
import signal
import sys
import time
from pathlib import Path

from hypothesis import HealthCheck, given, seed, settings

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.property import check, texts  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--show", type=int, default=5, help="failing texts to print")
    parser.add_argument("--limit", type=float, default=10.0, help="seconds a text may take")
    args = parser.parse_args()
    failures: dict[str, str] = {}
    tried = 0

    @seed(args.seed)
    @settings(max_examples=args.examples, deadline=None, database=None,
              suppress_health_check=list(HealthCheck))
    @given(texts())
    def run(text: str) -> None:
        nonlocal tried
        tried += 1
        try:
            CHECKING[0] = True
            signal.setitimer(signal.ITIMER_REAL, args.limit)
            check(text)
        except BaseException as error:  # noqa: BLE001 (every failure is a finding)
            if isinstance(error, KeyboardInterrupt):
                raise
            failures.setdefault(text, f"{type(error).__name__}: {str(error)[:300]}")
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
            CHECKING[0] = False

    signal.signal(signal.SIGALRM, _too_slow)
    started = time.perf_counter()
    run()
    elapsed = time.perf_counter() - started
    print(f"{tried} texts in {elapsed:.1f} s ({tried / elapsed:.0f} per second), "
          f"seed {args.seed}: {len(failures)} failing")
    for text, error in sorted(failures.items(), key=lambda item: len(item[0]))[:args.show]:
        print(f"  {text!r}\n    {error}")
    return 1 if failures else 0


class TooSlow(Exception):
    pass


CHECKING = [False]  # the timer fires into find_facts only, never into hypothesis itself


def _too_slow(signum: int, frame: object) -> None:
    if CHECKING[0]:
        raise TooSlow("over the time limit (a hang?)")


if __name__ == "__main__":
    sys.exit(main())
