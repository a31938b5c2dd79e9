"""Where a notebook opened by hand (outside ``narrative run``) finds its inputs and writes its outputs."""
from __future__ import annotations

from pathlib import Path

from ..infra.datafiles import DEMO_CORPUS, REPORTS


def project_root(start: Path | None = None) -> Path | None:
    """The narrative checkout holding ``start`` (default: the current directory), found by its
    ``notebooks/01_claims.ipynb`` and ``src/narrative``; None outside one."""
    here = Path(start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / "notebooks" / "01_claims.ipynb").is_file() and (folder / "src" / "narrative").is_dir():
            return folder
    return None


def locate(path) -> str:
    """A default input path as the notebooks write it (``data/raw/press-releases``): as given
    when it exists from here, else from the project root (a notebook opened in ``notebooks/``)."""
    given = Path(path)
    if given.is_absolute() or given.exists():
        return str(given)
    root = project_root()
    return str(root / given) if root is not None and (root / given).exists() else str(given)


def open_run_dir(run_dir, notebook: str) -> Path:
    """The run directory a notebook writes into.

    ``narrative run`` passes its run directory. A notebook opened by hand (``run_dir = None``)
    gets a scratch run directory, ``reports/scratch`` of the checkout (git-ignored) or a temporary
    one outside a checkout, and the notebooks before it run there with their defaults when their
    tables are missing, so any notebook runs on its own and never writes into the repository.
    """
    if run_dir is not None:
        return Path(run_dir)
    import tempfile

    from . import steps
    from .params import DEPENDS, NOTEBOOKS

    root = project_root()
    scratch = root / REPORTS / "scratch" if root is not None else Path(tempfile.gettempdir()) / "narrative-scratch"
    for sub in ("tables", "figures"):
        (scratch / sub).mkdir(parents=True, exist_ok=True)
    print(f"run_dir: {scratch} (scratch run directory: the notebook was opened outside `narrative run`)")
    needed = {"01_claims.ipynb": "claims.csv", "02_lexicon_framing.ipynb": "frame_scores.csv"}
    for earlier in [nb for nb in NOTEBOOKS if nb in DEPENDS.get(notebook, ())]:
        if not (scratch / "tables" / needed[earlier]).is_file():
            print(f"running {earlier} first with its defaults (its tables are missing)")
            if earlier == "01_claims.ipynb":
                steps.claims_step(scratch, corpus=[locate(DEMO_CORPUS)], jobs=2)
            else:
                steps.framing_step(scratch, jobs=2)
    return scratch
