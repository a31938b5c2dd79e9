import pytest

from narrative.actors import load_actors
from narrative.errors import InputError

RESOLVE = [
    ("Kremlin Spokesman Dmitry Peskov", "Dmitry Peskov", "kremlin"),
    ("Russian President Vladimir Putin", "Vladimir Putin", "kremlin"),
    ("General Valery Gerasimov, the Chief of the General Staff of the Russian Armed Forces", "Valery Gerasimov", "kremlin"),
    ("the Kremlin", "the Kremlin", "kremlin"),
    ("The Kremlin", "the Kremlin", "kremlin"),
    ("Russia", "Russia", "kremlin"),
    ("Moscow", "Russia", "kremlin"),
    ("the Ukrainian military", "Ukrainian military", "ukraine"),
    ("Andriy Kovalenko, head of the Ukraine Counter-Disinformation Center", "Andriy Kovalenko", "ukraine"),
    ("President Volodymyr Zelenskyy", "Volodymyr Zelenskyy", "ukraine"),
    ("President Donald Trump's special envoy Steve Witkoff", "Steve Witkoff", "us"),
]


@pytest.mark.parametrize("mention,name,side", RESOLVE)
def test_resolve(mention, name, side):
    actor = load_actors().resolve(mention)
    assert (actor.name, actor.side) == (name, side)


def test_unknown_mention():
    assert load_actors().resolve("a senior Western diplomat") is None


def test_publishers_give_demo_sides():
    assert load_actors().source_sides()["putin"] == "kremlin"
    assert load_actors().source_sides()["zelenskyy"] == "ukraine"


def test_user_file_with_new_side(tmp_path):
    path = tmp_path / "actors.yaml"
    path.write_text("actors:\n  - name: Kaja Kallas\n    side: eu\n    gender: f\n    aliases: [Kallas]\n", encoding="utf-8")
    actors = load_actors(path)
    assert actors.resolve("EU foreign policy chief Kallas").side == "eu"


@pytest.mark.parametrize("content,fragment", [
    ("actors: [\n", "invalid YAML"),
    ("people: []\n", "top-level 'actors:'"),
    ("actors:\n  - name: X\n", "row 1: each actor needs"),
])
def test_bad_actors_file(tmp_path, content, fragment):
    path = tmp_path / "a.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError) as info:
        load_actors(path)
    assert fragment in str(info.value)


def test_cli_actors_lists_who_speaks_for_which_side(tmp_path, capsys):
    """The audit table of the composed news paragraph: resolved actors with their sides and mentions."""
    import pandas as pd

    from narrative.cli import main

    from conftest import NEWS

    src = tmp_path / "news.csv"
    pd.DataFrame({"text": [NEWS, NEWS]}).to_csv(src, index=False)
    assert main(["actors", str(src), "-o", str(tmp_path / "a.csv"), "--jobs", "1"]) == 0
    table = pd.read_csv(tmp_path / "a.csv", keep_default_na=False).set_index("actor")
    assert table.loc["Dmitry Peskov", "side"] == "kremlin" and table.loc["Dmitry Peskov", "documents"] == 2
    assert table.loc["Andriy Kovalenko", "side"] == "ukraine"
    assert "He (2)" in table.loc["Andriy Kovalenko", "mentions"]  # the pronoun resolved to him in both copies
    assert (table["claims"].diff().dropna() <= 0).all()  # most claims first
    assert "claims by side: " in capsys.readouterr().err
