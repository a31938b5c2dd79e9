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
    ("President Donald Trump's special envoy Steve Witkoff", "Steve Witkoff", "other"),
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


def test_the_gazetteer_adds_office_holders_with_spelling_variants():
    from narrative.actors import load_actors

    actors = load_actors()
    # from Wikidata via every-politician-scrapers (officials.csv), not listed in actors.yaml
    shmyhal = actors.resolve("Prime Minister Denys Shmyhal")
    assert (shmyhal.name, shmyhal.side, shmyhal.gender, shmyhal.source) == (
        "Denys Shmyhal", "ukraine", "m", "officials.csv")
    assert actors.resolve("Zakharova").source == ""  # actors.yaml's own entry wins
    assert actors.resolve("Kuleba").name == "Dmytro Kuleba"
    assert actors.resolve("Mykola Kuleba") is None  # another person with the minister's surname
    assert actors.resolve("Zełenski").name == "Volodymyr Zelenskyy"
    assert actors.resolve("Riabkow").name == "Sergei Ryabkov"
    assert actors.resolve("Kowalienko").name == "Andriy Kovalenko"


def test_the_side_rule_over_speaker_descriptions(tmp_path):
    import pandas as pd

    from narrative.claims import extract_claims

    text = ("The Russian defence ministry said its forces had repelled attacks. "
            "Moscow-installed authorities in Kherson said the bridge was hit. "
            "A Ukrainian military expert, Oleh Zhdanov, said the front was stable. "
            "Belarusian officials said the border was calm.")
    c = extract_claims(pd.DataFrame({"doc_id": ["d"], "source": ["news"], "text": [text]}))
    c = c[c["quote_type"] != "self"]
    assert c["side"].tolist() == ["kremlin", "kremlin", "other", "other"]


def test_a_gazetteer_file_beside_a_users_actors_file(tmp_path):
    from narrative.actors import load_actors
    from narrative.errors import InputError

    (tmp_path / "mayors.csv").write_text("# composed for this test\nname,wikidata,side,gender,positions,start,end\n"
                                         "Ihor Terekhov,Q1,ukraine,m,Mayor of Kharkiv,2021-01-01,\n", encoding="utf-8")
    (tmp_path / "actors.yaml").write_text("gazetteers: [mayors.csv]\nactors:\n  - name: Kremlin\n    side: kremlin\n"
                                          "    kind: institution\n", encoding="utf-8")
    actors = load_actors(tmp_path / "actors.yaml")
    assert (actors.resolve("Terekhov").name, actors.resolve("Terekhov").side) == ("Ihor Terekhov", "ukraine")
    (tmp_path / "mayors.csv").write_text("name,side\nX,ukraine\n", encoding="utf-8")
    with pytest.raises(InputError, match="mayors.csv, row 1: a gazetteer's columns"):
        load_actors(tmp_path / "actors.yaml")
