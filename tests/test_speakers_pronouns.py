"""Who a pronoun and a quoted cue refer to, on composed paragraphs (no corpus text)."""
import pandas as pd

from narrative.claims import extract_claims
from narrative.speakers.coref import NameIndex


def attributed(text: str) -> pd.DataFrame:
    c = extract_claims(pd.DataFrame({"doc_id": ["d"], "source": ["news"], "text": [text]}))
    return c[c["quote_type"] != "self"].reset_index(drop=True)


def test_a_pronoun_skips_a_name_inside_a_quotation():
    # Petrov is no subject (an agent after "by") but stands outside the quotation; Ivanov is inside it
    text = "The road was closed by Mr Ivan Petrov. “Nobody told Mr Oleg Ivanov about it,” he said."
    ix = NameIndex(text, inside_quote=lambda pos: text.index("“") < pos < text.index("”"))
    assert ix.resolve("he", text.index("he said")).name == "Ivan Petrov"


def test_a_pronoun_skips_a_name_inside_what_was_said():
    text = "The road was closed by Mr Ivan Petrov. Officials said Mr Oleg Ivanov had left. Then he spoke."
    ix = NameIndex(text)
    a = text.index("Mr Oleg")
    ix.spoke(None, text.index("Officials"), (a, text.index(" had left") + len(" had left")))
    assert ix.resolve("he", text.index("he spoke")).name == "Ivan Petrov"


def test_a_capital_after_an_opening_quotation_mark_is_no_third_party():
    c = attributed("“History reminds us that blockades fail,” the analyst Mart Kask wrote.")
    assert c["speaker"].tolist() == ["the analyst Mart Kask"]


def test_a_named_third_party_inside_a_quotation_stays_a_claim():
    c = attributed("“As Putin said, the West lies,” Lavrov told reporters.")
    assert {"Vladimir Putin", "Sergei Lavrov"} <= set(c["actor"])
