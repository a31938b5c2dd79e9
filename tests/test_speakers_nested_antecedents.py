"""A speaker named just inside what another said is no antecedent for the next "he" (issue 24 item 5), and a
multi-word cue after a determiner is a noun ("requested the call on invasion fears")."""
import pandas as pd

from narrative.claims import extract_claims


def test_he_after_a_nested_speaker_is_the_reporting_speaker():
    text = ("Kremlin foreign policy adviser Yury Ushakov spoke to reporters. Mr Ushakov told them Biden had requested "
            "the call on security worries. He said Biden mentioned possible sanctions.")
    c = extract_claims(pd.DataFrame({"doc_id": ["d"], "source": ["news"], "text": [text]}))
    he = c[c["speaker"] == "He"].iloc[0]
    assert (he.actor, he.side) == ("Yury Ushakov", "kremlin")
    assert "call on" not in c["cue"].tolist()
