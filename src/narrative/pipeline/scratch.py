"""Where a notebook opened by hand (outside ``narrative run``) finds its inputs and writes its outputs."""
from __future__ import annotations

from pathlib import Path

from ..infra.datafiles import REPORTS


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


def scratch_dir() -> Path:
    """The scratch run directory of a notebook opened by hand: ``reports/scratch`` of the checkout
    (git-ignored), or a temporary one outside a checkout; created with its ``tables/`` and ``figures/``."""
    import tempfile

    root = project_root()
    scratch = root / REPORTS / "scratch" if root is not None else Path(tempfile.gettempdir()) / "narrative-scratch"
    for sub in ("tables", "figures"):
        (scratch / sub).mkdir(parents=True, exist_ok=True)
    return scratch
