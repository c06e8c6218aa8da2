"""The per-word memories stay bounded without forgetting everything at once."""

from extract.kazakh.memo import WordMemo


def test_a_full_memory_forgets_its_older_half():
    memo: WordMemo[str, int] = WordMemo(limit=4)
    for k, word in enumerate("абвг"):
        memo.remember(word, k)
    memo.remember("д", 4)
    assert dict(memo) == {"в": 2, "г": 3, "д": 4}


def test_the_stem_sets_read_against_are_few_and_built_once():
    from extract.kazakh.analysis import ANALYZER
    from extract.relations.document import find_facts

    find_facts("Кодекстің 128-інші бабы. 19-ыншы съезі. Қаржы министрінің 1-інші орынбасары.")
    before = ANALYZER.categories
    # other forms of the nouns: read anew, against the same sets
    find_facts("Кодекстің 129-ыншы бабында. 20-сыншы съезінде. Үкіметтің 2-інші орынбасарына.")
    assert ANALYZER.categories == before


def test_dates_read_seasons_and_year_parts_against_sets_built_once():
    from extract.kazakh.analysis import ANALYZER
    from extract.relations.document import find_facts

    find_facts("Күздің екінші айында. 2023 жылдың үшінші тоқсанында.")
    before = ANALYZER.categories
    find_facts("Көктемнің үшінші айында. 2024 жылдың бірінші жартыжылдығында.")
    assert ANALYZER.categories == before
