import pytest

from narrative.speakers.actors import load_actors
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

    from support import NEWS

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
    from narrative.speakers.actors import load_actors

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
    from narrative.speakers.actors import load_actors
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


# -- side from the mention (issue 24): composed examples, one behaviour each -----------------------------------
MENTION_SIDES = [
    ("Russian officials", ("kremlin", "nationality")),
    ("the Ukrainian side", ("ukraine", "nationality")),
    ("Moscow-installed officials", ("kremlin", "nationality")),
    ("the Ukrainian Air Force", ("ukraine", "nationality")),
    ("a Kharkiv official", ("ukraine", "place")),                      # place -> country
    ("the Sumy regional police", ("ukraine", "place")),
    ("Belgorod Gov.", ("kremlin", "place")),
    ("the head of the Charków regional administration", ("ukraine", "place")),  # a Polish spelling of the place
    ("a Donetsk official", None),                                      # an occupied region's place: no side alone
    ("a Ukrainian military expert", ("other", "role")),                # a modifier alone is not a side
    ("Russia's Interfax news agency", ("other", "role")),
    ("Russian and Ukrainian officials", None),                         # two sides at once
    ("official Volodymyr Petrenko", None),                             # a first name that is also a town's
    ("a senior Western diplomat", None),
]


@pytest.mark.parametrize("mention,expected", MENTION_SIDES)
def test_side_from_the_mention(mention, expected):
    assert load_actors().mention_side(mention) == expected


PLACE_MODIFIERS = [
    ("Ukraine's health minister", "Ukraine"),                         # the place's official: its side
    ("Russia's Interfax news agency", None),                           # the place modifies a non-state head
    ("Kyiv International Institute of Sociology", None),               # the place opens another name
    ("Ambassador of Belarus to Russia Pavel Zhuk", None),           # a person the lists do not know
    ("Ukraine and the West", "Ukraine"),
]


@pytest.mark.parametrize("mention,name", PLACE_MODIFIERS)
def test_a_place_inside_a_longer_mention(mention, name):
    actor = load_actors().resolve(mention)
    assert (actor.name if actor else None) == name


MT_SPELLINGS = [
    ("Wołodymyr Zełenski", "Volodymyr Zelenskyy"), ("Andrij Jermak", "Andriy Yermak"),
    ("Marija Zacharowa", "Maria Zakharova"), ("Siergiej Ławrow", "Sergei Lavrov"),
    ("Wolodymyr Selenskyj", "Volodymyr Zelenskyy"), ("Maria Sacharowa", "Maria Zakharova"),  # German
    ("Sergueï Lavrov", "Sergei Lavrov"),                                                     # French
    ("President Wołodymyr Zelanski", "Volodymyr Zelenskyy"),          # a letter off (machine translation)
    ("Oleh Synahubow", "Oleh Syniehubov"), ("Oleh Nikolanko", "Oleg Nikolenko"),
    ("Mer Lviv Andriy Sadowy", "Andriy Sadovyi"),                      # a Polish title before the name
    ("Belgorod Gov. Vyacheslav Gladkov", "Vyacheslav Gladkov"), ("Yury Ushakov", "Yury Ushakov"),
    ("Mykola Zelanski", None), ("Mykola Kuleba", None),                # another first name: someone else
]


@pytest.mark.parametrize("mention,name", MT_SPELLINGS)
def test_machine_translation_and_foreign_spellings(mention, name):
    actor = load_actors().resolve(mention)
    assert (actor.name if actor else None) == name


def test_generated_spellings_of_a_romanised_name():
    from narrative.speakers.names import spellings

    assert spellings("Sergey Lavrov") == {"pl": "Siergiej Ławrow", "de": "Sergei Lawrow", "fr": "Sergueï Lavrov"}
    assert spellings("Taras Shevchenko") == {"pl": "Taras Szewczenko", "de": "Taras Schewtschenko",
                                             "fr": "Taras Chevtchenko"}


UNRESOLVABLE = [("he", True), ("They", True), ("Last", True), ("The", True), ("the spokesman", True),
                ("officials", True), ("senior officials", True), ("the ministry", True),
                ("Filip Ejdus", False), ("analysts", False), ("Russian officials", False), ("the EU", False)]


@pytest.mark.parametrize("mention,expected", UNRESOLVABLE)
def test_a_mention_that_names_nobody(mention, expected):
    from narrative.speakers.mention_side import unresolvable

    assert unresolvable(mention) is expected


def test_every_gazetteer_row_has_a_source_and_a_licence():
    import csv

    from narrative.infra.datafiles import data_path

    lines = [line for line in data_path("officials.csv").read_text("utf-8").splitlines() if not line.startswith("#")]
    rows = list(csv.DictReader(lines))
    assert len(rows) > 300 and {r["side"] for r in rows} == {"kremlin", "ukraine"}
    assert all(r["source"] and r["licence"] == "CC0-1.0" for r in rows)
    assert sum(bool(r["variants"]) for r in rows) > 0.9 * len(rows)


def test_a_gazetteer_with_other_columns_is_refused(tmp_path):
    (tmp_path / "people.csv").write_text("name,side\nA B,kremlin\n", encoding="utf-8")
    path = tmp_path / "actors.yaml"
    path.write_text("gazetteers: [people.csv]\nactors:\n  - name: X\n    side: other\n", encoding="utf-8")
    with pytest.raises(InputError, match="people.csv, row 1: a gazetteer's columns are name, wikidata"):
        load_actors(path)
