"""Build ``narrative/data/first_names.tsv``: English first names and the gender they plainly carry.

Source: the 1990 US Census name-frequency lists (public domain, US Census Bureau), as the files
``dist.male.first`` and ``dist.female.first`` that the ``names`` package (0.3.0, MIT; its data public domain)
ships. A name goes in when its frequency in one list is at least :data:`RATIO` times its frequency in the
other (so "Jean", "Dana" and "Jordan" stay out), and at least :data:`MIN_PERCENT` per cent of that list.

    python -m narrative.tools.first_names DIR_WITH_DIST_FILES src/narrative/data/first_names.tsv

Run once, offline, from an unpacked ``names`` sdist; the package needs no dependency at run time.
"""
from __future__ import annotations

import sys
from pathlib import Path

#: how many times more frequent in one list than in the other a name must be
RATIO = 10.0
#: names that are as often a month, a title or a common capitalised word at a sentence start
NOT_NAMES = frozenset("""
january february march april may june july august september october november december will major general king
prince duke queen princess royal page lane hope faith grace joy rich young price long
""".split())
#: the least frequency (per cent of its list's people) a name must have
MIN_PERCENT = 0.002
HEADER = """# First names and the gender they plainly carry (m|f), for pronoun agreement ("she" is not "Martin Harris").
# Built by `python -m narrative.tools.first_names` from the 1990 US Census first-name lists (public domain,
# US Census Bureau) as shipped in the `names` package 0.3.0 (dist.male.first, dist.female.first):
# a name is kept when one list has it at least {ratio:g} times as often as the other and at
# least {min_percent:g}% of that list, months and titles left out. Columns: name (lower case), gender, percent (of its list).
name\tgender\tpercent
"""


def read_dist(path: Path) -> dict[str, float]:
    """``name -> percent`` of one census list (``NAME  percent  cumulative  rank`` per line)."""
    out = {}
    for line in path.read_text("ascii").splitlines():
        parts = line.split()
        if len(parts) >= 2:
            out[parts[0].lower()] = float(parts[1])
    return out


def build(folder: Path) -> list[tuple[str, str, float]]:
    male, female = read_dist(folder / "dist.male.first"), read_dist(folder / "dist.female.first")
    rows = []
    for name in sorted(set(male) | set(female)):
        m, f = male.get(name, 0.0), female.get(name, 0.0)
        for gender, mine, other in (("m", m, f), ("f", f, m)):
            if mine >= MIN_PERCENT and mine >= RATIO * other and len(name) >= 3 and name not in NOT_NAMES:
                rows.append((name, gender, mine))
    return rows


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 2:
        print(__doc__.strip().splitlines()[0], file=sys.stderr)
        return 2
    rows = build(Path(args[0]))
    text = HEADER.format(ratio=RATIO, min_percent=MIN_PERCENT) + "".join(f"{n}\t{g}\t{p:g}\n" for n, g, p in rows)
    Path(args[1]).write_text(text, "utf-8")
    print(f"{len(rows)} first names -> {args[1]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
