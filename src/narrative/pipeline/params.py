"""The notebook suite's parameters: one schema, validated before anything runs.

Sources merge in order (later wins): schema defaults, a YAML config file,
``-p NAME VALUE`` pairs (VALUE parsed as YAML, so ``3``, ``true``, ``[a, b]``
and ``2022-02-24`` keep their types). :func:`validate` rejects unknown names,
wrong types and missing files with a :class:`ParameterError`.

Examples
--------
>>> merged = merge_parameters(config={"n_boot": 500}, pairs=[("seed", "7")])
>>> merged["n_boot"], merged["seed"], merged["side_a"]
(500, 7, 'kremlin')
"""
from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable

import yaml

from ..claims import PROFILES
from ..claims.registry import METHODS
from ..compare.words import PRIORS
from ..comparison import Options
from ..errors import ParameterError
from ..infra.datafiles import DEMO_CORPUS, FRAME_LABELS, VALIDATION_SHEET

NOTEBOOKS = ("01_claims.ipynb", "02_lexicon_framing.ipynb", "03_classifier.ipynb", "04_comparison_report.ipynb")
PARAMETERS_TAG = "parameters"
#: which notebooks read another's tables: ``narrative run`` starts a notebook when these have succeeded,
#: so 03 runs beside 02 → 04 on a two-core machine
DEPENDS = {
    "01_claims.ipynb": (),
    "02_lexicon_framing.ipynb": ("01_claims.ipynb",),
    "03_classifier.ipynb": ("01_claims.ipynb",),
    "04_comparison_report.ipynb": ("01_claims.ipynb", "02_lexicon_framing.ipynb"),
}


@dataclass(frozen=True)
class Param:
    name: str
    type: str  # paths | path | str | int | float (finite, > 0) | bool | date | words (english, none or a path)
    default: Any
    help: str
    notebooks: tuple[str, ...]
    optional: bool = False
    choices: tuple[str, ...] = ()
    minimum: int | None = None  # smallest usable value of an int parameter (e.g. 2 folds)


#: the notebooks that compare sides (01 only extracts)
ANALYSES = NOTEBOOKS[1:]
#: the comparison's defaults (written once, in narrative.comparison.Options)
_COMPARE = Options()
SCHEMA: tuple[Param, ...] = (
    Param("corpus", "paths", [DEMO_CORPUS], "corpus files or directories (csv, jsonl, parquet, txt)", ("01_claims.ipynb",)),
    Param("text_column", "str", None, "column holding the text (default: text, body or content)", ("01_claims.ipynb",), True),
    Param("claims_method", "str", "rules", "claim extractor: rules (fast, nesting), crf (trained, more recall) or rules-parse (the rules, speakers from the parser: slower)", ("01_claims.ipynb",), choices=tuple(METHODS)),
    Param("keep_duplicates", "bool", False, "count every copy of a duplicated document (default: each group of exact or near copies once)", ("01_claims.ipynb",)),
    Param("claims_profile", "str", "speech", "which claims: speech (speech acts, quotations) or attribution (also beliefs, evidence)", ("01_claims.ipynb",), choices=tuple(PROFILES)),
    Param("actors", "path", None, "actors YAML file (default: the shipped one)", ("01_claims.ipynb", "03_classifier.ipynb",
                                                                                 "04_comparison_report.ipynb"), True),
    Param("lexicon", "path", None, "frames lexicon CSV (default: the shipped one)", ("01_claims.ipynb", "02_lexicon_framing.ipynb", "03_classifier.ipynb", "04_comparison_report.ipynb"), True),
    Param("side_a", "str", _COMPARE.a, "first side to compare", ANALYSES),
    Param("side_b", "str", _COMPARE.b, "second side to compare", ANALYSES),
    Param("max_claims", "int", 6000, "claims sampled for classifier cross-validation", ("03_classifier.ipynb",),
          minimum=10),
    Param("frame_labels", "path", FRAME_LABELS, "hand-labelled claims for the frames classifier (none: skip)",
          ("03_classifier.ipynb",), True),
    Param("split", "str", "grouped", "cross-validation: grouped by document, or time-ordered (train on the past)",
          ("03_classifier.ipynb",), choices=("grouped", "time")),
    Param("n_splits", "int", 5, "grouped cross-validation folds", ("03_classifier.ipynb",), minimum=2),
    Param("n_boot", "int", _COMPARE.n_boot, "bootstrap resamples for confidence intervals", ANALYSES, minimum=1),
    Param("n_perm", "int", _COMPARE.n_perm, "permutations for p-values", ("04_comparison_report.ipynb",), minimum=1),
    Param("top_k", "int", _COMPARE.top_k, "terms/features shown per side", ("03_classifier.ipynb", "04_comparison_report.ipynb"),
          minimum=1),
    Param("jobs", "int", 2, "worker processes for claims, frame scoring and cross-validation, shared by the notebooks running side by side (both cores by default)",
          ("01_claims.ipynb", "02_lexicon_framing.ipynb", "03_classifier.ipynb"), minimum=1),
    Param("backend", "str", "local", "claim extraction on local processes or a Dask cluster", ("01_claims.ipynb",),
          choices=("local", "dask")),
    Param("scheduler", "str", None, "Dask scheduler address (tcp://host:8786); none starts a LocalCluster",
          ("01_claims.ipynb",), True),
    Param("seed", "int", _COMPARE.seed, "random seed (same seed, same outputs)", ANALYSES),
    Param("validation", "path", VALIDATION_SHEET, "a coded sheet (`narrative sample`, coded by the codebook) that "
          "corrects the estimates for the tool's errors; none: the report's intervals assume correct labels "
          "(default: the demo corpus's 400 coded claims)", ("04_comparison_report.ipynb",), True),
    Param("prior", "str", _COMPARE.prior, "log-odds prior: informative (each term's pooled count) or uniform (alpha "
          "per term)", ("04_comparison_report.ipynb",), choices=PRIORS),
    Param("alpha", "float", _COMPARE.alpha, "the uniform prior's count per term (> 0)", ("04_comparison_report.ipynb",)),
    Param("stopwords", "words", _COMPARE.stopwords, "terms left out of the log-odds: english, none, or a file of one term a "
          "line", ("04_comparison_report.ipynb",)),
    Param("keep_names", "bool", _COMPARE.keep_names, "keep the actors file's person names in the log-odds (default: left out)",
          ("04_comparison_report.ipynb",)),
)
BY_NAME = {p.name: p for p in SCHEMA}
#: how a user writes "no value" for an optional parameter (as YAML's null/~ do)
NONE = "none"


def defaults() -> dict[str, Any]:
    return {p.name: p.default for p in SCHEMA}


def read_config(path: str | Path) -> dict[str, Any]:
    """Parameters from a YAML mapping file."""
    try:
        data = yaml.safe_load(Path(path).read_text("utf-8")) or {}
    except FileNotFoundError:
        raise ParameterError("--config", f"no such file: {path}") from None
    except IsADirectoryError:
        raise ParameterError("--config", f"{path} is a directory, not a YAML file") from None
    except UnicodeDecodeError:
        raise ParameterError("--config", f"{path} is not UTF-8 text (a binary file?)") from None
    except OSError as exc:
        raise ParameterError("--config", f"cannot read {path}: {exc.strerror}") from None
    except yaml.YAMLError as exc:
        raise ParameterError("--config", f"{path} is not valid YAML: {getattr(exc, 'problem', exc)}") from None
    if not isinstance(data, dict):
        raise ParameterError("--config", f"{path} must hold a mapping of name: value")
    return data


def merge_parameters(*, config: dict | None = None, pairs: Iterable[tuple[str, str]] = (), corpus=None) -> dict[str, Any]:
    """Defaults ← config ← ``-p`` pairs ← ``--corpus``; types are checked by :func:`validate`."""
    merged = defaults()
    for name, value in (config or {}).items():
        _known(name)
        merged[name] = value
    for name, text in pairs:
        _known(name)
        try:
            merged[name] = yaml.safe_load(text) if text != "" else ""
        except yaml.YAMLError as exc:
            raise ParameterError(name, f"value {text!r} is not valid YAML: {getattr(exc, 'problem', exc)}") from None
    if corpus:
        merged["corpus"] = list(corpus)
    return merged


def _known(name: str) -> None:
    if name not in BY_NAME:
        raise ParameterError(name, f"unknown parameter; known: {', '.join(BY_NAME)}")


def validate(params: dict[str, Any], *, base: Path | None = None) -> dict[str, Any]:
    """Check every value against the schema; return a copy with paths made absolute."""
    base = base or Path.cwd()
    out = {}
    for name, value in params.items():
        _known(name)
        spec = BY_NAME[name]
        if spec.optional and isinstance(value, str) and value.strip().lower() == NONE:
            value = None  # `-p frame_labels none`, `-p scheduler none`: the documented "none"
        if value is None:
            if not spec.optional:
                raise ParameterError(name, "must be given")
            out[name] = None
            continue
        out[name] = _check(spec, value, base)
    return out


def _check(spec: Param, value: Any, base: Path) -> Any:
    kind = spec.type
    if kind == "bool":
        if not isinstance(value, bool):
            raise ParameterError(spec.name, f"expected true/false, got {value!r}")
        return value
    if kind == "int":
        if isinstance(value, bool) or not isinstance(value, int):
            raise ParameterError(spec.name, f"expected an integer, got {value!r}")
        least = 0 if spec.minimum is None else spec.minimum
        if value < least:
            raise ParameterError(spec.name, f"must be >= {least}, got {value}")
        return value
    if kind == "float":
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value) or value <= 0:
            raise ParameterError(spec.name, f"expected a finite number > 0, got {value!r}")
        return float(value)
    if kind == "words":  # english | none | a file of terms
        if value in ("english", "none"):
            return value
        return _path(spec.name, value, base)
    if kind == "date":
        if isinstance(value, dt.date):
            return value.isoformat()
        raise ParameterError(spec.name, f"expected a date (YYYY-MM-DD), got {value!r}")
    if kind == "str":
        if not isinstance(value, str):
            raise ParameterError(spec.name, f"expected text, got {value!r}")
        if spec.choices and value not in spec.choices:
            raise ParameterError(spec.name, f"must be one of {', '.join(spec.choices)}, got {value!r}")
        return value
    if kind == "path":
        return _path(spec.name, value, base)
    if kind == "paths":
        values = value if isinstance(value, list) else [value]
        if not values:
            raise ParameterError(spec.name, "needs at least one path")
        return [_path(spec.name, v, base) for v in values]
    raise AssertionError(kind)


#: the schema's default paths, found where the project's files are installed when not under ``base``
SHIPPED_DEFAULTS = (DEMO_CORPUS, FRAME_LABELS, VALIDATION_SHEET)


def _path(name: str, value: Any, base: Path) -> str:
    if not isinstance(value, str) or not value:
        raise ParameterError(name, f"expected a path, got {value!r}")
    path = Path(value)
    path = path if path.is_absolute() else base / path
    if not path.exists() and value in SHIPPED_DEFAULTS:  # the default, outside the checkout (pip install .)
        from ..infra.datafiles import project_file

        path = project_file(value) or path
    if not path.exists():
        raise ParameterError(name, f"no such file or directory: {value}")
    return str(path.resolve())


def for_notebook(params: dict[str, Any], notebook: str) -> dict[str, Any]:
    """The subset of parameters a notebook declares."""
    return {p.name: params[p.name] for p in SCHEMA if notebook in p.notebooks and p.name in params}


def describe() -> str:
    """The schema as a plain-text table (for ``narrative run --help-params``)."""
    lines = [f"{'name':<12} {'type':<6} {'default':<28} help"]
    for p in SCHEMA:
        lines.append(f"{p.name:<12} {p.type:<6} {str(p.default):<28} {p.help}")
    return "\n".join(lines)
