"""The one place gazetteer (narrative.places) as the mention-side rule reads it: places, countries, sides."""
from __future__ import annotations

import pytest

from narrative.places import Gazetteer, countries, place_sides


@pytest.mark.parametrize("name,expected", [
    ("kharkiv", ("ukraine", False)),          # a settlement: its country's side
    ("charków", ("ukraine", False)),          # one of its spellings
    ("belgorod", ("kremlin", False)),
    ("volyn", ("ukraine", False)),            # the base of a region's spelling ("Volyn Oblast")
    ("kuban", ("kremlin", False)),            # a region's base spelling ("Kuban region" of Krasnodar Krai)
    ("sevastopol", ("ukraine", True)),        # a region occupied since 2014: no side alone
    ("crimea", ("ukraine", True)),
    ("luhansk region", ("ukraine", True)),
    ("poland", ("other", False)),             # a country of the world: its side
    ("russia", ("kremlin", False)),           # a country, though the gazetteer blocks it as a place spelling
])
def test_place_sides(name, expected):
    assert place_sides()[name] == expected


def test_every_side_comes_from_a_country_of_the_countries_file():
    table = countries()
    gazetteer = Gazetteer.load()
    assert {p.country for p in gazetteer.places.values()} <= set(table)
    assert {side for side, _ in place_sides().values()} == {c.side for c in table.values()} == {
        "ukraine", "kremlin", "other"}
    # contested is exactly "in a region its country lists": only Ukraine's occupied-since-2014 regions
    contested = {p.admin1 for p in gazetteer.places.values() if p.admin1 in table[p.country].contested}
    assert contested == {"Crimea", "Sevastopol", "Donetsk", "Luhansk"}


def test_country_rows_give_sides_and_the_contested_regions():
    from narrative.tools.places import country_rows

    rows = {r["country"]: r for r in country_rows({
        "UA": {"iso": "UA", "name": "Ukraine", "population": 40000000, "geonameid": 690791},
        "RU": {"iso": "RU", "name": "Russia", "population": 144478050, "geonameid": 2017370},
        "PL": {"iso": "PL", "name": "Poland", "population": 37978548, "geonameid": 798544}})}
    assert [rows[c]["side"] for c in ("UA", "RU", "PL")] == ["ukraine", "kremlin", "other"]
    assert rows["UA"]["contested"].split("|") == ["Crimea", "Sevastopol", "Donetsk", "Luhansk"]
    assert rows["RU"]["contested"] == rows["PL"]["contested"] == ""


def test_the_token_index_waits_for_the_first_find():
    from narrative.places import Gazetteer

    rows = [{"place_id": "1", "name": "Novokolosk", "level": "settlement", "country": "UA", "admin1": "Kharkiv",
             "population": "1200", "metonym": "0", "variants": "Novokolosk|Nowokolosk"}]
    gazetteer = Gazetteer(rows)
    assert gazetteer.spellings("1") == ("Novokolosk", "Nowokolosk") and gazetteer._first is None
    found = gazetteer.find("Shelling hit Nowokolosk overnight.")
    assert [(m.place.name, m.text) for m in found] == [("Novokolosk", "Nowokolosk")] and gazetteer._first
