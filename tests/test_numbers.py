"""NumberReader on its own: which words make one number, and its value (reference part B).

Each case is a phrase, the part of it that is read as the number (``span``), and the value;
the rest of the phrase is context the reader must stop before or look at.
"""

from __future__ import annotations

import pytest
import spacy

from extract.facts import format_number
from extract.kazakh.lexicon import load_lexicon
from extract.numbers.reader import Number, NumberReader
from extract.text.words import Word, sentence_words

NLP = spacy.blank("kk")
READER = NumberReader()


def words_of(text: str) -> list[Word]:
    words = sentence_words(NLP(text)[:])
    READER.mark_identifiers(words)
    return words


def read_at(text: str, start: str = "") -> tuple[Number | None, list[Word], str]:
    """Read the number at the first word that begins with ``start`` (default: the first)."""
    words = words_of(text)
    i = next(k for k, w in enumerate(words) if w.text.startswith(start)) if start else 0
    number = READER.read(words, i) if READER.starts_number(words[i]) else None
    span = text[words[number.start].start:words[number.end - 1].end] if number else ""
    return number, words, span


def check(text: str, span: str, value: str, value_max: str = "") -> Number:
    number, _, found = read_at(text, span.split()[0])
    assert number is not None, text
    assert (found, format_number(number.value), format_number(number.value_max)) == (
        span, value, value_max)
    return number


def case_of(number: Number) -> str:
    return load_lexicon().case_of.get(number.case, "")


# ---- cardinals in words --------------------------------------------------------------------

CARDINALS = [
    ("нөл адам", "нөл", "0"),
    ("бір адам", "бір", "1"),
    ("он бір адам", "он бір", "11"),
    ("жиырма бес адам", "жиырма бес", "25"),
    ("қырық адам", "қырық", "40"),
    ("тоқсан тоғыз адам", "тоқсан тоғыз", "99"),
    ("жүз адам", "жүз", "100"),
    ("жүз бір адам", "жүз бір", "101"),
    ("екі жүз он адам", "екі жүз он", "210"),
    ("тоғыз жүз тоқсан тоғыз адам", "тоғыз жүз тоқсан тоғыз", "999"),
    ("мың адам", "мың", "1000"),
    ("бір мың бір адам", "бір мың бір", "1001"),
    ("мың тоғыз жүз адам", "мың тоғыз жүз", "1900"),
    ("бір мың тоғыз жүз сексен алты адам", "бір мың тоғыз жүз сексен алты", "1986"),
    ("жүз елу мың адам", "жүз елу мың", "150000"),
    ("екі миллион бес жүз отыз төрт мың адам", "екі миллион бес жүз отыз төрт мың", "2534000"),
    ("бес жүз миллион теңге", "бес жүз миллион", "500000000"),
    ("бір триллион бір теңге", "бір триллион бір", "1000000000001"),
    ("жүз жиырма үш миллиард төрт жүз елу алты миллион жеті жүз сексен тоғыз мың он екі",
     "жүз жиырма үш миллиард төрт жүз елу алты миллион жеті жүз сексен тоғыз мың он екі",
     "123456789012"),
    ("бір квадриллион теңге", "бір квадриллион", "1000000000000000"),
    # in speech: он төрт жүз отыз = 1430
    ("он төрт жүз отыз адам", "он төрт жүз отыз", "1430"),
]


@pytest.mark.parametrize(("text", "span", "value"), CARDINALS)
def test_cardinal_words(text: str, span: str, value: str) -> None:
    check(text, span, value)


# two numbers side by side, not one: the reader stops where the grammar of compounds does
STOPS = [
    ("бес алты", "бес", "5"),  # a unit cannot follow a unit
    ("жиырма отыз", "жиырма", "20"),  # nor a ten a ten
    ("екі жүз жүз", "екі жүз", "200"),
    ("жиырма бесінші алты", "жиырма бесінші", "25"),  # only the last word carries a suffix
    ("мыңға екі", "мыңға", "1000"),  # a case ending closes the number
]


@pytest.mark.parametrize(("text", "span", "value"), STOPS)
def test_number_ends_where_compounds_end(text: str, span: str, value: str) -> None:
    check(text, span, value)


# ---- digits mixed with scale words ---------------------------------------------------------

MIXED = [
    ("2 мың адам", "2 мың", "2000"),
    ("1,5 млн теңге", "1,5 млн", "1500000"),
    ("3 жарым млрд теңге", "3 жарым млрд", "3500000000"),
    ("32,8 млрд теңге", "32,8 млрд", "32800000000"),
    ("35 млн. теңге", "35 млн.", "35000000"),
    ("150 000 теңге", "150 000", "150000"),
    ("3мыңнан аса", "3мыңнан", "3000"),
    ("5 трлн теңге", "5 трлн", "5000000000000"),
    ("бес жүз миллион теңге", "бес жүз миллион", "500000000"),
    ("1 млрд-қа жуық", "1 млрд-қа", "1000000000"),
    ("5000 мың", "5000", "5000"),  # a second number, not a scale
    ("5 мыңдық армия", "5 мыңдық", "5000"),  # the derived adjective of 5 мың
]


@pytest.mark.parametrize(("text", "span", "value"), MIXED)
def test_digits_with_scale_words(text: str, span: str, value: str) -> None:
    check(text, span, value)


# ---- spoken decimals (reference B2) ---------------------------------------------------------

DECIMALS = [
    ("бес бүтін оннан үш пайыз", "бес бүтін оннан үш", "5.3"),
    ("нөл бүтін жүзден сексен алты процент", "нөл бүтін жүзден сексен алты", "0.86"),
    ("екі бүтін жүзден жиырма бес процент", "екі бүтін жүзден жиырма бес", "2.25"),
    ("нөл бүтін мыңнан бір", "нөл бүтін мыңнан бір", "0.001"),
    ("тоқсан үш бүтін төрт миллиард теңге", "тоқсан үш бүтін төрт миллиард", "93400000000"),
    ("екі бүтін оннан үш триллион теңге", "екі бүтін оннан үш триллион", "2300000000000"),
    ("нөл бүтін бес миллион", "нөл бүтін бес миллион", "500000"),
    # num2words' convention: the decimal digits read as a number, leading zeros as нөл
    ("үш бүтін бес", "үш бүтін бес", "3.5"),
    ("екі бүтін жиырма бес", "екі бүтін жиырма бес", "2.25"),
    ("бір бүтін нөл бес", "бір бүтін нөл бес", "1.05"),
    ("нөл бүтін нөл жеті", "нөл бүтін нөл жеті", "0.07"),
    ("бес бүтін нөл нөл", "бес бүтін нөл нөл", "5"),
    # the particle де/да/те/та between the parts
    ("бір де жеті пайыз", "бір де жеті", "1.7"),
    ("он алты да тоғыз миллиард теңге", "он алты да тоғыз миллиард", "16900000000"),
    ("бес те алты пайызды", "бес те алты", "5.6"),
    ("бір де алпыс жеті миллиграмм", "бір де алпыс жеті", "1.67"),
    ("бір де бір миллион тоннаға", "бір де бір миллион", "1100000"),
    # after a round hundred or thousand де means "and"
    ("жүз де он тоғыз вагон", "жүз де он тоғыз", "119"),
    ("алты жүз да қырық төрт килограмм", "алты жүз да қырық төрт", "644"),
    ("мың да бір түн", "мың да бір", "1001"),
]


@pytest.mark.parametrize(("text", "span", "value"), DECIMALS)
def test_spoken_decimals(text: str, span: str, value: str) -> None:
    check(text, span, value)


NOT_DECIMALS = [
    ("нөл де үш есебімен ұтылды", "нөл", "0"),  # a score
    ("бес бүтін қала", "бес", "5"),  # бүтін "whole" before a noun
    ("бес бүтін оннан он бес", "бес", "5"),  # a numerator as big as the denominator
]


@pytest.mark.parametrize("word", [0, 2])
def test_bir_de_bir_not_a_single_one_is_no_number(word: int) -> None:
    words = words_of("бір де бір адам келмеді")
    assert READER.read(words, word) is None


@pytest.mark.parametrize(("text", "span", "value"), NOT_DECIMALS)
def test_phrases_of_decimal_shape_that_are_not_decimals(text: str, span: str, value: str
                                                        ) -> None:
    check(text, span, value)


# ---- halves, quarters and fractions ---------------------------------------------------------

HALVES = [
    ("үш жарым гектар", "үш жарым", "3.5"),
    ("бір жарым есе", "бір жарым", "1.5"),
    ("мың жарым адам", "мың жарым", "1500"),
    ("екі мың жарым тонна", "екі мың жарым", "2500"),
    ("үш жарым мың тонна", "үш жарым мың", "3500"),
    ("жарты миллион теңге", "жарты миллион", "500000"),
    ("ширек миллион теңге", "ширек миллион", "250000"),
    ("жарты 1000000-ға", "жарты 1000000-ға", "500000"),
    ("халықтың жартысы", "жартысы", "0.5"),
    ("жарты сағат", "жарты", "0.5"),
    ("ширек ғасыр", "ширек", "0.25"),
]


@pytest.mark.parametrize(("text", "span", "value"), HALVES)
def test_halves_and_quarters(text: str, span: str, value: str) -> None:
    check(text, span, value)


FRACTIONS = [
    ("халықтың үштен екісі", "үштен екісі", "0.666666666667"),
    ("халықтың үштен екі бөлігі", "үштен екі", "0.666666666667"),
    ("қаржының төрттен бірі", "төрттен бірі", "0.25"),
    ("өнімнің оннан біріне тең", "оннан біріне", "0.1"),
    ("халықтың төрттің бірі", "төрттің бірі", "0.25"),
    ("сатып алушылардың 3-тен 2-сі", "3-тен 2-сі", "0.666666666667"),
    ("оның 3-тен 1 бөлігі", "3-тен 1", "0.333333333333"),
    ("елдің жүзден бірі.", "жүзден бірі", "0.01"),
]


@pytest.mark.parametrize(("text", "span", "value"), FRACTIONS)
def test_fractions(text: str, span: str, value: str) -> None:
    number = check(text, span, value)
    assert number.fraction and number.stands_alone


NOT_FRACTIONS = [
    ("сексеннен алпыс шақырымға дейін", "сексеннен", "80"),  # from 80 to 60 km
    ("қырық мыңнан жиырма мың адамға дейін", "қырық мыңнан", "40000"),
    ("оннан беске дейін", "оннан", "10"),  # a range: the second number is in the dative
    ("6-дан 4-ке дейін", "6-дан", "6"),
    ("бестің бір адамы", "бестің", "5"),  # a genitive fraction needs the possessive
    ("үштен бесі", "үштен", "3"),  # the numerator must be smaller
]


@pytest.mark.parametrize(("text", "span", "value"), NOT_FRACTIONS)
def test_ablative_and_genitive_numbers_that_are_not_fractions(text: str, span: str, value: str
                                                              ) -> None:
    check(text, span, value)


# ---- collectives, approximations, ranges -----------------------------------------------------

COLLECTIVES = [
    ("олар екеу болды", "екеу", "2"),
    ("бесеуі жарақат алды", "бесеуі", "5"),
    ("алтау келді", "алтау", "6"),
    ("тоғызау келді", "тоғызау", "9"),
    ("балалардың 6-ауы", "6-ауы", "6"),
    ("олардың 2-еуі", "2-еуі", "2"),
    ("әріптесім екеуміз таптық", "екеуміз", "2"),
    ("екеуің де келіңдер", "екеуің", "2"),
    ("олардың біреуі келді", "біреуі", "1"),
    ("тәуелсіздігіміз біреу-ақ", "біреу-ақ", "1"),
    ("бір мың жетпіс біреуден", "бір мың жетпіс біреуден", "1071"),
]


@pytest.mark.parametrize(("text", "span", "value"), COLLECTIVES)
def test_collectives(text: str, span: str, value: str) -> None:
    assert check(text, span, value).collective


@pytest.mark.parametrize("text", ["біреу келді", "біреуге айтпа", "біреулер бар",
                                  "біреумен сөйлесті"])
def test_bireu_without_a_possessive_is_the_pronoun_someone(text: str) -> None:
    assert read_at(text)[0] is None


APPROXIMATIONS = [
    ("жүздеген адам", "жүздеген", "100"),
    ("мыңдаған адам", "мыңдаған", "1000"),
    ("миллиондаған адам", "миллиондаған", "1000000"),
    ("ондаған адам", "ондаған", "10"),
    ("жиырмадай адам", "жиырмадай", "20"),
    ("қырықтай адам", "қырықтай", "40"),
    ("мыңдай адам", "мыңдай", "1000"),
    ("жүз мыңдайы", "жүз мыңдайы", "100000"),
    ("900-дей адам", "900-дей", "900"),
    ("100-деген адам", "100-деген", "100"),
    ("жиырмалап адам", "жиырмалап", "20"),
    ("елулерде", "елулерде", "50"),
    ("миллиардтарды салды", "миллиардтарды", "1000000000"),
    ("он бірдей құжат", "он бірдей", "11"),
]


@pytest.mark.parametrize(("text", "span", "value"), APPROXIMATIONS)
def test_approximations(text: str, span: str, value: str) -> None:
    assert check(text, span, value).approximate


def test_exact_numbers_are_not_approximate() -> None:
    assert not check("жиырма бес адам", "жиырма бес", "25").approximate


RANGES = [
    ("бес-алты адам", "бес-алты", "5", "6"),
    ("екі-үш сағат", "екі-үш", "2", "3"),
    ("он бес-жиырма мың адам", "он бес-жиырма мың", "15000", "20000"),
    ("бес-алты мың адам", "бес-алты мың", "5000", "6000"),
    ("10-15-тен", "10-15-тен", "10", "15"),
    ("10 – 15 мың теңге", "10 – 15 мың", "10000", "15000"),
    ("бір – екі жұмадай", "бір – екі", "1", "2"),
    ("үш пен бес доллар", "үш пен бес", "3", "5"),
    ("2019 бен 2020 жылдары", "2019 бен 2020", "2019", "2020"),
    ("2017-2019 жылдар", "2017-2019", "2017", "2019"),
]


@pytest.mark.parametrize(("text", "span", "value", "value_max"), RANGES)
def test_paired_numbers_are_ranges(text: str, span: str, value: str, value_max: str) -> None:
    check(text, span, value, value_max)


@pytest.mark.parametrize(("text", "span"), [
    ("бір-біріне көмектесті", ""),  # "each other"
    ("алты-бес адам", ""),  # a range goes up
])
def test_hyphen_pairs_that_are_not_ranges(text: str, span: str) -> None:
    assert read_at(text)[2] == span


def test_a_decreasing_pair_with_a_conjunction_is_two_numbers() -> None:
    check("бес пен екі", "бес", "5")


# ---- suffixes on number words ---------------------------------------------------------------

SUFFIXED = [
    ("жүзге жуық", "жүзге", "100", "dative"),
    ("мыңнан астам", "мыңнан", "1000", "ablative"),
    ("жиырмаға жуық", "жиырмаға", "20", "dative"),
    ("қырыққа жуық", "қырыққа", "40", "dative"),
    ("елуге тарта", "елуге", "50", "dative"),
    ("сексеннен асқан", "сексеннен", "80", "ablative"),
    ("алпыстан асты", "алпыстан", "60", "ablative"),
    ("жетпіс бестің", "жетпіс бестің", "75", "genitive"),
    ("екіні", "екіні", "2", "accusative"),
    ("бесеуімен", "бесеуімен", "5", "instrumental"),
    ("бес миллиардқа", "бес миллиардқа", "5000000000", "dative"),
    ("бес миллиардтан", "бес миллиардтан", "5000000000", "ablative"),
    ("1 млрд-тан", "1 млрд-тан", "1000000000", "ablative"),
]


@pytest.mark.parametrize(("text", "span", "value", "case"), SUFFIXED)
def test_case_suffixes_on_number_words(text: str, span: str, value: str, case: str) -> None:
    assert case_of(check(text, span, value)) == case


@pytest.mark.parametrize(("text", "span", "value"), [
    ("екісі", "екісі", "2"), ("алтысы", "алтысы", "6"), ("бірі", "бірі", "1"),
    ("елуі", "елуі", "50"), ("жиырма бесі", "жиырма бесі", "25"),
])
def test_possessive_numbers_stand_alone(text: str, span: str, value: str) -> None:
    assert check(text, span, value).stands_alone


# ---- ordinals (reference B3) ----------------------------------------------------------------

ORDINALS = [
    ("бірінші орын", "бірінші", "1"),
    ("екінші кезең", "екінші", "2"),
    ("үшінші жаңғыру", "үшінші", "3"),
    ("алтыншы сынып", "алтыншы", "6"),
    ("тоғызыншы сынып", "тоғызыншы", "9"),
    ("оныншы сынып", "оныншы", "10"),
    ("жиырмасыншы ғасыр", "жиырмасыншы", "20"),
    ("қырқыншы рет", "қырқыншы", "40"),
    ("елуінші рет", "елуінші", "50"),
    ("жетпісінші жыл", "жетпісінші", "70"),
    ("тоқсаныншы жыл", "тоқсаныншы", "90"),
    ("жүзінші рет", "жүзінші", "100"),
    ("мыңыншы рет", "мыңыншы", "1000"),
    ("жиырма бірінші ғасыр", "жиырма бірінші", "21"),
    ("бір мың отыз үшінші", "бір мың отыз үшінші", "1033"),
    ("бес жүз мыңыншы тұрғын", "бес жүз мыңыншы", "500000"),
    ("біріншіден , бұл", "біріншіден", "1"),
    ("екіншісі келді", "екіншісі", "2"),
    ("1-інші орын", "1-інші", "1"),
    ("2-нші кезекте", "2-нші", "2"),
    ("6-ншы сынып", "6-ншы", "6"),
    ("179-ыншы орын", "179-ыншы", "179"),
    ("1-ші орын", "1-ші", "1"),
    ("42-ші минутта", "42-ші", "42"),
    ("39-шы сатыда", "39-шы", "39"),
    ("2-ншіден бастап", "2-ншіден", "2"),
    ("3-іншісі", "3-іншісі", "3"),
    ("ХХІ ғасыр", "ХХІ", "21"),  # Cyrillic Х and І
    ("XXI ғасырдың", "XXI", "21"),
    ("III томы", "III", "3"),
    ("IV тарау", "IV", "4"),
    ("VII сыныпта", "VII", "7"),
    ("№5 бұйрық", "№5", "5"),
    ("№ 5 бұйрық", "№ 5", "5"),
]


@pytest.mark.parametrize(("text", "span", "value"), ORDINALS)
def test_ordinals(text: str, span: str, value: str) -> None:
    assert check(text, span, value).ordinal


@pytest.mark.parametrize("text", ["бір адам", "он адам", "жиырма адам", "1 адам", "42 минут"])
def test_cardinals_are_not_ordinals(text: str) -> None:
    assert not read_at(text)[0].ordinal


def test_roman_ranges_before_their_noun() -> None:
    assert check("X-XII ғасырларда", "X-XII", "10", "12").ordinal
    assert check("XIX – XX ғасырлар", "XIX – XX", "19", "20").ordinal


@pytest.mark.parametrize(("text", "word"), [
    ("Петр I патша болды", "I"),  # a regnal number: part of a name
    ("C тобы жеңді", "C"),  # group C
    ("MCMXCIV ж. салынған", "MCMXCIV"),  # not before a noun that takes a Roman ordinal
    ("IIII том", "IIII"),  # not a well-formed numeral
    ("IC том", "IC"),
    ("XII-X ғасырлар", "XII-X"),  # a range goes up
])
def test_roman_letters_that_are_not_ordinals(text: str, word: str) -> None:
    assert read_at(text, word)[0] is None


# ---- what is not a number -------------------------------------------------------------------

NOT_NUMBERS = [
    ("оның үйі", "оның"), ("онда тұрады", "онда"), ("бұл үшін", "үшін"),
    ("бірақ келмеді", "бірақ"), ("ондай адам", "ондай"), ("ондайда", "ондайда"),
    ("онша емес", "онша"), ("бірге барды", "бірге"), ("жүзеге асырылды", "жүзеге"),
    ("осы бірліктің арқасында", "бірліктің"), ("ең көп төрттікті", "төрттікті"),
    ("ел бесігі", "бесігі"), ("жер жүзін шарлайды", "жүзін"), ("жүзім жеді", "жүзім"),
    ("жетімдерге көмек", "жетімдерге"), ("бірнеше адам", "бірнеше"),
    ("жол жартылай жабылды", "жартылай"),
    ("бірінші тоқсанда", "тоқсанда"), ("соңғы тоқсанда", "тоқсанда"),
    ("1-інші тоқсанда", "тоқсанда"),
    ("бірінші ширегінде", "ширегінде"), ("соңғы ширегінде", "ширегінде"),
]


@pytest.mark.parametrize(("text", "word"), NOT_NUMBERS)
def test_homographs_of_number_words(text: str, word: str) -> None:
    number, words, _ = read_at(text, word)
    assert number is None


def test_homographs_read_as_numbers_inside_a_compound() -> None:
    check("бір мың жеті жүзі жетімдер", "бір мың жеті жүзі", "1700")
    check("қырық бірде", "қырық бірде", "41")
    check("жиырма бірге дейін", "жиырма бірге", "21")
    check("жиырма үшін", "жиырма", "20")  # үшін "for" never is
    check("жиырма төрттік сағаттық", "жиырма төрттік", "24")


IDENTIFIERS = [
    ("№55 шахта жабылды", "№55"),
    ("Ол №82 мектепте оқиды", "№82"),
    ("Ол № 82 мектепте оқиды", "№"),
    ("Ол 105-мектепте оқиды", "105-мектепте"),
    ("Nikkei 225 индексі өсті", "225"),
    ("iPhone 15 шықты", "15"),
    ("Телефон: +7 701 123 45 67.", "+7"),
    ("Телефон: +7 701 123 45 67.", "701"),
    ("Телефон: +7 701 123 45 67.", "45"),
    ("Телефон 8 (727) 123-45-67.", "8"),
    ("Телефон 8 (727) 123-45-67.", "727"),
    ("Тел. 123-45-67.", "123-45-67"),
    ("Анықтама 8 701 123 4567 нөмірінде.", "8"),
    ("Мақала ID 123456 жарияланды.", "123456"),
    ("Мақала ID: 123456 жарияланды.", "123456"),
    ("Оның ЖСН 900101300123.", "900101300123"),
    ("Пошта индексі 050000.", "050000"),
]


@pytest.mark.parametrize(("text", "word"), IDENTIFIERS)
def test_digits_that_identify_are_not_numbers(text: str, word: str) -> None:
    number, words, _ = read_at(text, word)
    assert number is None


@pytest.mark.parametrize(("text", "span", "value"), [
    ("SpaceX 2024 жылы ұшырды", "2024", "2024"),  # a year after a name is a date
    ("87000000000 теңге", "87000000000", "87000000000"),  # 11 digits but no groups: an amount
    ("8 701 адам", "8 701", "8701"),  # groups of three: thousands
    ("№5 бұйрық", "№5", "5"),
    ("55 шахта жабылды", "55", "55"),  # no №: fifty-five mines
])
def test_lookalikes_of_identifiers_are_numbers(text: str, span: str, value: str) -> None:
    check(text, span, value)


# ---- like_num ------------------------------------------------------------------------------

@pytest.mark.parametrize(("word", "expected"), [
    ("бесеуі", True), ("жүздеген", True), ("жиырмасыншы", True), ("млн.", True),
    ("ондай", False), ("бірлік", False), ("жетім", False), ("біреу", False),
])
def test_like_num_follows_the_reader(word: str, expected: bool) -> None:
    assert NLP(word)[0].like_num is expected
