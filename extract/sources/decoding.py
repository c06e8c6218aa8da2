"""Bytes to text for Kazakh and Russian documents: UTF-8 (with or without a BOM), UTF-16
and UTF-32 with a BOM, and the legacy code pages KZ-1048 and PT154 (Kazakh) and
Windows-1251 (Russian).

The two Kazakh code pages put ә ғ ң ө ұ ү at different bytes, and Windows-1251 has none of
them, so every one of the three decodes a legacy file without an error. The code page is
chosen by what the decoded text looks like: the right one gives Kazakh letters, a wrong one
gives letters of other alphabets (њ ў ј ѓ µ) or symbols inside words (б±л, т‰з). A text
that no code page decodes cleanly is refused, never guessed into mojibake.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass
from functools import cache

import regex

from ..kazakh.lexicon import load_lexicon

BOMS = (  # longest first: the UTF-32 LE BOM starts with the UTF-16 LE one
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
KAZAKH_CODE_PAGES = ("kz1048", "ptcp154")
RUSSIAN_CODE_PAGE = "cp1251"
NAMES = {"utf-8": "UTF-8", "utf-8-sig": "UTF-8", "utf-16": "UTF-16", "utf-32": "UTF-32",
         "kz1048": "KZ-1048", "ptcp154": "PT154", "cp1251": "Windows-1251"}
# Share of odd characters (per letter) a legacy decoding may have and still count as clean.
MAX_ODD_SHARE = 0.005
# Share of letters of other alphabets above which a text behind a byte-order mark is refused.
MAX_FOREIGN_SHARE = 0.5
# A dump is UTF-8 with a few bad bytes when it has this many good UTF-8 characters per bad
# byte (a legacy code page read as UTF-8 has next to none).
MIN_UTF8_PER_BAD_BYTE = 10
# Share of control characters above which text is called binary.
MAX_CONTROL_SHARE = 0.01
# Punctuation that may stand between two letters of a word (т.б., км/сағ, O'zbek), and the
# backslash of JSON escapes (деп\nҚазақ).
WORD_GLUE = "./'’:;,&@_#*\\"

CONTROL = regex.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\ufffd]")


class DecodeError(ValueError):
    """Bytes that are not a text this module can read; the message is the reason."""


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str  # Python codec name


@dataclass(frozen=True)
class Reading:
    """One candidate decoding and how Kazakh it looks."""

    encoding: str
    text: str
    kazakh: int  # letters of Kazakh that Windows-1251 lacks: ә ғ қ ң ө ұ ү һ
    odd: int  # letters of no Kazakh or Latin alphabet, symbols inside words, controls
    letters: int

    @property
    def clean(self) -> bool:
        return self.letters > 0 and self.odd <= self.letters * MAX_ODD_SHARE

    @property
    def score(self) -> int:
        return self.kazakh - 20 * self.odd


@cache
def _patterns() -> tuple[regex.Pattern, regex.Pattern]:
    """(Kazakh-only letters, odd characters), built from patterns/alphabet.toml."""
    lex = load_lexicon()
    known = set(lex.letters + lex.latin_letters) | set(map(chr, range(ord("A"), ord("z") + 1)))
    kazakh = sorted(c for c in lex.letters if not _encodable(c, RUSSIAN_CODE_PAGE))
    known_class = regex.escape("".join(sorted(c for c in known if c.isalpha())))
    odd = regex.compile(
        rf"(?![{known_class}])\p{{L}}"  # a letter of another alphabet
        rf"|(?<=\p{{L}})(?![{regex.escape(WORD_GLUE)}])[\p{{Po}}\p{{S}}](?=\p{{L}})"  # б±л
        r"|[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\ufffd]"
    )
    return regex.compile(f"[{regex.escape(''.join(kazakh))}]"), odd


def _encodable(char: str, encoding: str) -> bool:
    try:
        char.encode(encoding)
    except UnicodeEncodeError:
        return False
    return True


MIXED_WORD = regex.compile(r"\p{L}*(?:[A-Za-z]\p{Cyrillic}|\p{Cyrillic}[A-Za-z])\p{L}*")


def read_as(data: bytes, encoding: str) -> Reading | None:
    """How ``data`` reads in one legacy code page (None when it does not decode)."""
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        return None
    kazakh, odd = _patterns()
    letters = sum(1 for _ in regex.finditer(r"\p{L}", text))
    odd_count = len(odd.findall(text)) + sum(map(_latin_word_with_cyrillic,
                                                  MIXED_WORD.findall(text)))
    return Reading(encoding, text, len(kazakh.findall(text)), odd_count, letters)


def _latin_word_with_cyrillic(word: str) -> bool:
    """``cafй``: Latin-1 text read in a Cyrillic code page. A Cyrillic word with a few Latin
    look-alikes typed into it (``бiлiм``) is ordinary text, not a sign of a wrong code page."""
    cyrillic = len(regex.findall(r"\p{Cyrillic}", word))
    return cyrillic < len(word) - cyrillic


def decode(data: bytes, encoding: str | None = None) -> Decoded:
    """Decode a document; ``encoding`` forces a codec. Raises DecodeError with the reason
    for empty, binary and undecodable data."""
    if not data.strip():
        raise DecodeError("empty file")
    if encoding is not None:
        decoded = Decoded(_decode_strict(data, _with_bom_handling(encoding)), encoding)
    else:
        decoded = _detect(data)
    if not decoded.text.strip():
        raise DecodeError("empty file")
    if len(CONTROL.findall(decoded.text)) > len(decoded.text) * MAX_CONTROL_SHARE:
        raise DecodeError("binary file (control characters), not text")
    return decoded


def sniff_encoding(sample: bytes) -> str:
    """The encoding of a stream (a JSONL or CSV dump) from its first bytes, which may end
    inside a character: a BOM, else UTF-8, else the code page that decodes it cleanly."""
    for bom, encoding in BOMS:
        if sample.startswith(bom):
            return encoding
    try:
        codecs.getincrementaldecoder("utf-8")().decode(sample, final=False)
        return "utf-8"
    except UnicodeDecodeError:
        pass
    if _mostly_utf8(sample):  # a stray byte costs its record (records.py), not the dump
        return "utf-8"
    return _detect_code_page(sample).encoding


def _mostly_utf8(sample: bytes) -> bool:
    """UTF-8 with a few bad bytes: a legacy code page read as UTF-8 is bad at nearly
    every non-ASCII byte, UTF-8 with one corrupt byte is good at nearly all of them."""
    text = codecs.getincrementaldecoder("utf-8")(errors="replace").decode(sample, final=False)
    bad = text.count("\ufffd")
    good = sum(1 for char in text if char > "\x7f" and char != "\ufffd")
    return good > 0 and bad * MIN_UTF8_PER_BAD_BYTE <= good


def _with_bom_handling(encoding: str) -> str:
    return "utf-8-sig" if codecs.lookup(encoding).name == "utf-8" else encoding


def _decode_strict(data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as err:
        raise DecodeError(
            f"not valid {NAMES.get(encoding, encoding)} "
            f"(byte 0x{data[err.start]:02x} at offset {err.start})"
        ) from None


def _detect(data: bytes) -> Decoded:
    for bom, encoding in BOMS:
        if data.startswith(bom):
            return _check_bom_text(Decoded(_decode_strict(data, encoding), encoding))
    if b"\x00" in data:
        raise DecodeError("binary file (contains NUL bytes), not text")
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    return _detect_code_page(data)


def _check_bom_text(decoded: Decoded) -> Decoded:
    """A byte-order mark is trusted only when the text behind it is mostly letters of the
    Kazakh, Russian and Latin alphabets: binary data that happens to start with FF FE
    decodes as UTF-16 without an error, into letters of other scripts."""
    _, odd = _patterns()
    letters = len(regex.findall(r"\p{L}", decoded.text))
    if letters and len(odd.findall(decoded.text)) > letters * MAX_FOREIGN_SHARE:
        raise DecodeError(f"starts with a {NAMES[decoded.encoding]} byte-order mark, but "
                          "reads as letters of other alphabets: binary or a wrong mark")
    return decoded


def _detect_code_page(data: bytes) -> Decoded:
    readings = [r for e in (*KAZAKH_CODE_PAGES, RUSSIAN_CODE_PAGE) if (r := read_as(data, e))]
    clean = sorted((r for r in readings if r.clean), key=lambda r: r.score, reverse=True)
    if not clean:
        raise DecodeError(_refusal(readings))
    best = clean[0]
    if best.kazakh == 0:  # Russian (or Latin) text: the code pages agree on it
        russian = next((r for r in clean if r.encoding == RUSSIAN_CODE_PAGE), best)
        return Decoded(russian.text, russian.encoding)
    rival = next((r for r in clean[1:] if r.text != best.text), None)
    if rival is not None and rival.score == best.score:
        raise DecodeError(f"ambiguous legacy encoding ({NAMES[best.encoding]} or "
                          f"{NAMES[rival.encoding]}); give --encoding")
    return Decoded(best.text, best.encoding)


def _refusal(readings: list[Reading]) -> str:
    if readings and all(len(CONTROL.findall(r.text)) > len(r.text) * MAX_CONTROL_SHARE
                        for r in readings):
        return "binary file (control characters), not text"
    return ("not UTF-8, and no Kazakh or Russian code page (KZ-1048, PT154, Windows-1251) "
            "decodes it cleanly")

