"""Gold and labels files (narrative.evaluation.labels and the brat reader): a row naming a file outside
--texts is refused, a Latin-1 or binary file is one line naming it, for every evaluation command."""
import pytest

from narrative.cli import main

from support import BRAT_ANN as ANN, BRAT_TEXT as TEXT


# -- gold and labels files name texts inside --texts only, and are UTF-8 ---------------------------
OFFSET_HEADERS = {
    "eval-quotes": ("--gold", "file\tquote_start\tquote_end\tspeaker", "0\t5\tPeskov"),
    "validate-sides": ("--gold", "file\tspeaker_start\tspeaker_end\tcontent_start\tcontent_end\tside",
                       "0\t6\t12\t31\tkremlin"),
    "eval-frames": ("--labels", "file\tstart\tend\tside\tlabels", "0\t31\tkremlin\tachievement"),
    "validate-lexicon": ("--labels", "file\tstart\tend\tside\tlabels", "0\t31\tkremlin\tachievement"),
}


@pytest.fixture
def outside(tmp_path):
    """A texts folder, and a secret file beside it that a gold row must not reach."""
    texts = tmp_path / "texts"
    texts.mkdir()
    (texts / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "secret.txt").write_text("Peskov said the secret had leaked out of the folder.", encoding="utf-8")
    return texts


@pytest.mark.parametrize("command", sorted(OFFSET_HEADERS))
@pytest.mark.parametrize("name", ["../secret.txt", "/etc/passwd", "sub/../../secret.txt"])
def test_a_gold_row_naming_a_file_outside_texts_is_refused(command, name, outside, tmp_path, capsys):
    option, header, fields = OFFSET_HEADERS[command]
    gold = tmp_path / "gold.tsv"
    gold.write_text(f"{header}\na.txt\t{fields}\n{name}\t{fields}\n", encoding="utf-8")
    assert main([command, option, str(gold), "--texts", str(outside)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err == [f"narrative: {gold}, row 3: file name {name!r} leaves the --texts folder "
                   "(names must be relative, without '..')"]


@pytest.mark.parametrize("command", sorted(OFFSET_HEADERS))
@pytest.mark.parametrize("which", ["gold", "text"])
def test_a_latin1_or_binary_gold_file_or_text_is_one_line(command, which, outside, tmp_path, capsys):
    option, header, fields = OFFSET_HEADERS[command]
    gold = tmp_path / "gold.tsv"
    if which == "gold":
        gold.write_bytes(f"{header}\na.txt\t{fields}\n".encode("utf-8") + b"caf\xe9\t\x00\xff\n")
    else:
        gold.write_text(f"{header}\na.txt\t{fields}\n", encoding="utf-8")
        (outside / "a.txt").write_bytes(TEXT.encode("utf-8") + " caf\xe9".encode("latin-1"))
    assert main([command, option, str(gold), "--texts", str(outside)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "is not UTF-8 text (binary or Latin-1?)" in err[0] and "Traceback" not in err[0]
    assert str(gold) in err[0]


def test_a_brat_gold_folder_with_a_latin1_text_is_one_line(tmp_path, capsys):
    (tmp_path / "text").mkdir()
    (tmp_path / "attributions").mkdir()
    (tmp_path / "text" / "a.txt").write_bytes(TEXT.encode("utf-8") + " caf\xe9".encode("latin-1"))
    (tmp_path / "attributions" / "a_1.ann").write_text(ANN, encoding="utf-8")
    assert main(["eval-attribution", "--gold", str(tmp_path)]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith(f"narrative: {tmp_path / 'text' / 'a.txt'}: gold text is not UTF-8 text")
