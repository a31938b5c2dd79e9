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


def test_scorer_card_name_has_one_light_home():
    code = ("from narrative.infra.datafiles import FRAME_SCORER_CARD, data_path\n"
            "from narrative.features import default_scorer\n"
            "assert data_path(FRAME_SCORER_CARD, 'models').is_file() and default_scorer()\n")
    assert imported_by(code, ("sklearn", "narrative.framescorer")) == []
    from narrative.features import default_scorer
    from narrative.framescorer import CARD_FILE, MODEL_FILE, SCORERS
    from narrative.infra import datafiles

    assert (CARD_FILE, MODEL_FILE) == (datafiles.FRAME_SCORER_CARD, datafiles.FRAME_SCORER_MODEL)
    assert default_scorer() in SCORERS


def test_unknown_scorer_is_still_refused():
    import pandas as pd

    from narrative.features import claim_frame_table

    with pytest.raises(ValueError, match="unknown frame scorer"):
        claim_frame_table(pd.DataFrame({"content": ["x"]}), scorer="oracle")
