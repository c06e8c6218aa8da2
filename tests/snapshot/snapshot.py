"""The golden snapshot: the CSV that ``kazextract extract`` writes over fixed inputs, kept so
that a refactor can prove its output byte-identical.

Inputs: the seed article; every sentence of tests/corpus/ (as one document each, with and
without dates and times without a number); the articles of tests/latin/; and a corpus of at
least 5 MB built from KazNERD's validation split (three passes over its sentences, twenty to an
article, the first pass in file order and the others shuffled with fixed seeds). The small sets
are stored whole (a diff shows what changed); the KazNERD set, whose text may not be committed
in bulk, as the SHA-256 of its output with the row and byte counts.

    python -m tests.snapshot.snapshot            # compare, print what differs
    python -m tests.snapshot.snapshot --write    # store the current output (a commit of its own,
                                                 # saying why the output changed)
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import random
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

from click.testing import CliRunner

REPO = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
KAZNERD = REPO.parent / "shared" / "kaznerd" / "IOB2_valid2.txt"
SENTENCES_PER_ARTICLE = 20
KAZNERD_PASSES = 3  # 2.3 MB a pass: three make the 5 MB the snapshot asks for
# name -> (documents, whether dates and times without a number are read, stored whole)
SETS = ("seed", "corpus", "corpus_relative", "latin", "kaznerd")


def _corpus_sentences() -> list[str]:
    sentences: dict[str, None] = {}
    for path in sorted((REPO / "tests" / "corpus").glob("*.tsv")):
        with path.open(encoding="utf-8", newline="") as f:
            for line_no, row in enumerate(csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE)):
                if line_no and row and not row[0].startswith("#"):
                    sentences[row[0]] = None
    return list(sentences)


def _kaznerd_articles() -> Iterator[str]:
    from extract.evaluation.conll import join_tokens, read_conll

    sentences = [join_tokens(s.tokens)[0] for s in read_conll(KAZNERD)]
    for seed in range(KAZNERD_PASSES):
        order = list(sentences)
        if seed:
            random.Random(seed).shuffle(order)
        for i in range(0, len(order), SENTENCES_PER_ARTICLE):
            yield "\n".join(order[i:i + SENTENCES_PER_ARTICLE]) + "\n"


def documents(name: str) -> list[tuple[str, str]]:
    """(file name, text) of the documents of one set."""
    if name == "seed":
        return [(p.name, p.read_text("utf-8")) for p in sorted((REPO / "seeds").glob("*.txt"))]
    if name in ("corpus", "corpus_relative"):
        return [(f"s{i:05d}.txt", s + "\n") for i, s in enumerate(_corpus_sentences())]
    if name == "latin":
        return [(p.name, p.read_text("utf-8")) for p in sorted((REPO / "tests/latin").glob("*"))]
    if name == "kaznerd":
        return [(f"a{i:05d}.txt", text) for i, text in enumerate(_kaznerd_articles())]
    raise ValueError(name)


def available(name: str) -> bool:
    return name != "kaznerd" or KAZNERD.exists()


def render(name: str) -> bytes:
    """The CSV ``kazextract extract`` writes over the set, as bytes."""
    from extract.cli.main import main

    with tempfile.TemporaryDirectory() as tmp:
        folder, out = Path(tmp) / "docs", Path(tmp) / "facts.csv"
        folder.mkdir()
        for file_name, text in documents(name):
            (folder / file_name).write_text(text, encoding="utf-8", newline="")
        args = ["extract", str(folder), "-o", str(out), "-q", "--workers", "2"]
        if name == "corpus_relative":
            args.append("--relative-dates")
        result = CliRunner().invoke(main, args, catch_exceptions=False)
        if result.exit_code != 0:
            raise RuntimeError(f"{name}: kazextract exited {result.exit_code}: {result.output}")
        return out.read_bytes()


def stored_path(name: str) -> Path:
    return HERE / (f"{name}.json" if name == "kaznerd" else f"{name}.csv")


def digest(data: bytes) -> dict:
    return {"sha256": hashlib.sha256(data).hexdigest(), "bytes": len(data),
            "rows": data.count(b"\n") - 1}


def matches(name: str, data: bytes) -> bool:
    path = stored_path(name)
    if name == "kaznerd":
        return json.loads(path.read_text("utf-8")) == digest(data)
    return path.read_bytes() == data


def write(name: str, data: bytes) -> None:
    path = stored_path(name)
    if name == "kaznerd":
        path.write_text(json.dumps(digest(data), indent=1) + "\n", encoding="utf-8")
    else:
        path.write_bytes(data)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--write", action="store_true", help="store the current output")
    args = parser.parse_args()
    differs = 0
    for name in filter(available, SETS):
        data = render(name)
        if args.write:
            write(name, data)
            print(f"{name}: stored ({digest(data)['rows']} rows)")
        elif matches(name, data):
            print(f"{name}: identical")
        else:
            differs += 1
            print(f"{name}: DIFFERENT from {stored_path(name).relative_to(REPO)}")
    return 1 if differs else 0


if __name__ == "__main__":
    sys.exit(main())
