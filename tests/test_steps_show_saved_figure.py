"""A figure a step saved is shown from its saved PNG (rendered once), one never saved is rendered."""
import pandas as pd

from narrative import plots
from narrative.pipeline.runfiles import figure
from narrative.pipeline.steps import show


def _by_side():
    return pd.DataFrame({"side": ["kremlin", "ukraine", "ukraine"], "quote_type": ["self", "self", "direct"],
                         "claims": [120, 80, 15]})


def test_saved_figure_is_shown_from_its_file(tmp_path):
    fig = figure(plots.claims_by_side(_by_side()), tmp_path, "claims_by_side.png")
    saved = (tmp_path / "figures" / "claims_by_side.png").read_bytes()
    assert saved.startswith(b"\x89PNG") and show(fig).data == saved


def test_unsaved_figure_and_asked_dpi_are_rendered():
    fig = plots.claims_by_side(_by_side())
    small, large = show(fig).data, show(fig, dpi=200).data
    assert small.startswith(b"\x89PNG") and len(large) > len(small)
