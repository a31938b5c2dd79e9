"""Draw any-speaker claim sentences for frame coding (see data/annotations/FRAMES-EXTRA.md).

As draw_fresh.py but with no speaker-slot term filter: every candidate sentence with a reporting cue and a speaker
slot, minus those overlapping a labelled span or the fresh sample; 200 drawn at random (seed 7).

Original: Draw a fresh belligerent-rich sample from warnews-dev (see data/annotations/FRESH.md).

Every candidate the first draw (draw_belligerent.py, seed 24) did not sample, plus the candidates found when the
speaker-slot terms are widened to every surname of src/narrative/data/officials.csv, Russian and Ukrainian regions
and cities, and state bodies and agencies. No item of the first sample repeats. All candidates are written (no
sampling); usage: python data/annotations/scripts/draw_fresh.py ../shared/eval/warnews-dev/articles > fresh.tsv
"""
import hashlib, random, re, sys, csv
from pathlib import Path
from narrative.segment import split_sentences

ART = Path(sys.argv[1])
cues = []
for line in Path("src/narrative/data/cues.csv").read_text().splitlines():
    if line.startswith("#") or line.startswith("cue,"):
        continue
    c, stance, kind, act = line.split(",")[:4]
    if act == "speech" and kind == "verb":
        cues.append(c)
CUE = re.compile(r"\b(" + "|".join(sorted(map(re.escape, cues), key=len, reverse=True)) + r")\b")
ACC = re.compile(r"\b[Aa]ccording to\b")
TERM0 = re.compile(r"\b(Russia\w*|Moscow\w*|Kremlin|Ukrain\w*|Kyiv|Kiev|Putin|Zelensk\w*|Peskov|Lavrov|Zakharova|Shoigu|Medvedev|Kuleba|Yermak|Podoly\w*|Shmyhal|Sybiha|Belousov|Gerasimov|Syrskyi|Zaluzhn\w*|Budanov|Klitschko)\b")
PLACES = "Kharkiv|Kharkov|Donetsk|Luhansk|Lugansk|Zaporizhzhia|Zaporozhye|Kherson|Odesa|Odessa|Lviv|Dnipro|Mykolaiv|Sumy|Chernihiv|Poltava|Vinnytsia|Zhytomyr|Kirovohrad|Khmelnytskyi|Rivne|Volyn|Ternopil|Chernivtsi|Ivano-Frankivsk|Uzhhorod|Crimea\\w*|Sevastopol|Mariupol|Bakhmut|Avdiivka|Pokrovsk|Donbas|Donbass|Belgorod|Kursk|Bryansk|Rostov|Chechn\\w*|Kadyrov|DPR|LPR|separatist\\w*|Moscow-installed|Kremlin-installed|Wagner|Rosatom|Gazprom|Naftogaz|Ukrenergo|SBU|FSB|GUR|Rada|Duma|Verkhovna|Tass|TASS|RIA|Ukrinform|Interfax"
import csv as _csv
_names = set()
for _r in _csv.reader(l for l in open("src/narrative/data/officials.csv", encoding="utf-8") if not l.startswith("#")):
    if _r and _r[0] != "name":
        _parts = _r[0].split()
        if len(_parts) > 1 and len(_parts[-1]) > 3:
            _names.add(re.escape(_parts[-1]))
TERM = re.compile(r"\b(" + PLACES + "|" + "|".join(sorted(_names)) + r")\b|" + TERM0.pattern)
items = []
items0 = []  # the first draw's candidates, in its order
seen = set()
for f in sorted(ART.glob("*.txt")):
    text = f.read_text("utf-8")
    for s, e in split_sentences(text):
        sent = text[s:e]
        m = ACC.search(sent)
        if m:
            slot = re.match(r"[^,.;]*", sent[m.end():]).group(0)
            ss, se = s + m.end() + 1, s + m.end() + len(slot)
            cs, ce = (s + m.end() + len(slot) + 1, e) if m.start() < 3 else (s, s + m.start())
        else:
            m = None
            for m in CUE.finditer(sent):
                before = sent[:m.start()]
                inverted = re.search(r'[,”"’]\s*$', before)
                if inverted:
                    after = re.match(r"[^,.;:”\"(]*", sent[m.end():]).group(0)
                    if 0 < len(after.split()) <= 12:
                        ss, se = s + m.end(), s + m.end() + len(after)
                        cs, ce = s, s + inverted.start()
                        break
                else:
                    cut = max([before.rfind(ch) for ch in ',”"’;:(—–'] + [mm.end() - 1 for mm in re.finditer(r"\b(and|but|that|while|as|when|after|which|who) ", before)])
                    slot = before[cut + 1:]
                    if 1 <= len(slot.split()) <= 7:
                        ss, se = s + cut + 1, s + m.start()
                        cs, ce = s + m.end(), e
                        rest = sent[m.end():]
                        if cut > 20 and before[cut] in ',”"’' and len(rest.split()) < 10 and not re.match(r"\s*that\b", rest):
                            cs, ce = s, s + cut  # the cue ends the sentence: content is the quotation before it
                        break
                m = None
            if m is None:
                continue
        slot_text = text[ss:se]
        # strip
        while ss < se and text[ss].isspace(): ss += 1
        while se > ss and text[se - 1].isspace(): se -= 1
        while cs < ce and text[cs] in ' “"‘\'': cs += 1
        while ce > cs and text[ce - 1] in ' ,.”"’\'': ce -= 1
        if ce - cs < 15 or se <= ss:
            continue
        key = re.sub(r'\W+', ' ', text[s:e]).lower()
        if key in seen:
            continue
        seen.add(key)
        items.append((f.name, ss, se, cs, ce))
sample = items
# split_sentences changed since the first draw, so its sample is not reproduced exactly: also leave out every item
# whose content overlaps a span already labelled (sides, belligerent sides, frames)
labelled = []
for name, a, b in (("warnews-dev-sides-belligerent.tsv", "content_start", "content_end"),
                   ("warnews-dev-sides.tsv", "content_start", "content_end"), ("warnews-dev-fresh-coderB.tsv", "content_start", "content_end"), ("warnews-dev-frames.tsv", "start", "end")):
    for r in csv.DictReader(open(Path("data/annotations") / name, encoding="utf-8"), delimiter="\t"):
        labelled.append((r["file"], int(r[a]), int(r[b])))
sample = [it for it in sample if not any(it[0] == f and it[3] < e and s < it[4] for f, s, e in labelled)]
random.seed(7)
print(len(sample), file=sys.stderr)
sample = sorted(random.sample(sample, 200))
w = csv.writer(sys.stdout, delimiter="\t", lineterminator="\n")
for it in sample:
    w.writerow(it)
