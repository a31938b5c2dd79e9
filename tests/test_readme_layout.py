"""README's layout table names every module and package of src/narrative, and every path it names exists."""
import re
from pathlib import Path

from support import ROOT

PACKAGE = ROOT / "src" / "narrative"


def _layout() -> str:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    return text[text.index("## Layout"):text.index("\n## ", text.index("## Layout") + 1)]


def _names(section: str) -> set[str]:
    names = set()
    for tok in re.findall(r"`([^`]+)`", section):
        last = tok.rstrip("/").split("/")[-1]
        names |= {tok, last, last.removesuffix(".py")}
    return names


def test_every_module_and_package_is_in_the_layout_table():
    names = _names(_layout())
    modules = [p for p in PACKAGE.rglob("*.py") if p.name != "__init__.py"]
    packages = [p.parent for p in PACKAGE.rglob("__init__.py") if p.parent != PACKAGE]
    missing = [str(p.relative_to(PACKAGE)) for p in modules if p.stem not in names]
    missing += [str(p.relative_to(PACKAGE)) + "/" for p in packages if p.name not in names]
    assert len(modules) > 50 and not missing, missing


def test_every_src_path_in_the_layout_table_exists():
    paths = [tok for tok in re.findall(r"`(src/narrative/[^`]+)`", _layout())]
    assert len(paths) > 15
    assert [p for p in paths if not (ROOT / p).exists()] == []
