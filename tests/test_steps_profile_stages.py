"""`narrative run --profile` times the duplicate pass of notebook 01 as a stage of its own (it ran outside
every named stage)."""
import json

from narrative.pipeline import steps
from narrative.pipeline.runfiles import TIMINGS
from support import demo_slice


def test_duplicate_pass_is_a_stage(tmp_path):
    corpus = demo_slice(tmp_path / "corpus", n=8)
    run = tmp_path / "run"
    (run / "tables").mkdir(parents=True)
    claims = steps.extract(run, corpus=[corpus])
    stages = [json.loads(line)["stage"] for line in (run / TIMINGS).read_text().splitlines()]
    assert len(claims) > 0
    assert stages[0].startswith("claims: duplicate documents") and stages[1].startswith("claims: extract")
