"""narrative.features scores frames without importing scikit-learn; its featurizers live in narrative.featurizers,
and the scorer card it reads is the frame scorer's."""
import pytest

from support import imported_by


def test_import_and_lexicon_labels_leave_sklearn_unimported():
    code = ("import sys, pandas as pd\n"
            "import narrative.features as F\n"
            "t = pd.DataFrame({'doc_id': ['d'], 'claim_id': ['d:1'], 'side': ['kremlin'],\n"
            "                  'content': ['Russian forces liberated the village, the ministry claimed.']})\n"
            "table = F.claim_frame_table(t, scorer='lexicon')\n"
            "kwic = F.evidence(t, text_column='content')\n"
            "assert table['frames'].iloc[0] and len(kwic)\n")
    assert imported_by(code, ("sklearn",)) == []


def test_scorer_card_name_is_the_frame_scorers():
    from narrative.features import SCORER_CARD, default_scorer
    from narrative.framescorer import CARD_FILE, SCORERS

    assert SCORER_CARD == CARD_FILE and default_scorer() in SCORERS


def test_unknown_scorer_is_still_refused():
    import pandas as pd

    from narrative.features import claim_frame_table

    with pytest.raises(ValueError, match="unknown frame scorer"):
        claim_frame_table(pd.DataFrame({"content": ["x"]}), scorer="oracle")
