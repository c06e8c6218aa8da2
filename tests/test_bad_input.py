"""Bad input gets a one-line error naming the input and the reason; other inputs still
come out; the exit status is non-zero; no traceback."""

import csv
import io

from click.testing import CliRunner

from extract.cli.main import main

GOOD = "Бағдарламаға 35 млрд теңге бөлінді.\n"


def run(args, **kwargs):
    return CliRunner().invoke(main, args, **kwargs)


def errors(result) -> list[str]:
    """Error lines on stderr (not the batch's closing summary line)."""
    return [line for line in result.stderr.splitlines()
            if line and not line.startswith("kazextract: done:")]


def docs(result) -> list[str]:
    return [row["doc"] for row in csv.DictReader(io.StringIO(result.stdout))]


def make_folder(tmp_path):
    (tmp_path / "a_good.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "b_empty.txt").write_bytes(b"")
    (tmp_path / "c_binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    # Latin-1 text: no Kazakh or Russian code page reads it without mojibake
    (tmp_path / "d_latin1.txt").write_bytes("Le budget a dépassé 5 millions".encode("latin-1"))
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "e_bom.txt").write_bytes(b"\xef\xbb\xbf" + GOOD.encode())
    return tmp_path


def test_bad_files_are_reported_and_good_ones_still_processed(tmp_path):
    result = run(["extract", str(make_folder(tmp_path))])
    assert result.exit_code == 1
    assert docs(result) == ["a_good.txt", "sub/e_bom.txt"]
    lines = errors(result)
    assert len(lines) == 3
    assert any("b_empty.txt" in line and "empty" in line for line in lines)
    assert any("c_binary.txt" in line and "binary" in line for line in lines)
    assert any("d_latin1.txt" in line and "not UTF-8" in line for line in lines)
    assert "Traceback" not in result.output


def test_missing_path_and_folder_without_txt(tmp_path):
    (tmp_path / "empty_dir").mkdir()
    good = tmp_path / "good.txt"
    good.write_text(GOOD, encoding="utf-8")
    result = run(["extract", str(tmp_path / "nope.txt"), str(tmp_path / "empty_dir"), str(good)])
    assert result.exit_code == 1
    assert docs(result) == [str(good)]  # named alone: the path as given
    lines = errors(result)
    assert any("nope.txt" in line and "no such file" in line for line in lines)
    assert any("empty_dir" in line and "no .txt files" in line for line in lines)


def test_all_good_exits_zero(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(GOOD, encoding="utf-8")
    result = run(["extract", str(good)])
    assert result.exit_code == 0 and not errors(result)
