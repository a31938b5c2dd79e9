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
are the generated Polish, German and French spellings (:func:`narrative.speakers.names.spellings`). The header of
the written file records the sources and their commits.

Places (settlements, regions, countries and their sides) are :mod:`narrative.tools.places`' job.
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
    from ..speakers.names import fold, spellings

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


def main(argv=None) -> int:
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
