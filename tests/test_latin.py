"""Latin-script Kazakh: the 2018 and 2021 alphabets and ASCII read like Cyrillic.

The Latin sentences were written by hand from the letter tables of the reference (B11, B1).
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from extract import find_facts
from extract.kazakh.latin import Transliterator, is_latin

HERE = Path(__file__).parent / "latin"

# (Cyrillic, 2018 Latin, 2021 Latin): the same sentence in the three spellings.
SENTENCES = [
    ("Биыл қазынадан 35 млрд теңге бөлінді.",
     "Bıyl qazynadan 35 mlrd teńge bólindi.",
     "Biyl qazynadan 35 mlrd teñge bölındı."),
    ("Жобаға 32,8 миллиард теңгеден астам қаржы жұмсалды.",
     "Jobaǵa 32,8 mıllıard teńgeden astam qarjy jumsaldy.",
     "Jobağa 32,8 milliard teñgeden astam qarjy jūmsaldy."),
    ("Кемінде 3 трлн теңге қажет, оның 2 млн доллары шетелден келеді.",
     "Keminde 3 trln teńge qajet, onyń 2 mln dollary shetelden keledi.",
     "Kemınde 3 trln teñge qajet, onyñ 2 mln dollary şetelden keledı."),
    ("Бағасы 500 доллар немесе 450 еуро болды.",
     "Baǵasy 500 dollar nemese 450 eýro boldy.",
     "Bağasy 500 dollar nemese 450 euro boldy."),
    ("Табыс 15-25%-ке өсті, ал шығын 30%-ға дейін азайды.",
     "Tabys 15-25%-ke ósti, al shyǵyn 30%-ǵa deıin azaıdy.",
     "Tabys 15-25%-ke östı, al şyğyn 30%-ğa deiın azaidy."),
    ("Тұрғындардың жиырма бес пайызы интернетке қосылды.",
     "Turǵyndardyń jıyrma bes paıyzy ınternetke qosyldy.",
     "Tūrğyndardyñ jiyrma bes paiyzy internetke qosyldy."),
    ("Ел 193 мемлекеттің ішінде 29-орынға көтерілді.",
     "El 193 memlekettiń ishinde 29-orynǵa kóterildi.",
     "El 193 memlekettıñ ışınde 29-orynğa köterıldı."),
    ("Команда бірінші орын алды, ал біз 67 орында тұрмыз.",
     "Komanda birinshi oryn aldy, al biz 67 orynda turmyz.",
     "Komanda bırınşı oryn aldy, al bız 67 orynda tūrmyz."),
    ("Елде 523 мыңнан астам адам жұмысқа орналасты.",
     "Elde 523 myńnan astam adam jumysqa ornalasty.",
     "Elde 523 myñnan astam adam jūmysqa ornalasty."),
    ("Интернет 2 мыңға жуық ауылда жоқ, ал 100-ден аса қалада бар.",
     "Internet 2 myńǵa jýyq aýylda joq, al 100-den asa qalada bar.",
     "Internet 2 myñğa juyq auylda joq, al 100-den asa qalada bar."),
    ("Шамамен мың тоғыз жүз сексен алты оқушы келді.",
     "Shamamen myń toǵyz júz seksen alty oqýshy keldi.",
     "Şamamen myñ toğyz jüz seksen alty oquşy keldı."),
    ("Кезек 31 күннен 10 күнге дейін қысқарды.",
     "Kezek 31 kúnnen 10 kúnge deıin qysqardy.",
     "Kezek 31 künnen 10 künge deiın qysqardy."),
    ("Жол 120 шақырымға созылады, ал егістік 5 мың гектар.",
     "Jol 120 shaqyrymǵa sozylady, al egistik 5 myń gektar.",
     "Jol 120 şaqyrymğa sozylady, al egıstık 5 myñ gektar."),
    ("Жұмыс 2017-2019 жылдары екі кезеңмен жүрді.",
     "Jumys 2017-2019 jyldary eki kezeńmen júrdi.",
     "Jūmys 2017-2019 jyldary ekı kezeñmen jürdı."),
    ("Биыл 5 млрд. теңге, 2019 ж. 70 млн. теңге бөлінді.",
     "Bıyl 5 mlrd. teńge, 2019 j. 70 mln. teńge bólindi.",
     "Biyl 5 mlrd. teñge, 2019 j. 70 mln. teñge bölındı."),
    ("2019 жылғы 31 қаңтардағы шешім.",
     "2019 jylǵy 31 qańtardaǵy sheshim.",
     "2019 jylğy 31 qañtardağy şeşım."),
]


def _key(fact) -> tuple:  # noqa: ANN001
    return (fact.type, fact.value, fact.value_max, fact.unit, fact.qualifier, fact.total)


def _check_offsets(text: str, facts: list) -> None:
    for fact in facts:
        assert text[fact.start:fact.end] == fact.span


@pytest.mark.parametrize("cyrillic, latin2018, latin2021", SENTENCES,
                         ids=[s[0][:24] for s in SENTENCES])
def test_same_facts_in_three_spellings(cyrillic: str, latin2018: str, latin2021: str) -> None:
    expected = find_facts(cyrillic)
    assert expected, "the Cyrillic sentence must have facts to compare"
    for latin in (latin2018, latin2021):
        facts = find_facts(latin)
        _check_offsets(latin, facts)
        assert [_key(f) for f in facts] == [_key(f) for f in expected], latin


@pytest.mark.parametrize("column", [1, 2], ids=["2018", "2021"])
def test_subject_stays_in_the_sentence_script(column: int) -> None:
    transliterator = Transliterator()
    for row in SENTENCES:
        latin = row[column]
        alphabet = transliterator.alphabet(latin)
        for fact, cyrillic in zip(find_facts(latin), find_facts(row[0]), strict=True):
            assert is_latin(fact.subject) or not fact.subject
            assert fact.subject.lower() in latin.lower()
            # read back in Cyrillic, the Latin subject is the Cyrillic one
            assert transliterator.transliterate(fact.subject, alphabet).cyrillic == \
                cyrillic.subject


def test_named_subjects() -> None:
    assert [f.subject for f in find_facts(SENTENCES[9][1])] == ["aýyl", "qala"]
    assert [f.subject for f in find_facts(SENTENCES[9][2])] == ["auyl", "qala"]
    rank = find_facts(SENTENCES[6][2])[-1]
    assert (rank.span, rank.subject, rank.total) == ("29-orynğa", "oryn", "193")


@pytest.mark.parametrize("spelling", ["2018", "2021"])
def test_latin_article_equals_its_cyrillic_original(spelling: str) -> None:
    """An article with money, percentages and a ranking, fact for fact."""
    cyrillic = find_facts((HERE / "article_cyrillic.txt").read_text("utf-8"))
    text = (HERE / f"article_{spelling}.txt").read_text("utf-8")
    latin = find_facts(text)
    _check_offsets(text, latin)
    assert {f.type for f in cyrillic} >= {"MONEY", "PERCENT", "RANK"}
    assert [_key(f) for f in latin] == [_key(f) for f in cyrillic]
    assert [bool(f.subject) for f in latin] == [bool(f.subject) for f in cyrillic]


def test_ascii_fallbacks() -> None:
    cyrillic = "Биыл 35 млрд тенге бөлінді, табыс 30 пайызға өсті, ал ел 29-орынға көтерілді."
    ascii_text = "Biyl 35 mlrd tenge bolindi, tabys 30 paiyzga osti, al el 29-orynga koterildi."
    facts = find_facts(ascii_text)
    assert [_key(f) for f in facts] == [_key(f) for f in find_facts(cyrillic)]
    assert [f.type for f in facts] == ["MONEY", "PERCENT", "RANK"]
    assert facts[-1].subject == "oryn"


def test_suffixed_percent_and_ablative_in_ascii() -> None:
    facts = find_facts("Baga 30%-ga deiin osti, 100-den asa mektep bar.")
    assert [(f.span, f.type, f.value, f.qualifier) for f in facts] == [
        ("30%-ga deiin", "PERCENT", "30", "le"), ("100-den asa", "CARDINAL", "100", "gt")]


def test_mixed_document_is_read_sentence_by_sentence() -> None:
    text = ("Биыл 35 млрд теңге бөлінді. Elde 523 myńnan astam adam jumysqa ornalasty. "
            "Ел 193 мемлекеттің ішінде 29-орынға көтерілді.")
    facts = find_facts(text)
    _check_offsets(text, facts)
    assert [(f.type, f.value, f.subject) for f in facts] == [
        ("MONEY", "35000000000", ""), ("CARDINAL", "523000", "adam"),
        ("CARDINAL", "193", "мемлекет"), ("RANK", "29", "орын")]


def test_latin_words_the_lexicon_knows_stay_latin() -> None:
    """Currency codes are not transliterated (USD would become УСД)."""
    transliterator = Transliterator()
    result = transliterator.transliterate("5 mln USD, 20 KZT-ge", transliterator.alphabets["2021"])
    assert result.cyrillic == "5 млн USD, 20 KZT-ге"
    latin = find_facts("Kompaniia 5 mln USD tabys taptı.")
    cyrillic = find_facts("Компания 5 млн USD табыс тапты.")
    assert latin and [_key(f) for f in latin] == [_key(f) for f in cyrillic]


def test_decomposed_accents() -> None:
    """ń typed as n + a combining acute accent reads the same; offsets stay exact."""
    composed = "Elde 523 myńnan astam adam jumysqa ornalasty."
    decomposed = unicodedata.normalize("NFD", composed)
    assert decomposed != composed
    facts = find_facts(decomposed)
    _check_offsets(decomposed, facts)
    assert [_key(f) for f in facts] == [_key(f) for f in find_facts(composed)]


def test_letters_of_the_other_alphabet_in_one_sentence() -> None:
    """A writer who mixes ǵ (2018) and ü (2021) in one sentence is still read."""
    mixed = "Keme 5 km/saǵ jyldamdyqpen jüzıp, 30%-ğa ósti."
    cyrillic = "Кеме 5 км/сағ жылдамдықпен жүзіп, 30%-ға өсті."
    assert [_key(f) for f in find_facts(mixed)] == [_key(f) for f in find_facts(cyrillic)]
    assert [f.type for f in find_facts(mixed)] == ["QUANTITY", "PERCENT"]


def test_ascii_with_sh_is_not_read_as_2018() -> None:
    """sh and ch are 2018 digraphs, but ASCII writes them too: a sentence without any 2018
    mark is ASCII, where g before a back vowel is ғ (orynga)."""
    ascii_text = "Qazaqstan 193 memlekettin ishinde 29-orynga koterildi."
    assert Transliterator().alphabet(ascii_text).name == "ascii"
    facts = find_facts(ascii_text)
    assert [(f.type, f.value, f.total) for f in facts] == [
        ("CARDINAL", "193", ""), ("RANK", "29", "193")]


def test_alphabet_choice() -> None:
    transliterator = Transliterator()
    assert transliterator.alphabet("Bıyl 35 mlrd teńge").name == "2018"
    assert transliterator.alphabet("Biyl 35 mlrd teñge").name == "2021"
    assert transliterator.alphabet("Biyl 35 mlrd tenge").name == "ascii"
    # no marks in the sentence: the document decides
    assert transliterator.alphabet("eki adam", "Bıyl teńge. eki adam").name == "2018"


@pytest.mark.parametrize("latin, alphabet, cyrillic", [
    ("jıyrma", "2018", "жиырма"), ("deıin", "2018", "дейін"), ("mıllıon", "2018", "миллион"),
    ("jiyrma", "2021", "жиырма"), ("deiın", "2021", "дейін"), ("million", "2021", "миллион"),
    ("úsh", "2018", "үш"), ("üş", "2021", "үш"), ("Shymkent", "2018", "Шымкент"),
    # й + а is written я, as in Cyrillic (Италия; азаяды of azaıady)
    ("Işınde", "2021", "Ішінде"), ("İtaliia", "2021", "Италия"), ("azaıady", "2018", "азаяды"),
    ("azaıýy", "2018", "азаюы"), ("protsentke", "2021", "процентке"),
    ("paiyzga", "ascii", "пайызға"), ("100-ka", "ascii", "100-қа"), ("km", "2021", "км"),
    # a word's last letter has no vowel after it: i stays і, g stays г
    ("birinshi", "ascii", "бірінші"), ("ekinshi", "ascii", "екінші"),
])
def test_letters(latin: str, alphabet: str, cyrillic: str) -> None:
    transliterator = Transliterator()
    result = transliterator.transliterate(latin, transliterator.alphabets[alphabet])
    assert result.cyrillic == cyrillic
    assert len(result.starts) == len(result.cyrillic) + 1


def test_offset_map_points_into_the_original() -> None:
    transliterator = Transliterator()
    result = transliterator.transliterate("shaqyrymǵa", transliterator.alphabets["2018"])
    assert result.cyrillic == "шақырымға"
    assert result.original_slice(0, 7) == "shaqyrym"  # ш is two letters, sh


def test_cyrillic_sentence_with_latin_names_stays_cyrillic() -> None:
    assert not is_latin("Kaspi.kz компаниясы 2020 жылы 5 млрд теңге тапты.")
    assert is_latin("Kaspi.kz kompanııasy 2020 jyly 5 mlrd teńge tapty.")
