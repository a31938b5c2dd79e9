"""Draw a fresh belligerent-rich sample from warnews-dev (see data/annotations/FRESH.md).

Every candidate the first draw (draw_belligerent.py, seed 24) did not sample, plus the candidates found when the
speaker-slot terms are widened to every surname of src/narrative/data/officials.csv, Russian and Ukrainian regions
and cities, and state bodies and agencies. No item of the first sample repeats, and nothing overlapping a span
labelled before. All candidates are written (no sampling); usage (from the project root):
python data/annotations/scripts/draw_fresh.py ../shared/eval/warnews-dev/articles > fresh.tsv
"""
import csv
import random
import re
import sys

from draw_belligerent import TERM as TERM0, candidates, labelled_spans, overlapping

PLACES = "Kharkiv|Kharkov|Donetsk|Luhansk|Lugansk|Zaporizhzhia|Zaporozhye|Kherson|Odesa|Odessa|Lviv|Dnipro|Mykolaiv|Sumy|Chernihiv|Poltava|Vinnytsia|Zhytomyr|Kirovohrad|Khmelnytskyi|Rivne|Volyn|Ternopil|Chernivtsi|Ivano-Frankivsk|Uzhhorod|Crimea\\w*|Sevastopol|Mariupol|Bakhmut|Avdiivka|Pokrovsk|Donbas|Donbass|Belgorod|Kursk|Bryansk|Rostov|Chechn\\w*|Kadyrov|DPR|LPR|separatist\\w*|Moscow-installed|Kremlin-installed|Wagner|Rosatom|Gazprom|Naftogaz|Ukrenergo|SBU|FSB|GUR|Rada|Duma|Verkhovna|Tass|TASS|RIA|Ukrinform|Interfax"
_names = set()
for _r in csv.reader(l for l in open("src/narrative/data/officials.csv", encoding="utf-8") if not l.startswith("#")):
    if _r and _r[0] != "name":
        _parts = _r[0].split()
        if len(_parts) > 1 and len(_parts[-1]) > 3:
            _names.add(re.escape(_parts[-1]))
TERM = re.compile(r"\b(" + PLACES + "|" + "|".join(sorted(_names)) + r")\b|" + TERM0.pattern)

if __name__ == "__main__":
    items0, items = [], []
    for item in candidates(sys.argv[1], keep=lambda slot: TERM.search(slot) is not None):
        (items0 if TERM0.search(item[5]) else items).append(item[:5])
    random.seed(24)
    first = set(random.sample(items0, 174))  # the first draw's sample (draw_belligerent.py)
    sample = sorted([it for it in items0 if it not in first] + items)
    # split_sentences changed since the first draw, so its sample is not reproduced exactly: also leave out every
    # item whose content overlaps a span already labelled (sides, belligerent sides, frames)
    labelled = labelled_spans()
    sample = [it for it in sample if not overlapping(it, labelled)]
    print(len(items0), len(first), len(sample), file=sys.stderr)
    w = csv.writer(sys.stdout, delimiter="\t", lineterminator="\n")
    for it in sample:
        w.writerow(it)
