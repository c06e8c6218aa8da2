"""Encodings: the seed article in every supported encoding gives the facts of the UTF-8
original; legacy code pages are told apart by the text they give; what no code page reads
cleanly is refused, never turned into mojibake."""

import csv
import io

import pytest
from click.testing import CliRunner

from extract.cli.main import main
from extract.sources.decoding import DecodeError, decode, read_as, sniff_encoding

from .conftest import REPO

SEED = REPO / "seeds" / "000_283857b479cfea54.txt"
TEXT = SEED.read_text(encoding="utf-8")
RUSSIAN = "Бюджет программы составил 5 млн рублей, рост на 12% к 2019 году — «Цифровой»."
ENCODINGS = {
    "kz1048.txt": TEXT.encode("kz1048"),
    "pt154.txt": TEXT.encode("ptcp154"),
    "utf16.txt": TEXT.encode("utf-16"),
    "utf8bom.txt": TEXT.encode("utf-8-sig"),
}


def facts_by_doc(stdout: str) -> dict[str, list[tuple]]:
    found: dict[str, list[tuple]] = {}
    for row in csv.DictReader(io.StringIO(stdout)):
        found.setdefault(row["doc"], []).append(tuple(v for k, v in row.items() if k != "doc"))
    return found


def test_seed_in_every_encoding_gives_the_facts_of_the_utf8_original(tmp_path):
    (tmp_path / "utf8.txt").write_text(TEXT, encoding="utf-8")
    for name, data in ENCODINGS.items():
        (tmp_path / name).write_bytes(data)
    manifest = tmp_path.parent / "manifest.csv"
    result = CliRunner().invoke(main, ["extract", str(tmp_path), "--manifest", str(manifest)])
    assert result.exit_code == 0, result.stderr
    found = facts_by_doc(result.stdout)
    original = found.pop("utf8.txt")
    assert len(original) > 30
    assert found == {name: original for name in ENCODINGS}
    encodings = {r["doc"]: r["encoding"] for r in csv.DictReader(manifest.open())}
    assert encodings == {"kz1048.txt": "kz1048", "pt154.txt": "ptcp154", "utf16.txt": "utf-16",
                         "utf8bom.txt": "utf-8-sig", "utf8.txt": "utf-8"}


@pytest.mark.parametrize("right, wrong", [("kz1048", "ptcp154"), ("ptcp154", "kz1048")])
def test_the_wrong_kazakh_code_page_does_not_read_cleanly(right, wrong):
    data = TEXT.encode(right)
    assert read_as(data, right).clean and read_as(data, right).kazakh > 100
    assert not read_as(data, wrong).clean
    assert not read_as(data, "cp1251").clean  # Windows-1251 has no ә ғ қ ң ө ұ ү һ


def test_russian_in_windows_1251():
    decoded = decode(RUSSIAN.encode("cp1251"))
    assert (decoded.text, decoded.encoding) == (RUSSIAN, "cp1251")


def test_latin_i_typed_into_kazakh_words_is_still_kazakh():
    text = "Бiлiм беру саласына 5 млрд теңге бөлінді, өңірлерде 12 мектеп салынады."
    assert decode(text.encode("kz1048")).text == text


@pytest.mark.parametrize("data, reason", [
    (b"", "empty"),
    (b"  \r\n\t", "empty"),
    (b"\xff\xfe", "empty"),  # a UTF-16 BOM and nothing else
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
    (bytes(range(1, 32)) * 40, "binary"),
    ("Le budget a dépassé 5 millions d'euros à Genève".encode("latin-1"), "not UTF-8"),
    (b"\xff\xfe" + b"\x00\xd8", "not valid UTF-16"),  # a lone surrogate
    # binary data behind an accidental UTF-16 mark decodes, into CJK letters
    (b"\xff\xfe" + bytes(range(0x40, 0x7f)) * 4, "byte-order mark, but reads as letters"),
])
def test_bad_bytes_are_refused_with_a_reason(data, reason):
    with pytest.raises(DecodeError, match=reason):
        decode(data)


def test_utf16_with_a_few_foreign_letters_is_still_read():
    text = "Пекинде (北京) 5 млн теңге жұмсалды."
    assert decode(text.encode("utf-16")).text == text


def test_forced_encoding_is_used_strictly():
    data = TEXT.encode("kz1048")
    assert decode(data, "kz1048").text == TEXT
    with pytest.raises(DecodeError, match="not valid UTF-8"):
        decode(data, "utf-8")
    assert decode(TEXT.encode("utf-8-sig"), "utf-8").text == TEXT  # the BOM is not text


def test_forced_encoding_on_the_command_line(tmp_path):
    (tmp_path / "a.txt").write_bytes(TEXT.encode("ptcp154"))
    forced = CliRunner().invoke(main, ["extract", str(tmp_path), "--encoding", "pt154"])
    assert forced.exit_code == 0
    assert facts_by_doc(forced.stdout)["a.txt"]
    wrong = CliRunner().invoke(main, ["extract", str(tmp_path), "--encoding", "utf-8"])
    assert wrong.exit_code == 1 and "not valid UTF-8" in wrong.stderr
    unknown = CliRunner().invoke(main, ["extract", str(tmp_path), "--encoding", "klingon"])
    assert unknown.exit_code == 2 and "unknown encoding" in unknown.stderr


def test_sniffing_a_stream_that_ends_inside_a_character():
    data = TEXT.encode("utf-8")
    cut = next(i for i in range(100, 200) if data[i] >= 0xC0)  # a lead byte
    assert sniff_encoding(data[: cut + 1]) == "utf-8"
    assert sniff_encoding(TEXT.encode("ptcp154")[:1000]) == "ptcp154"
    assert sniff_encoding(TEXT.encode("utf-16")[:1001]) == "utf-16"


def test_stdin_in_a_legacy_code_page():
    utf8 = CliRunner().invoke(main, ["extract", "-q"], input=TEXT.encode("utf-8"))
    legacy = CliRunner().invoke(main, ["extract", "-q"], input=TEXT.encode("ptcp154"))
    assert legacy.exit_code == 0 and legacy.stdout == utf8.stdout
    assert facts_by_doc(utf8.stdout)["-"]
