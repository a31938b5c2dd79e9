"""A speaker that names nobody is ``unknown``, not ``other``; a pronoun is not the object of the cue before it
(composed sentences, no corpus text)."""
import pandas as pd
import pytest

from narrative.claims import extract_claims
from narrative.speakers.mention_side import unresolvable


@pytest.mark.parametrize("mention, nobody", [
    ("On Thursday", True), ("In", True), ("According to", True), ("the spokesman", True),
    ("US officials", False), ("the UK government", False), ("Filip Ejdus", False), ("us", True),
])
def test_what_names_nobody(mention, nobody):
    assert unresolvable(mention) is nobody


def test_a_pronoun_is_the_cue_subject_not_its_object():
    text = ("Ukrainian Defence Minister Oleksii Reznikov told US Defense Secretary Lloyd Austin that Ukraine "
            "needed shells. He also said the front was holding.")
    c = extract_claims(pd.DataFrame({"doc_id": ["d"], "source": ["news"], "text": [text]}))
    he = c[c["speaker_start"] == text.index("He also")].iloc[0]
    assert (he["actor"], he["side"]) == ("Oleksii Reznikov", "ukraine")


def test_she_is_the_woman_not_the_man_named_after_her():
    text = ("The Russian foreign ministry spokeswoman Maria Zakharova spoke after Sergei Lavrov. "
            "She said the West was lying.")
    c = extract_claims(pd.DataFrame({"doc_id": ["d"], "source": ["news"], "text": [text]}))
    she = c[c["speaker_start"] == text.index("She said")].iloc[0]
    assert she["actor"] == "Maria Zakharova"
