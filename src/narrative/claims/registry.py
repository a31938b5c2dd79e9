"""The claim extractors by name: where ``--method`` (CLI), ``claims_method`` (the suite) and
``narrative bench`` take their choices from. Importing this module is cheap (no pandas, no model):
an extractor's module is imported when the extractor is first used.

Adding an extractor: a subclass of :class:`narrative.claims.document.Extractor` (``name`` and a
``drafts(view)`` method returning :class:`narrative.claims.finish.Drafts`) and one line in
:data:`EXTRACTORS` (or :func:`register` for a class defined elsewhere).

>>> METHODS
('rules', 'crf', 'rules-parse')
>>> extractor_class("rules").__name__
'RulesExtractor'
"""
from __future__ import annotations

from importlib import import_module

#: name -> extractor class, or ``"module:Class"`` until first used; the first is the default
EXTRACTORS: dict[str, object] = {
    "rules": "narrative.claims.rules:RulesExtractor",
    "crf": "narrative.claims.crf:CrfExtractor",
    "rules-parse": "narrative.claims.rules:ParseSpeakersExtractor",
}
#: the shipped extractors' names, the default first
METHODS: tuple[str, ...] = tuple(EXTRACTORS)
DEFAULT_METHOD = METHODS[0]


def extractor_class(name: str) -> type:
    """The extractor class registered as ``name`` (its module imported on first use)."""
    target = EXTRACTORS.get(name)
    if target is None:
        raise ValueError(f"method must be one of {tuple(EXTRACTORS)}, not {name!r}")
    if isinstance(target, str):
        module, _, attr = target.partition(":")
        target = EXTRACTORS[name] = getattr(import_module(module), attr)
    return target  # type: ignore[return-value]


def register(cls: type) -> type:
    """Register an extractor class under its ``name`` (a class decorator)."""
    if not getattr(cls, "name", "") or cls.name in EXTRACTORS:
        raise ValueError(f"extractor name {getattr(cls, 'name', '')!r} is empty or taken")
    EXTRACTORS[cls.name] = cls
    return cls
