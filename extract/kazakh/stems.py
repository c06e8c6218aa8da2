"""Stems as text shows them, and one regex for many of them.

A stem whose last consonant is voiced before a vowel ending is written so in text (ширек ->
ширегі): a scan of raw text for stems looks for both forms. Many stems are searched as a
trie, the stems sharing a first letter sharing one branch: a flat list of alternatives is
tried one by one at every position, and the trie matches at the same places.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import regex


def with_voiced(stems: Iterable[str], voicing: Mapping[str, str]) -> set[str]:
    """``stems`` and each one ending in a voiceless final (п, к, қ) with it voiced as it is
    before a vowel; ``voicing`` maps the voiced letter to the voiceless one."""
    stems = set(stems)
    return stems | {stem[:-1] + soft for stem in stems
                    for soft, hard in voicing.items() if stem.endswith(hard)}


def alternation(words: Iterable[str]) -> str:
    """A regex group matching exactly ``words``, as a trie."""
    trie: dict = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}  # a word ends here
    return "(?:" + _branches(trie) + ")"


def _branches(node: dict) -> str:
    """The regex of what may follow a trie node, as one unit that can be appended to."""
    branches = [regex.escape(ch) + _branches(child) for ch, child in sorted(node.items()) if ch]
    if "" in node:  # a word may end here
        return f"(?:{'|'.join(branches)})?" if branches else ""
    return branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"


def spelled_alternation(words: Iterable[str], spellings: Mapping[str, Iterable[str]]) -> str:
    """A regex group matching every text that starts, once each of its pieces is read as
    one of its ``spellings`` (a piece of text -> what it may be read as), with one of
    ``words``: the trie of the words, with each edge the pieces that read as it. A reading
    of several letters may run past a word's end (a loanword stem)."""
    trie: dict = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    pieces = sorted(((piece, reading) for piece, readings in spellings.items()
                     for reading in readings if reading), key=lambda p: (-len(p[0]), p))
    return "(?:" + _spelled(trie, pieces) + ")"


def _spelled(node: dict, pieces: list[tuple[str, str]]) -> str:
    if "" in node:  # a word ends here: what follows does not matter
        return ""
    done: list[str] = []  # pieces whose reading completes a word
    onward: dict[int, tuple[dict, list[str]]] = {}  # id of the node reached -> (node, pieces)
    for piece, reading in pieces:
        at = node
        for ch in reading:
            if "" in at or ch not in at:
                break
            at = at[ch]
        else:
            if "" not in at:
                onward.setdefault(id(at), (at, []))[1].append(piece)
                continue
        if "" in at:
            done.append(piece)
    branches = [_either(done)] if done else []
    branches += [_either(found) + _spelled(child, pieces) for child, found in onward.values()]
    return "(?:" + "|".join(branches) + ")" if branches else "(?!)"


def _either(pieces: list[str]) -> str:
    unique = sorted(set(pieces), key=lambda p: (-len(p), p))
    return "(?:" + "|".join(map(regex.escape, unique)) + ")"
