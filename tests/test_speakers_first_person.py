""""I"/"we" speaking inside a quotation are the quotation's speaker, not the last person named (composed text)."""
import pandas as pd
import pytest

from narrative.claims import extract_claims
from narrative.claims.document import DocumentView, Resources
from narrative.speakers.first_person import attribution_after, quotation_ends


def claims(text: str) -> pd.DataFrame:
    c = extract_claims(pd.DataFrame({"doc_id": ["d"], "source": ["news"], "text": [text]}))
    return c[c["quote_type"] != "self"].reset_index(drop=True)


INTRO = ("Ukraine's foreign ministry spokesman Oleg Nikolenko spoke on Monday. "
         "Russian Foreign Minister Sergei Lavrov had said the talks were dead.\n\n")


def first_person(text: str, mention: str) -> tuple[str, str]:
    """The actor and side the document view's resolver gives a first-person speaker mention."""
    view = DocumentView("d", text, "news", None, Resources())
    return view.resolver.decide(mention.split()[0], text.index(mention))[:2]


def test_we_in_a_dash_line_is_its_attributed_speaker_not_the_last_named_official():
    text = INTRO + "- Besides, when we told them we would get arms, the French said so too - said Nikolenko.\n"
    assert first_person(text, "we told") == ("Oleg Nikolenko", "ukraine")
    # and the line is Nikolenko's claim; "we said" inside it is his own words, no claim of its own
    c = claims(text)
    assert "we told" not in set(c["speaker"].str.lower() + " " + c["cue"])
    line = c[c["speaker"] == "Nikolenko"].iloc[0]
    assert line["content"].startswith("Besides, when we told") and line["side"] == "ukraine"


def test_we_inside_a_quotation_with_no_attribution_is_unknown_not_the_other_side():
    text = INTRO + "- Besides, when we told them we would get arms, the French said so too.\n"
    actor, side = first_person(text, "we told")
    assert side == "unknown" and actor != "Sergei Lavrov"


@pytest.mark.parametrize("text, mention, speaker", [
    ("“We repeat it now,” the spokesman said.", "We", "the spokesman"),
    ("“I warned them,” said Dmytro Kuleba on Friday.", "I", "Dmytro Kuleba"),
    ("- I told them so - he explained.", "I", "he"),
    ("We told them so, the spokesman said.", "We", None),  # no quotation: nothing to attribute
])
def test_the_attribution_after_a_quotation(text, mention, speaker):
    found = attribution_after(text, text.index(mention), quotation_ends(text))
    assert (found[0] if found else None) == speaker
    if found:
        assert text[found[1]:found[1] + len(found[0])] == found[0]
