"""``extract.facts_frame`` and ``extract.changes_frame``: typed pandas DataFrames of facts and
changes, ready for ``df.pipe``."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from extract import CHANGE_COLUMNS, COLUMNS, changes_frame, facts_frame, find_changes, find_facts
from extract.outputs.tables import CHANGE_NUMBERS

from .stand_in import stand_in  # noqa: F401  (a fixture)

ROOT = Path(__file__).resolve().parent.parent
SEED = next((ROOT / "seeds").glob("*.txt")).read_text("utf-8")
TEXTS = {"seed": SEED,
         "latin": "Bıyl 35 mlrd teńge bólindi, tabys 15-25%-ke ósti, 2019 jyly 29-orynǵa shyqty.",
         "none": "Бұл сөйлемде сан жоқ."}


def test_rows_are_the_facts_of_each_text() -> None:
    frame = pd.Series(TEXTS).pipe(facts_frame)
    assert list(frame.columns) == [*COLUMNS, "value_num", "value_max_num"]
    for doc, text in TEXTS.items():
        rows = frame[frame.doc == doc].drop(columns=["doc", "value_num", "value_max_num"])
        expected = [f.row(doc) for f in find_facts(text)]
        got = rows.astype(object).where(rows.notna(), "").to_dict("records")
        assert [{**r, "total": str(r["total"])} for r in got] == \
            [{k: v for k, v in e.items() if k != "doc"} for e in expected]


def test_dtypes() -> None:
    frame = facts_frame(list(TEXTS.values()))
    assert frame.start.dtype == np.int64 and frame.end.dtype == np.int64
    assert isinstance(frame.type.dtype, pd.CategoricalDtype)
    assert "TIME" in frame.type.cat.categories  # every type, present or not
    assert frame.value_num.dtype == np.float64 and frame.value_max_num.dtype == np.float64
    assert str(frame.total.dtype) == "Int64"
    assert frame.doc.tolist()[0] == 0  # default ids: positions


def test_numbers_and_dates() -> None:
    frame = facts_frame([SEED])
    money = frame[frame.type == "MONEY"]
    assert money.value_num.tolist() == [35e9, 32.8e9]
    dates = frame[frame.type == "DATE"]
    assert dates.value_num.isna().all()
    assert "2017-01-31" in dates.value.tolist()  # the ISO string stays
    percent = frame[frame.span == "15-25%-ке"].iloc[0]
    assert (percent.value_num, percent.value_max_num) == (15.0, 25.0)
    rank = frame[frame.span == "29-орынға"].iloc[0]
    assert rank.total == 193


def test_dataframe_input_with_id_column() -> None:
    articles = pd.DataFrame({"url": ["https://a", "https://b"],
                             "body": ["Биыл 35 млрд теңге жұмсалды.", "5 доллар."]})
    frame = articles.pipe(facts_frame, text_column="body", id_column="url")
    assert frame[["doc", "span", "unit"]].values.tolist() == [
        ["https://a", "35 млрд теңге", "KZT"], ["https://b", "5 доллар", "USD"]]


def test_money_per_document_chain() -> None:
    money = (pd.Series(TEXTS).pipe(facts_frame)
             .query("type == 'MONEY'")
             .groupby(["doc", "unit"], observed=True).value_num.sum())
    assert money.to_dict() == {("latin", "KZT"): 35e9, ("seed", "KZT"): 67.8e9}


def test_empty_and_mismatched_input() -> None:
    empty = facts_frame([])
    assert empty.empty and list(empty.columns) == [*COLUMNS, "value_num", "value_max_num"]
    assert empty.start.dtype == np.int64
    with pytest.raises(ValueError, match="2 ids for 1 texts"):
        facts_frame(["5 доллар."], ids=["a", "b"])


def test_relative_dates_on_request() -> None:
    texts = ["Биыл 5 млн теңге бөлінді."]
    assert list(facts_frame(texts)["span"]) == ["5 млн теңге"]
    assert list(facts_frame(texts, relative_dates=True)["span"]) == ["Биыл", "5 млн теңге"]


def test_a_frame_reads_a_text_over_spacys_max_length():
    long_text = "Бюджетке 35 млрд теңге бөлінді.\n" * 35_000
    frame = facts_frame(["5 мың теңге", long_text])
    assert frame["span"].tolist()[:2] == ["5 мың теңге", "35 млрд теңге"]
    assert (frame["doc"] == 1).sum() == 35_000


def test_period_is_a_string_column(stand_in) -> None:  # noqa: F811
    frame = facts_frame([SEED])
    assert str(frame.period.dtype) == "string"
    assert frame.set_index("span").period["29-орынға"] == "2020"
    assert frame.period.tolist() == [f.period for f in find_facts(SEED)]


def test_changes_frame_is_typed(stand_in) -> None:  # noqa: F811
    texts = {"seed": SEED, "money": "Бағасы 2,5 мың теңгеден 5 мың теңгеге өсті.",
             "none": "Бұл сөйлемде сан жоқ."}
    frame = pd.Series(texts).pipe(changes_frame)
    numeric = [f"{name}_num" for name in CHANGE_NUMBERS]
    assert list(frame.columns) == [*CHANGE_COLUMNS, *numeric]
    expected = [c.row(doc) for doc, text in texts.items() for c in find_changes(text)]
    got = frame[list(CHANGE_COLUMNS)].astype(object).to_dict("records")
    assert got == expected and len(got) > 3
    assert frame.start.dtype == np.int64 and frame.end.dtype == np.int64
    assert isinstance(frame.direction.dtype, pd.CategoricalDtype)
    assert isinstance(frame.type.dtype, pd.CategoricalDtype)
    assert all(frame[column].dtype == np.float64 for column in numeric)
    money = frame[frame.doc == "money"].iloc[0]
    assert (money.from_value_num, money.to_value_num, money.by_value_num, money.factor_num) == (
        2500.0, 5000.0, 2500.0, 2.0)
    assert np.isnan(money.by_value_max_num)
    spread = frame[frame.span == "15-25%-ке"].iloc[0]
    assert (spread.by_value_num, spread.by_value_max_num) == (15.0, 25.0)


def test_an_empty_changes_frame_is_typed() -> None:
    frame = changes_frame(["Бұл сөйлемде сан жоқ."], ids=["a"])
    assert frame.empty and frame.start.dtype == np.int64
    assert frame.by_value_num.dtype == np.float64
