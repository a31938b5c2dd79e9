"""read_table gives the suite's text columns as Python strings, whatever the cell looks like."""
import pandas as pd

from narrative.pipeline.runfiles import TEXT_COLUMNS, read_table, write


def test_text_columns_are_python_strings(tmp_path):
    (tmp_path / "tables").mkdir()
    frame = pd.DataFrame({"doc_id": ["1", "007", "x"], "claim_id": ["1:1", "007:1", "x:1"], "content": ["2022", "", "NA"],
                          "content_start": [0, 5, 9], "side": ["kremlin", "ukraine", "None"], "rate": [0.5, 1.0, 2.25]})
    write(frame, tmp_path, "claims.csv")
    back = read_table(tmp_path, "claims.csv")
    for col in ("doc_id", "claim_id", "content", "side"):
        assert col in TEXT_COLUMNS and back[col].dtype == object
        assert all(type(v) is str for v in back[col])
    assert back["doc_id"].tolist() == ["1", "007", "x"] and back["content"].tolist() == ["2022", "", "NA"]
    assert back["side"].tolist() == ["kremlin", "ukraine", "None"]
    assert back["content_start"].tolist() == [0, 5, 9] and back["rate"].tolist() == [0.5, 1.0, 2.25]
