"""Run retention (narrative.pipeline.rundir.retain): the newest runs kept, what ``latest`` names never removed,
folders narrative did not make never touched."""
from __future__ import annotations

import json
import os

from narrative.pipeline.rundir import mark, publish_latest, retain


def _run(out, name, started, status="succeeded"):
    (out / name).mkdir()
    mark(out / name, name)  # a run narrative made (retention deletes nothing else: issue 22 item 4)
    (out / name / "manifest.json").write_text(json.dumps({"run_id": name, "started": started, "status": status}))
    return out / name


def test_retain_keeps_the_newest_and_never_what_latest_names(tmp_path):
    out = tmp_path
    for i, name in enumerate(["a", "b", "c", "d"]):
        _run(out, name, f"2026-01-0{i + 1}T00:00:00+00:00")
    publish_latest(out, "a")  # the oldest is the one latest names (e.g. newer runs failed)
    (out / "not-a-run").mkdir()  # no manifest: never touched
    (out / ".tmp-x-1").mkdir()  # hidden: never touched
    (out / "broken").mkdir()
    (out / "broken" / "manifest.json").write_text("{not json")
    removed = retain(out, keep=2)
    assert sorted(p.name for p in removed) == ["b"]
    assert sorted(p.name for p in out.iterdir()) == [".tmp-x-1", "a", "broken", "c", "d", "latest", "not-a-run"]
    assert os.readlink(out / "latest") == "a"


def test_retain_keep_one_removes_all_older_runs(tmp_path):
    for i, name in enumerate(["r1", "r2", "r3"]):
        _run(tmp_path, name, f"2026-02-0{i + 1}T00:00:00+00:00")
    publish_latest(tmp_path, "r3")
    assert sorted(p.name for p in retain(tmp_path, keep=1)) == ["r1", "r2"]
