"""Notebook kernels run with one BLAS thread (pipeline.run.KERNEL_ENVIRONMENT) unless the user chose
otherwise: two notebooks run at once, each with its own workers, and a BLAS pool per kernel on top
oversubscribed the machine's cores."""
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("papermill")

RUN_ONE = """
import json, sys
from pathlib import Path
from narrative.pipeline.run import _run_one
notebook, work = Path(sys.argv[1]), Path(sys.argv[2])
print(json.dumps(_run_one(notebook, work / "out.ipynb", {}, work, False)))
"""


def _notebook(path: Path) -> Path:
    import nbformat

    nb = nbformat.v4.new_notebook()
    nb.metadata = {"kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"}}
    nb.cells = [nbformat.v4.new_code_cell(
        "import os, json\n"
        "from threadpoolctl import threadpool_info\n"
        "import numpy\n"
        "json.dump({'env': os.environ.get('OPENBLAS_NUM_THREADS'),\n"
        "           'blas': [i['num_threads'] for i in threadpool_info() if i['internal_api'] == 'openblas']},\n"
        "          open('threads.json', 'w'))")]
    nbformat.write(nb, str(path))
    return path


@pytest.mark.parametrize("preset,expected", [(None, "1"), ("2", "2")])
def test_kernel_gets_one_blas_thread_unless_the_user_set_it(tmp_path, preset, expected):
    (tmp_path / "logs").mkdir()
    env = {k: v for k, v in os.environ.items() if k != "OPENBLAS_NUM_THREADS"}
    if preset:
        env["OPENBLAS_NUM_THREADS"] = preset
    out = subprocess.run([sys.executable, "-c", RUN_ONE, str(_notebook(tmp_path / "nb.ipynb")), str(tmp_path)],
                         env=env, capture_output=True, text=True, check=True, timeout=300)
    seconds, error = json.loads(out.stdout.strip().splitlines()[-1])
    assert error is None
    seen = json.loads((tmp_path / "threads.json").read_text())
    assert seen["env"] == expected
    assert seen["blas"] and set(seen["blas"]) == {int(expected)}
