"""Speaker strings cut at the name (issue 24 item 6): a capitalised function or time word before a name opens no
name ("As Interfax reported", "On Thursday Wang Wenbin said")."""
import pandas as pd
import pytest

from narrative.claims import extract_claims


def speakers(text: str) -> list[tuple[str, str]]:
    c = extract_claims(pd.DataFrame({"doc_id": ["d"], "source": ["news"], "text": [text]}))
    c = c[c["quote_type"] != "self"]
    return list(zip(c["speaker"], c["actor"]))


@pytest.mark.parametrize("text, speaker", [
    ("On Thursday Wang Wenbin said the talks had stalled.", "Wang Wenbin"),
    ("In April Liz Truss said the talks had stalled.", "Liz Truss"),
    ("As Interfax reported, the talks had stalled.", "Interfax"),
    ("Last week, senior officials warned that the talks had stalled.", "senior officials"),
])
def test_a_function_or_time_word_before_the_name_is_no_part_of_the_speaker(text, speaker):
    assert [s for s, _a in speakers(text)] == [speaker]

