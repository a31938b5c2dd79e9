"""Does a model over the speaker mention beat the side rules where no name is known? (issue 24, build item 3)

    python data/annotations/scripts/mention_model.py        # PYTHONPATH=src:data/annotations/scripts

Every labelled side of the tuning part (our belligerent and older samples, coder 2's, coders C, D, G, H and J) is
matched to the extracted claim it covers (as ``validate-sides`` and ``evaluation.coded`` match); one row per claim.
For the claims whose side no name decided (``side_source`` not ``actors``, ``gazetteer`` or ``publisher``), a
logistic regression over the mention's words, the actor's words, the rule's side and how it was decided, and the
side words around the mention (the actors file's side-rule modifiers within :data:`WINDOW` characters) is scored
by 5-fold cross-validation grouped by article, against the rules on the same rows. Reads ``../shared`` at run
time; prints only figures.
"""
import re
import sys
import tempfile
from pathlib import Path

import numpy as np
import pandas as pd

from narrative.claims import extract_claims
from narrative.evaluation.coded import match_coded, read_coded
from narrative.evaluation.labels import split_gold
from narrative.evaluation.sides import match_sides, read_side_gold
from narrative.speakers.actors import load_actors
from scoreboard import ANN, ARTICLES, SHARED

#: characters either side of the speaker mention read for side words
WINDOW = 200
NAMED = ("actors", "gazetteer", "publisher")
_WORD = re.compile(r"[\w’'-]+")


def labelled():
    """(texts, gold rows with the matched claim's columns) over every tuning-part label set."""
    tmp = Path(tempfile.mkdtemp())
    split_gold(SHARED / "eval" / "warnews-dev" / "labels" / "sides-coder2.tsv", tmp)
    sets = [("side", ANN / "split" / "warnews-dev-sides-belligerent.tuning.tsv"),
            ("side", ANN / "split" / "warnews-dev-sides.tuning.tsv"), ("side", tmp / "sides-coder2.tuning.tsv"),
            ("coded", ANN / "warnews-dev-frames-extra-coderC.tsv")]
    sets += [("coded", ANN / n) for n in ("warnews-dev-round3-train-coderD.tsv", "warnews-dev-round3-train2-coderG.tsv",
                                          "warnews-dev-round3-train2-coderH.tsv")]
    bell4 = Path("/work/coding/r4/bell4-coderJ.tsv")
    if bell4.exists():
        sets.append(("coded", bell4))
    texts, parts = {}, []
    for kind, path in sets:
        if kind == "side":
            t, gold = read_side_gold(path, ARTICLES)
        else:
            t, gold = read_coded(path, ARTICLES, "tuning")
        texts.update(t)
        docs = pd.DataFrame({"doc_id": list(t), "source": "news", "text": list(t.values())})
        claims = extract_claims(docs)
        m = (match_sides if kind == "side" else match_coded)(gold, claims)
        m = m[m["claim_id"] != ""].merge(claims[["claim_id", "speaker", "speaker_start", "side", "side_source"]],
                                         on="claim_id", suffixes=("_gold", ""))
        parts.append(m.rename(columns={"side_gold": "gold"})[["doc_id", "claim_id", "gold", "speaker", "actor",
                                                                 "speaker_start", "side", "side_source"]])
    rows = pd.concat(parts, ignore_index=True).drop_duplicates("claim_id")
    return texts, rows.reset_index(drop=True)


def features(rows, texts):
    modifiers = load_actors().side_rule["modifiers"]
    out = []
    for r in rows.itertuples():
        f = {f"rule={r.side}": 1, f"source={r.side_source}": 1}
        for w in _WORD.findall(r.speaker.lower()):
            f[f"w={w}"] = 1
        for w in _WORD.findall(str(r.actor).lower()):
            f[f"a={w}"] = 1
        text = texts[r.doc_id]
        around = _WORD.findall(text[max(0, r.speaker_start - WINDOW):r.speaker_start + WINDOW].lower())
        for side, words in modifiers.items():
            f[f"near_{side}"] = sum(w in words for w in around)
        out.append(f)
    return out


def main():
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import GroupKFold

    texts, rows = labelled()
    rows = rows[~rows["side_source"].isin(NAMED)].reset_index(drop=True)
    x = DictVectorizer().fit_transform(features(rows, texts))
    y = rows["gold"].to_numpy()
    pred = np.empty(len(rows), dtype=object)
    for train, test in GroupKFold(n_splits=5).split(x, y, rows["doc_id"]):
        model = LogisticRegression(max_iter=2000, C=1.0).fit(x[train], y[train])
        pred[test] = model.predict(x[test])
    rules = rows["side"].to_numpy()
    unknown = rules == "unknown"
    hybrid = np.where(unknown, pred, rules)
    print(f"mentions with no name deciding the side: {len(rows)} claims in {rows['doc_id'].nunique()} articles "
          f"(gold: {dict(rows['gold'].value_counts())}); rules say unknown for {int(unknown.sum())}")
    for name, p in (("rules", rules), ("model", pred), ("rules, model where unknown", hybrid)):
        by = " ".join(f"{s} {np.mean(p[y == s] == s):.2f}" for s in ("kremlin", "ukraine", "other") if (y == s).any())
        print(f"  {name:28s} accuracy {np.mean(p == y):.3f}  {by}")


if __name__ == "__main__":
    main()
