"""List the repository's lines that repeat seven or more words of an evaluation text (the rule of COMMON.md: no
7-word phrase of an evaluation article in code, tests, docs or comments).

    python data/annotations/scripts/overlap.py            # every hit, as path:line: the line
    python data/annotations/scripts/overlap.py --phrases  # also the shared phrase of each hit

Repository text: the tracked text files under ``src/``, ``tests/`` and ``notebooks/``, ``data/annotations/*.md``
and ``README.md`` (``git ls-files``; files that are not UTF-8 text are passed over). Evaluation text: the articles
of ``../shared/eval/warnews-dev/articles`` and the article texts of PolNeAR (``../shared/eval/polnear/*/text``),
read at run time and never written anywhere. A phrase is seven lower-cased words in a row (letters and digits, an
apostrophe inside a word kept), read across line breaks, so a phrase wrapped over two comment lines is found and
every line it touches is listed. Exit status 1 when there is a hit, else 0.
"""
from __future__ import annotations

import argparse
import re
from bisect import bisect_right
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
SHARED = ROOT.parent / "shared" / "eval"
#: the evaluation texts: (folder, file pattern)
EVAL_TEXTS = ((SHARED / "warnews-dev" / "articles", "*.txt"), (SHARED / "polnear", "*/text/*.txt"))
#: the repository's text read: git pathspecs
REPO_TEXTS = ("src", "tests", "notebooks", "data/annotations/*.md", "README.md")
#: words in a shared phrase
N = 7
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")


def words(text: str) -> list[tuple[str, int]]:
    """``(lower-cased word, offset)`` of each word of ``text``.

    >>> words("The Bridge's span, 2 km")
    [('the', 0), ("bridge's", 4), ('span', 13), ('2', 19), ('km', 21)]
    """
    return [(m.group().lower().replace("’", "'"), m.start()) for m in _WORD.finditer(text)]


def phrases(text: str) -> set[tuple[str, ...]]:
    """Every run of :data:`N` words of ``text``."""
    w = [x for x, _at in words(text)]
    return {tuple(w[i:i + N]) for i in range(len(w) - N + 1)}


def eval_phrases() -> set[tuple[str, ...]]:
    """The phrases of every evaluation text (:data:`EVAL_TEXTS`)."""
    out: set[tuple[str, ...]] = set()
    for folder, pattern in EVAL_TEXTS:
        for path in sorted(folder.glob(pattern)):
            out |= phrases(path.read_text("utf-8", errors="replace"))
    return out


def repo_files() -> list[Path]:
    """The tracked files of :data:`REPO_TEXTS`."""
    listed = subprocess.run(["git", "ls-files", "-z", "--", *REPO_TEXTS], cwd=ROOT, check=True,
                            capture_output=True).stdout.decode().split("\0")
    return [ROOT / name for name in listed if name]


def hits(path: Path, known: set[tuple[str, ...]]) -> list[tuple[int, str]]:
    """``(line number, phrase)`` of each line of ``path`` that a shared phrase touches (first phrase per line)."""
    try:
        text = path.read_text("utf-8")
    except (UnicodeDecodeError, OSError):
        return []
    w = words(text)
    starts = [0] + [i + 1 for i, c in enumerate(text) if c == "\n"]
    found: dict[int, str] = {}
    for i in range(len(w) - N + 1):
        gram = tuple(x for x, _at in w[i:i + N])
        if gram in known:
            first, last = (_line(starts, w[i][1]), _line(starts, w[i + N - 1][1]))
            for line in range(first, last + 1):
                found.setdefault(line, " ".join(gram))
    return sorted(found.items())


def _line(starts: list[int], at: int) -> int:
    return bisect_right(starts, at)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--phrases", action="store_true", help="print the shared phrase of each hit")
    args = ap.parse_args(argv)
    known = eval_phrases()
    total = 0
    for path in repo_files():
        found = hits(path, known)
        if not found:
            continue
        lines = path.read_text("utf-8").splitlines()
        for number, gram in found:
            total += 1
            shown = lines[number - 1].strip()[:160] if number - 1 < len(lines) else ""
            print(f"{path.relative_to(ROOT)}:{number}: {shown}" + (f"\n    [{gram}]" if args.phrases else ""))
    print(f"{total} lines share a {N}-word phrase with an evaluation text", file=sys.stderr)
    return 1 if total else 0


if __name__ == "__main__":
    sys.exit(main())
