"""The ``narrative`` command's option types and the options generated from the suite's parameters.

:func:`add_parameters` adds suite parameters (:data:`narrative.pipeline.params.SCHEMA`) as options
with the names, help, choices, bounds and defaults of ``narrative run -p`` (an alias in
:data:`CLI_NAMES` where a short flag reads better); :func:`corpus_args` adds the options every
corpus command shares; the rest are argparse ``type=`` functions that refuse a bad value with the
rule it broke.

>>> import argparse
>>> parser = argparse.ArgumentParser()
>>> add_parameters(parser, "top_k", "n_boot")
>>> args = parser.parse_args(["--top", "5"])
>>> args.top_k, args.n_boot
(5, 1000)
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path


def number(text: str, kind: type, least: float, what: str):
    """``kind(text)`` if it is at least ``least``, else an argparse error naming the rule."""
    try:
        value = kind(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected {what}, got {text!r}") from None
    if value < least:
        raise argparse.ArgumentTypeError(f"must be at least {least:g}, got {text}")
    return value


def positive(text: str) -> int:
    """An integer >= 1 (argparse type)."""
    return number(text, int, 1, "an integer")


def seed(text: str) -> int:
    """A random seed (argparse type): an integer >= 0."""
    return number(text, int, 0, "an integer")


def finite_positive(text: str) -> float:
    """A finite number > 0 (argparse type): ``nan``, ``inf``, 0 and negatives are refused."""
    import math

    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a number, got {text!r}") from None
    if not math.isfinite(value) or value <= 0:
        raise argparse.ArgumentTypeError(f"must be a finite number > 0, got {text}")
    return value


class DeprecatedAlias(argparse.Action):
    """Stores the value; says once on stderr when the deprecated spelling was used."""

    def __init__(self, *args, deprecated: str = "", instead: str = "", **kwargs):
        self.deprecated, self.instead = deprecated, instead
        super().__init__(*args, **kwargs)

    def __call__(self, parser, namespace, values, option_string=None):
        if option_string == self.deprecated:
            print(f"narrative: {self.deprecated} is deprecated here; use {self.instead}", file=sys.stderr)
        setattr(namespace, self.dest, values)


#: suite parameters whose CLI spelling differs (documented aliases: short flags that read better);
#: the first flag is the one shown in help, the attribute is the second element
CLI_NAMES = {
    "side_a": (("--a", "--side-a"), "a"),
    "side_b": (("--b", "--side-b"), "b"),
    "top_k": (("--top", "--top-k"), "top_k"),
    "claims_method": (("--method", "--claims-method"), "method"),
    # --profile is run's timing flag; for the claims commands it is a deprecated alias of --claims-profile
    "claims_profile": (("--claims-profile", "--profile"), "profile"),
}


def add_parameters(parser: argparse.ArgumentParser, *names: str, **defaults) -> None:
    """Add the suite parameters ``names`` (:data:`narrative.pipeline.params.SCHEMA`) as options:
    the same names (``--n-boot`` for ``n_boot``, or the alias in :data:`CLI_NAMES`), help,
    choices, bounds and defaults as ``narrative run -p``; ``defaults`` overrides a default
    where a command needs another (e.g. ``claims_profile="attribution"`` for PolNeAR)."""
    from .pipeline.params import BY_NAME

    for name in names:
        p = BY_NAME[name]
        flags, dest = CLI_NAMES.get(name, (("--" + name.replace("_", "-"),), name))
        default = defaults.get(name, p.default)
        shown = "" if default is None or default is False else f" (default: {default})"
        kwargs: dict = {"dest": dest, "default": default, "help": p.help.replace("%", "%%") + shown}
        if p.type == "bool":
            kwargs["action"] = "store_true"
        elif p.choices:
            kwargs["choices"] = p.choices
        elif p.type == "int":
            least = 0 if p.minimum is None else p.minimum
            kwargs["type"] = lambda text, least=least: number(text, int, least, "an integer")
        elif p.type == "float":
            kwargs["type"] = finite_positive
        elif p.type == "path":
            kwargs["type"] = Path
        if name == "scheduler":
            kwargs.update(type=scheduler_address, metavar="ADDRESS")
        if name == "claims_profile":
            kwargs.update(action=DeprecatedAlias, deprecated="--profile", instead="--claims-profile",
                          help=kwargs["help"] + "; --profile: deprecated alias")
        parser.add_argument(*flags, **kwargs)


def scheduler_address(text: str) -> str | None:
    """A Dask scheduler address (argparse type): ``none`` (the default: start a LocalCluster) or
    ``[protocol://]host:port``."""
    import re

    if text.strip().lower() == "none":
        return None
    if not re.match(r"^([a-z]+://)?[^\s:/]+:\d+/?$", text.strip()):
        raise argparse.ArgumentTypeError(f"expected an address such as tcp://host:8786, or none; got {text!r}")
    return text.strip()


def corpus_args(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("inputs", nargs="+", metavar="INPUT", help="csv, jsonl, parquet or .txt files, or directories of them")
    parser.add_argument("--text-column", help="column holding the text (default: text, body or content)")
    parser.add_argument("--title-column", help="column holding the title (default: title or headline)")
    parser.add_argument("--date-column", help="column holding the date (default: date, published)")
    parser.add_argument("--side-column", help="column holding the side (default: side; else from the actors file's publishers)")
    parser.add_argument("-o", "--output", type=Path, help="output file (default: standard output)")
    add_parameters(parser, "actors", "jobs", "backend", "scheduler")
    parser.add_argument("--chunk-docs", type=positive, help="documents per chunk (memory per worker; default 2000, "
                        "5000 with --backend dask)")
