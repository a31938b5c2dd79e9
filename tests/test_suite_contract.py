"""The schema, the notebooks' parameter cells and the steps' signatures are one contract."""
from __future__ import annotations

import ast
import inspect

import nbformat
import pytest

from narrative.pipeline import params as P
from narrative.pipeline import steps
from narrative.tools import notebooks as generator

from support import ROOT

STEP = {"01_claims.ipynb": steps.claims_step, "02_lexicon_framing.ipynb": steps.framing_step,
        "03_classifier.ipynb": steps.classifier_step, "04_comparison_report.ipynb": steps.comparison_step}


def _parameters(notebook: str) -> dict:
    nb = nbformat.read(str(ROOT / "notebooks" / notebook), as_version=4)
    cells = [c for c in nb.cells if P.PARAMETERS_TAG in c.metadata.get("tags", [])]
    assert len(cells) == 1, f"{notebook} needs exactly one cell tagged {P.PARAMETERS_TAG!r}"
    out = {}
    for node in ast.parse(cells[0].source).body:
        out[node.targets[0].id] = ast.literal_eval(node.value)
    return out


@pytest.mark.parametrize("notebook", P.NOTEBOOKS)
def test_notebook_parameters_are_the_schema_and_the_step_signature(notebook):
    declared = _parameters(notebook)
    schema = {p.name: p.default for p in P.SCHEMA if notebook in p.notebooks}
    assert declared == {"run_dir": None, **schema}
    signature = inspect.signature(STEP[notebook]).parameters
    assert set(signature) - {"run_dir"} == set(schema), "the step takes exactly the notebook's parameters"


@pytest.mark.parametrize("notebook", P.NOTEBOOKS)
def test_committed_notebooks_are_what_the_generator_writes(notebook):
    committed = nbformat.read(str(ROOT / "notebooks" / notebook), as_version=4)
    built = generator.build(notebook)
    assert [(c.cell_type, c.source) for c in committed.cells] == [(c.cell_type, c.source) for c in built.cells], \
        "run `python -m narrative.tools.notebooks notebooks` after changing the suite"
    assert all(not c.get("outputs") for c in committed.cells), "notebooks are stored without outputs"


def test_every_notebook_parameter_is_used_by_its_cells():
    for notebook in P.NOTEBOOKS:
        nb = nbformat.read(str(ROOT / "notebooks" / notebook), as_version=4)
        code = "\n".join(c.source for c in nb.cells if c.cell_type == "code" and P.PARAMETERS_TAG not in c.metadata.get("tags", []))
        used = {n.id for n in ast.walk(ast.parse(code)) if isinstance(n, ast.Name)}
        assert set(_parameters(notebook)) <= used, notebook


def test_notebook_03_uses_the_users_lexicon(tmp_path):
    """The bug: 03 declared `lexicon` but always used the shipped one."""
    import pandas as pd

    from narrative.claims import extract_claims
    from narrative.corpus import load_corpus

    from support import DEMO

    lexicon = tmp_path / "mine.csv"
    lexicon.write_text("category,phrase\nvalour,courage\nvalour,heroes\npeace,peace\n", encoding="utf-8")
    (tmp_path / "tables").mkdir()
    (tmp_path / "figures").mkdir()
    docs = load_corpus(DEMO).groupby("source").head(30)
    claims = extract_claims(docs)
    side = steps.side_task(tmp_path, claims, side_a="kremlin", side_b="ukraine", lexicon=str(lexicon), max_claims=300,
                           n_splits=3, n_boot=20, top_k=5, jobs=1)
    union = side["model"].named_steps["features"]
    rates = dict(union.transformer_list)["lexicon"].named_steps["rates"]
    assert list(rates.categories_) == ["valour", "peace"]
    labels = tmp_path / "labels.csv"
    pd.DataFrame({"item": range(12), "doc_id": [f"d{i // 2}" for i in range(12)],
                  "text": ["our heroes showed courage", "we want peace"] * 6,
                  "labels": ["valour", "peace"] * 6}).to_csv(labels, index=False)
    frames = steps.frames_task(tmp_path, str(labels), lexicon=str(lexicon), n_splits=3, n_boot=20, jobs=1)
    assert set(frames["class"]) == {"valour", "peace", "macro"}
