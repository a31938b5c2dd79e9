"""The cue lexicon from data (issue 24): every inflection PolNeAR train uses of a speech verb the lexicon holds is
in the lexicon too, the speech-act verbs added from PolNeAR are cues, and the ones with a non-speech sense in war news
are weak (a cue only with "that", a colon, a quotation or a reporting aside)."""
from pathlib import Path

import pandas as pd
import pytest

from narrative.claims import extract_claims
from narrative.claims.cues import cue_lexicon, participles, words

POLNEAR_TRAIN = Path(__file__).resolve().parents[1].parent / "shared" / "eval" / "polnear" / "train" / "attributions"


def _stems(word: str) -> set[str]:
    """The bases an English verb form may have ("praises" → "praise", "blamed" → "blame"/"blam")."""
    out = {word}
    if word.endswith("s"):
        out.add(word[:-1])
    if word.endswith("es"):
        out.add(word[:-2])
    if word.endswith("ed"):
        out |= {word[:-2], word[:-1]}
    return out


#: inflections left out of the lexicon on purpose: in news they are mostly nouns ("a very important question",
#: "member states", "a concrete answer"), see the header of cues.csv
NOUN_FORMS = frozenset("question questions answer answers request requests challenge challenges post posts praise "
                       "blame hint hints pledge pledges mock lament tout blast blasts outline".split())


def test_every_polnear_train_inflection_of_a_lexicon_speech_verb_is_in_the_lexicon():
    if not POLNEAR_TRAIN.is_dir():
        pytest.skip("../shared/eval/polnear/train is absent (shared material is only beside the project checkout)")
    counts: dict[str, int] = {}
    for ann in POLNEAR_TRAIN.glob("*.ann"):
        for line in ann.read_text(encoding="utf-8").splitlines():
            fields = line.split("\t")
            if len(fields) == 3 and fields[1].startswith("Cue "):
                word = fields[2].lower().rstrip(":")
                if word.isalpha():
                    counts[word] = counts.get(word, 0) + 1
    speech = {k[0] for k, (_stance, kind) in cue_lexicon("speech").items() if len(k) == 1 and kind == "verb"}
    known = {k[0] for k in cue_lexicon("attribution") if len(k) == 1}
    family: dict[str, set[str]] = {}
    for w in speech:
        for s in _stems(w):
            family.setdefault(s, set()).add(w)
    missing = sorted(w for w, n in counts.items() if n >= 2 and not w.endswith("ing") and w not in known
                     and w not in NOUN_FORMS and any(s in family for s in _stems(w)))
    assert len(counts) > 500  # the corpus was read
    assert missing == []


@pytest.mark.parametrize("text, cue", [
    ("Peskov echoed the view that the talks had stalled.", "echoed"),
    ("The minister pledged that Kyiv would hold the line.", "pledged"),
    ("Zelensky praises the troops: “They held the city.”", "praises"),
    ("Peskov blames Kyiv: “The strike came from the west.”", "blames"),
    ("The embassy rebutted the report, saying the troops had not moved.", "rebutted"),
    ("The general outlined that the offensive would resume in spring.", "outlined"),
])
def test_speech_acts_added_from_polnear_are_cues(text, cue):
    c = extract_claims(pd.DataFrame({"doc_id": ["d"], "source": ["news"], "text": [text]}))
    assert cue in c.loc[c["quote_type"] != "self", "cue"].tolist()


@pytest.mark.parametrize("text", [
    "Russian missiles blasted the city, which was left without power.",
    "You raised a very important question, Kirill, and it is one we must answer.",
    "Ambassadors of Moldova, India and the United States were there.",
    "The plan outlined a new tax, which was passed on Monday.",
    "Russian forces hit Kharkiv, blasting a block of flats that was home to 200 people.",
])
def test_a_speech_verb_in_its_war_sense_is_no_cue(text):
    assert "blasted" in words().weak_cues and "blasting" not in participles("speech")
    c = extract_claims(pd.DataFrame({"doc_id": ["d"], "source": ["news"], "text": [text]}))
    assert (c["quote_type"] != "self").sum() == 0
