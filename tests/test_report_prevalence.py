"""The report's frame differences show prevalence beside rate: the share of each side's claims carrying the frame,
with its CI and q (prevalence_differences.csv), next to the hits per 1,000 tokens (frame_differences.csv)."""
import pandas as pd

from narrative.compare.frames import frame_differences
from narrative.lexicons import load_lexicon
from narrative.pipeline.report import render
from narrative.prevalence import prevalence_differences

LEX = load_lexicon()
CLAIMS = [  # (document, side, composed claim)
    ("a", "kremlin", "The talks in Istanbul were useful and the negotiations will go on."),
    ("a", "kremlin", "We have the right to ensure our security."),
    ("b", "kremlin", "A new round of talks is planned for next week."),
    ("b", "kremlin", "The city was calm all day."),
    ("c", "ukraine", "The shelling went on all night and two houses were damaged."),
    ("c", "ukraine", "Our units repelled six assaults near the river."),
    ("d", "ukraine", "The talks are impossible while the shelling goes on."),
    ("d", "ukraine", "The weather turned cold."),
]


def _scores():
    rows = []
    for k, (doc, side, text) in enumerate(CLAIMS):
        n_words, totals = LEX.count(text, side)
        rows.append({"doc_id": doc, "claim_id": f"{doc}:{k}", "side": side, "n_tokens": n_words,
                     **{c: 1000 * totals.get(c, 0.0) / n_words for c in LEX.categories}})
    return pd.DataFrame(rows)


def _run(tmp_path, with_prevalence=True):
    tables = tmp_path / "tables"
    tables.mkdir()
    scores, cats = _scores(), list(LEX.categories)
    kwargs = dict(a="kremlin", b="ukraine", n_boot=200, n_perm=200, seed=0)
    rates = frame_differences(scores, cats, **kwargs)
    rates.to_csv(tables / "frame_differences.csv", index=False)
    shares = prevalence_differences(scores, cats, **kwargs)
    if with_prevalence:
        shares.to_csv(tables / "prevalence_differences.csv", index=False)
    html = render(tmp_path, {"parameters": {"side_a": "kremlin", "side_b": "ukraine", "n_perm": 200}})
    return html, rates, shares


def test_each_frame_difference_shows_the_share_of_each_sides_claims_beside_the_rate(tmp_path):
    html, rates, shares = _run(tmp_path)
    diplomacy = shares.set_index("category").loc["diplomacy"]
    assert (diplomacy["mean_a"], diplomacy["mean_b"]) == (0.5, 0.25)  # 2 of 4 Kremlin claims, 1 of 4 Ukrainian
    top = rates["category"].head(5).tolist()
    assert "diplomacy" in top
    item = html.split("<b>diplomacy</b>", 1)[1].split("</li>", 1)[0]
    assert "hits per 1,000 tokens" in item
    assert "in 50.0% vs 25.0% of claims (difference +25.0 points, 95% CI" in " ".join(item.split())
    assert f"q = {float(diplomacy['q']):.3g})" in " ".join(item.split())
    assert "prevalence_differences.csv" in html


def test_without_a_prevalence_table_the_rates_stand_alone(tmp_path):
    html, _rates, _shares = _run(tmp_path, with_prevalence=False)
    item = html.split("<b>diplomacy</b>", 1)[1].split("</li>", 1)[0]
    assert "hits per 1,000 tokens" in item and "of claims" not in item
