"""What ``narrative run`` checks before any notebook starts, so bad input exits 2 in one line
without a failed run: the parameters against the files and the corpus (:func:`preflight`, with
:func:`check_folds`), and the loopback interface the Jupyter kernels need (:func:`check_loopback`).
"""
from __future__ import annotations

from typing import Any

from ..errors import ParameterError, SetupError


def preflight(parameters: dict[str, Any]) -> None:
    """Everything that can be checked before a notebook starts, so bad input exits 2 without a
    failed run: the actors and lexicon files parse, every corpus file reads (UTF-8, structure,
    text column, every row), the frame labels parse, and the two sides are different and occur."""
    from ..speakers.actors import load_actors
    from ..corpus import Columns, iter_chunks
    from ..errors import InputError
    from ..lexicons import load_lexicon

    def parsed(name, load):
        try:
            return load(parameters.get(name))
        except InputError as exc:
            raise ParameterError(name, f"{exc}") from None
        except OSError as exc:  # a directory, no permission
            raise ParameterError(name, f"cannot read {parameters.get(name)}: {exc.strerror}") from None

    cast = parsed("actors", load_actors)
    lexicon = parsed("lexicon", load_lexicon)
    if parameters.get("frame_labels"):
        from ..evaluation.frame_labels import read_labels

        labels = parsed("frame_labels", lambda path: read_labels(path, lexicon.categories))
        labelled = labels["doc_id"].nunique() if "doc_id" in labels else len(labels)
        if parameters["n_splits"] > labelled:
            raise ParameterError("n_splits", f"{parameters['n_splits']} folds need at least as many labelled "
                                             f"documents; {parameters['frame_labels']} has {labelled}")
    if parameters.get("validation"):  # a coded sheet: its codes are checked now, its claim ids by notebook 04
        from ..estimate import read_sheet

        parsed("validation", lambda path: read_sheet(path, lexicon.categories))
    a, b = parameters["side_a"], parameters["side_b"]
    if a == b:
        raise ParameterError("side_b", f"is the same side as side_a ({a!r}); compare two different sides")
    sides = {actor.side for actor in cast.actors} | set(cast.sides) | set(cast.source_sides().values())
    sides |= {"other", "journalist"}
    documents = 0
    by_side: dict[str, int] = {}
    for chunk in iter_chunks(parameters["corpus"], columns=Columns(text=parameters.get("text_column")),
                             sides=cast.source_sides()):
        documents += len(chunk)
        sides.update(chunk["side"].unique())
        for side, n in chunk["side"].value_counts().items():
            by_side[side] = by_side.get(side, 0) + int(n)
    if documents == 0:
        raise InputError(", ".join(parameters["corpus"]), None, "empty corpus: no documents with text")
    check_folds(parameters, by_side.get(a, 0) + by_side.get(b, 0))
    for name, side in (("side_a", a), ("side_b", b)):
        if side not in sides:
            raise ParameterError(name, f"unknown side {side!r}: the actors file and the corpus know "
                                       f"{', '.join(sorted(sides))}")


def check_folds(parameters: dict[str, Any], documents: int) -> None:
    """The side classifier's folds against the corpus: ``n_splits`` (grouped by document) cannot
    exceed the documents of the two sides, nor ``n_splits + 1`` time blocks. Said before the run
    (one line, exit 2) when fewer folds would work; a corpus too small for any cross-validation
    (one document) still runs, and its report says the classifier could not be computed."""
    a, b = parameters["side_a"], parameters["side_b"]
    need = parameters["n_splits"] + (1 if parameters.get("split") == "time" else 0)
    usable = documents - (1 if parameters.get("split") == "time" else 0)
    if need > documents and usable >= 2:
        raise ParameterError("n_splits", f"{parameters['n_splits']} folds need at least {need} documents of "
                                         f"{a!r} and {b!r}; the corpus has {documents}: use at most {usable}")


def check_loopback() -> None:
    """Jupyter kernels talk to papermill over TCP on 127.0.0.1: fail at once, in one line, when
    that cannot work (a network namespace or container with loopback down), instead of a
    60-second kernel timeout per notebook."""
    import socket

    try:
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
            probe.bind(("127.0.0.1", 0))
            probe.listen(1)
            with socket.create_connection(probe.getsockname(), timeout=5):
                pass
    except OSError as exc:
        raise SetupError(f"the Jupyter kernels need the loopback interface (127.0.0.1), which does not work "
                         f"here: {exc.strerror or exc}; bring it up (ip link set lo up)") from None
