"""A retrain keeps the record of the locked part's earlier looks (a model replaced never hides that the locked part
was seen), and the locked check leaves out a set with no locked rows."""
import json

from narrative.framescorer import CARD_FILE
from narrative.infra.datafiles import data_path
from narrative.tools.frames_scorer import earlier_looks


def test_earlier_looks_carry_over(tmp_path):
    card = tmp_path / CARD_FILE
    assert earlier_looks(card) == []
    card.write_text(json.dumps({"training_sha256": "abc", "locked": {"macro_f1": {"x/lexicon": [0.7, 0.5, 0.8]}},
                                "locked_earlier": [{"training_sha256": "old", "macro_f1": {}}]}), encoding="utf-8")
    assert earlier_looks(card) == [{"training_sha256": "old", "macro_f1": {}},
                                   {"training_sha256": "abc", "macro_f1": {"x/lexicon": [0.7, 0.5, 0.8]}}]


def test_the_shipped_card_records_the_earlier_look():
    card = json.loads(data_path(CARD_FILE, "models").read_text("utf-8"))
    assert card["locked_earlier"] and all("macro_f1" in look for look in card["locked_earlier"])
    assert "round3-coderD" in card["trained_on"]
