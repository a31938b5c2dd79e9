"""Draw a belligerent-rich side sample from warnews-dev (see data/annotations/SIDES-BELLIGERENT.md)."""
import hashlib, random, re, sys, csv
from pathlib import Path
from narrative.segment import split_sentences

cues = []
for line in Path("src/narrative/data/cues.csv").read_text().splitlines():
    if line.startswith("#") or line.startswith("cue,"):
        continue
    c, stance, kind, act = line.split(",")[:4]
    if act == "speech" and kind == "verb":
        cues.append(c)
CUE = re.compile(r"\b(" + "|".join(sorted(map(re.escape, cues), key=len, reverse=True)) + r")\b")
ACC = re.compile(r"\b[Aa]ccording to\b")
TERM = re.compile(r"\b(Russia\w*|Moscow\w*|Kremlin|Ukrain\w*|Kyiv|Kiev|Putin|Zelensk\w*|Peskov|Lavrov|Zakharova|Shoigu|Medvedev|Kuleba|Yermak|Podoly\w*|Shmyhal|Sybiha|Belousov|Gerasimov|Syrskyi|Zaluzhn\w*|Budanov|Klitschko)\b")


def candidates(articles, keep=lambda slot: TERM.search(slot) is not None):
    """Every candidate (file, speaker_start, speaker_end, content_start, content_end, slot text) of the articles whose
    speaker slot ``keep`` accepts, in file and text order, each sentence once."""
    items = []
    seen = set()
    for f in sorted(Path(articles).glob("*.txt")):
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
            if not keep(slot_text):
                continue
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
            items.append((f.name, ss, se, cs, ce, slot_text))
    return items


def labelled_spans(names=(("warnews-dev-sides-belligerent.tsv", "content_start", "content_end"),
                          ("warnews-dev-sides.tsv", "content_start", "content_end"),
                          ("warnews-dev-frames.tsv", "start", "end"))):
    """(file, start, end) of every content span already labelled in data/annotations (the named files)."""
    spans = []
    for name, a, b in names:
        for r in csv.DictReader(open(Path("data/annotations") / name, encoding="utf-8"), delimiter="\t"):
            spans.append((r["file"], int(r[a]), int(r[b])))
    return spans


def overlapping(item, spans):
    """Does a candidate's content overlap one of ``spans``?"""
    return any(item[0] == f and item[3] < e and s < item[4] for f, s, e in spans)


if __name__ == "__main__":
    items = candidates(sys.argv[1])
    print(len(items), file=sys.stderr)
    random.seed(24)
    sample = random.sample([it[:5] for it in items], int(sys.argv[2]))
    sample.sort()
    w = csv.writer(sys.stdout, delimiter="\t", lineterminator="\n")
    for it in sample:
        w.writerow(it)
