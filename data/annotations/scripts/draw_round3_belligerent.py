"""Draw round three's belligerent-rich blind sample (see data/annotations/ROUND3.md).

Independent of the project's own cue list and speaker-slot cut: every sentence of a *locked*-part article (either
split) holding a one-word cue of PolNeAR-train (../shared/eval/polnear/train, seen at least 10 times, less
function words and perception, wish and action senses: ``NOT_SPEECH``) or "according to", and a Russian or Ukrainian term (``draw_fresh.TERM``) in the speaker slot: among the four words before
the cue (after any comma or quotation mark), the three after an inverted cue, or the four after "according to"; minus sentences overlapping a span labelled before or drawn in round three's other samples; 120
drawn at random (seed 35). Offsets are the sentence (``content_*``) and the term's word (``speaker_*``, a hint only).

Usage (from the project root, PYTHONPATH=src):
python data/annotations/scripts/draw_round3_belligerent.py ../shared > bell3-spans.tsv
"""
import collections
import csv
import random
import re
import sys
from pathlib import Path

from draw_belligerent import labelled_spans, overlapping
from draw_fresh import TERM
from draw_round3 import LABELLED
from narrative.evaluation.frame_labels import split_part
from narrative.evaluation.labels import article_part
from narrative.segment import split_sentences


def polnear_cues(shared):
    counts = collections.Counter()
    for ann in Path(shared, "eval", "polnear", "train", "attributions").glob("*.ann"):
        for line in ann.read_text("utf-8").splitlines():
            parts = line.split("\t")
            if len(parts) == 3 and parts[1].startswith("Cue ") and ";" not in parts[1]:
                word = parts[2].strip().lower()
                if re.fullmatch(r"[a-z]+", word):
                    counts[word] += 1
    return {w for w, n in counts.items() if n >= 10} - NOT_SPEECH


# function words and perception, wish and action senses among PolNeAR's frequent one-word cues (not speech acts)
NOT_SPEECH = set("""in of to for about show shows showed showing found finds see sees saw know knows knew read passed
signed includes titled allowed ordered decided decision view liked criticism want wants wanted plan plans prefer fear
fears hope hopes hoping seem seems seemed appear appears appeared support supports supported supporting backing backed
seeking seeks sought""".split())


def candidates(shared, drawn=()):
    cues = polnear_cues(shared)
    labelled = labelled_spans(LABELLED) + list(drawn)
    items, seen = [], set()
    for f in sorted(Path(shared, "eval", "warnews-dev", "articles").glob("*.txt")):
        if article_part(f.name) == "tuning" and split_part(f.name) == "tuning":
            continue
        text = f.read_text("utf-8")
        for s, e in split_sentences(text):
            sent = text[s:e]
            words = list(re.finditer(r"[\w’'-]+", sent))
            hits = [i for i, w in enumerate(words) if w.group(0).lower() in cues
                    or (w.group(0).lower() == "according" and i + 1 < len(words) and words[i + 1].group(0) == "to")]
            term = None
            for i in hits:
                if words[i].group(0).lower() == "according":
                    window = words[i + 2:i + 6]
                elif re.search(r'[,”"’]\s*$', sent[:words[i].start()]):
                    window = words[i + 1:i + 4]  # inverted: “…,” said the Kremlin spokesman
                else:
                    window = words[max(0, i - 4):i]  # the subject before the cue
                    if window and re.search(r"[,;:”\"]", sent[window[0].start():words[i].start()]):
                        window = [w for w in window if w.start() > max(sent.rfind(c, 0, words[i].start()) for c in ',;:”"')]
                term = next((w for w in window if TERM.fullmatch(w.group(0))), None)
                if term:
                    break
            if term is None or e - s < 30:
                continue
            item = (f.name, s + term.start(), s + term.end(), s, e)
            key = re.sub(r"\W+", " ", sent).lower()  # each sentence once (syndicated copies)
            if key not in seen and not overlapping(item, labelled):
                seen.add(key)
                items.append(item)
    return items


if __name__ == "__main__":
    shared = sys.argv[1]
    drawn = []
    for name in ("train-spans.tsv", "fresh2-spans.tsv"):
        path = Path("/work/coding/r3") / name
        if path.exists():
            for r in csv.DictReader(open(path, encoding="utf-8"), delimiter="\t"):
                drawn.append((r["file"], int(r["content_start"]), int(r["content_end"])))
    items = candidates(shared, drawn)
    print(len(items), file=sys.stderr)
    random.seed(35)
    sample = sorted(random.sample(items, min(120, len(items))))
    w = csv.writer(sys.stdout, delimiter="\t", lineterminator="\n")
    w.writerow(["file", "speaker_start", "speaker_end", "content_start", "content_end"])
    for it in sample:
        w.writerow(it)
