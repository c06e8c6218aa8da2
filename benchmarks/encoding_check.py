"""How often encoding detection reads a short legacy-encoded text right.

Takes --sentences KazNERD sentences (a seeded random sample, rebuilt with natural spacing),
writes each in every Kazakh code page (KZ-1048, PT154), decodes the bytes with kazextract's
detection and counts each reading as right (the original text), refused (a DecodeError, for
example an ambiguous code page) or wrong (any other text). Usage:

    python benchmarks/encoding_check.py --kaznerd IOB2_valid2.txt [--sentences 3000]
"""

from __future__ import annotations

import argparse
import random
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))  # measure this checkout's code

from extract.evaluation.conll import join_tokens, read_conll  # noqa: E402
from extract.sources.decoding import KAZAKH_CODE_PAGES, DecodeError, decode  # noqa: E402


def outcome(text: str, encoding: str) -> str:
    try:
        return "right" if decode(text.encode(encoding)).text == text else "wrong"
    except DecodeError:
        return "refused"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--kaznerd", type=Path, required=True, help="A KazNERD IOB2 file.")
    parser.add_argument("--sentences", type=int, default=3000)
    args = parser.parse_args()
    texts = [join_tokens(s.tokens)[0] for s in read_conll(args.kaznerd)]
    sample = random.Random(0).sample(texts, min(args.sentences, len(texts)))
    counts: Counter[str] = Counter()
    for encoding in KAZAKH_CODE_PAGES:
        for text in sample:
            try:
                text.encode(encoding)
            except UnicodeEncodeError:
                counts["not encodable"] += 1
                continue
            counts[outcome(text, encoding)] += 1
    read = counts["right"] + counts["refused"] + counts["wrong"]
    print(f"{len(sample)} sentences x {len(KAZAKH_CODE_PAGES)} code pages "
          f"({', '.join(KAZAKH_CODE_PAGES)}): {read} texts, "
          f"{counts['not encodable']} not encodable and left out")
    for key in ("right", "refused", "wrong"):
        print(f"{key:8} {counts[key]:6} {counts[key] / read:7.1%}")


if __name__ == "__main__":
    main()
