"""One view of a document, built once, that every extractor reads; and the extractor registry.

A :class:`DocumentView` holds what the extractors share about one document: its quotations
(:class:`.quotes.Quotes`, paired once), its quoted speech (the quotations and the lines of speech a dash
opens: an interview's answers, "- We will hold - he said"; :func:`.quotes.speech`), the site
furniture left out (:mod:`.boilerplate`), the units claims are read in (sentences merged while a quotation is
open, furniture cut out; a line of speech stays sentences, as hand coders read it), each unit's
tokens and hedges, the known actors' mentions, the speaker resolver (:class:`narrative.speakers.resolver.Resolver`)
and the document's own voice. Its parts are computed on first use and kept, so a second reader
(the CRF's rule features, say) pays nothing.

:class:`Resources` owns what lives longer than a document (the actors file, the furniture rules)
and the caches that used to hide in module globals.

An extractor is a subclass of :class:`Extractor` with a ``name``, listed in
:data:`.registry.EXTRACTORS`; its :meth:`Extractor.drafts` reads a view and returns
:class:`.finish.Drafts`, and :func:`.finish.finish` turns those into claims the same way for every
extractor.

>>> view = DocumentView("d", "Advertisement\\nPodolyak: «Russia will not dictate the terms.»", "news", None,
...                     Resources())
>>> [view.text[a:b] for a, b in view.units], [view.text[a:b] for a, b in view.furniture]
(['Podolyak: «Russia will not dictate the terms.»'], ['Advertisement'])
>>> view.quotes.spans
[(24, 60)]
>>> view = DocumentView("d", "Intro.\\n– Mr. Putin wants a long war.\\nHe said so.", "news", None, Resources())
>>> view.quotes.spans, view.quoted.spans
([], [(7, 36)])
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, ClassVar, Iterator

from ..speakers.actors import Actors, load_actors
from .boilerplate import Boilerplate, without
from .boilerplate import boilerplate as default_boilerplate
from .cues import Profile, unit_hedges, with_next
from .finish import Drafts, finish
from ..segment.marks import joined
from .quotes import Quotes, quote_spans, speech, units
from .registry import extractor_class
from ..speakers.resolver import Resolver, own_voice
from .tokens import Toks
from .turns import Turn, turns, without_crossing

if TYPE_CHECKING:
    from .records import Claim


@dataclass
class Resources:
    """What outlives one document: the actors file, the furniture rules, and caches keyed by name
    (an extractor's model, say), owned here rather than in module globals.

    >>> Resources().actors.resolve("Peskov").name
    'Dmitry Peskov'
    """

    actors: Actors = field(default_factory=load_actors)
    boilerplate: Boilerplate = field(default_factory=default_boilerplate)
    caches: dict = field(default_factory=dict)

    def cache(self, name: str) -> dict:
        """A cache of this run's, created empty on first use (for this ``actors``: keyed by it, so a
        cache never outlives a change of actors file)."""
        return self.caches.setdefault((name, id(self.actors)), {})


class DocumentView:
    """What the extractors read about one document (see the module docstring). ``keep_tokens``:
    keep each unit's tokens once built (an extractor that reads every unit's tokens twice)."""

    def __init__(self, doc_id: str, text: str, source: str, side: str | None, resources: Resources,
                 *, keep_tokens: bool = False) -> None:
        self.doc_id, self.text, self.source, self.side = doc_id, text, source, side
        self.resources = resources
        actors = self.actors = resources.actors
        # quotation marks paired across a transcript's turns are no quotation (:func:`.turns.without_crossing`)
        self.quotes = Quotes(without_crossing(text, quote_spans(text), actors) if ":" in text else quote_spans(text))
        speech_lines = speech(text, self.quotes.spans)
        #: quoted speech: the quotations and the dash-led lines of speech (:func:`.quotes.speech`)
        self.quoted = Quotes(joined(self.quotes.spans, speech_lines))
        rules = resources.boilerplate
        lines = rules.spans(text, self.quotes)  # whole lines of furniture (headlines too)
        # sentences merge while a quotation is open; a line of speech closed by its attribution ("- … - he said")
        # stays sentences: merging it cost 10 of the 330 coded war-news claim spans and gained no quote or speaker
        spans = without(units(text, self.quotes.spans), lines, text)
        # and whole sentences ("… on YouTube. Click here to subscribe …" shares its line with a sentence)
        sentences = set(rules.sentences(text, spans))
        #: the units claims are read in: sentences merged while a quotation is open, furniture cut out
        self.units: list[tuple[int, int]] = [s for s in spans if s not in sentences] if sentences else spans
        #: the furniture left out: whole lines, then whole sentences
        self.furniture: list[tuple[int, int]] = lines + sorted(set(spans) - set(self.units))
        self.own_actor, self.own_side = own_voice(source, side, actors)
        #: drafts the nesting bound left out, over every extractor that finished on this view
        self.capped = 0
        self._keep_tokens = keep_tokens
        self._tokens: dict[int, Toks] = {}
        self._hedges: list[list[str]] | None = None
        self._resolver: Resolver | None = None
        self._mentions: list | None = None
        self._turns: list[Turn | None] | None = None
        self._unit_mentions: dict[int, list] = {}
        self._layers: dict = {}

    def tokens(self, u: int) -> Toks:
        """The tokens of unit ``u``."""
        toks = self._tokens.get(u)
        if toks is None:
            a, b = self.units[u]
            toks = Toks(self.text, a, b)
            if self._keep_tokens:
                self._tokens[u] = toks
        return toks

    def hedges(self, u: int) -> list[str]:
        """The journalist hedges of unit ``u`` and of the next unit."""
        if self._hedges is None:
            self._hedges = unit_hedges(self.text, self.units)
            self._any_hedges = any(self._hedges)
        return with_next(self._hedges, u) if self._any_hedges else []

    @property
    def resolver(self) -> Resolver:
        """The document's speaker resolver (built once; it resolves mentions in text order), reading the
        document's quoted speech (:attr:`quoted`)."""
        if self._resolver is None:
            quoted = self.quoted
            self._resolver = Resolver(self.actors, self.text, quoted.inside, self.actors.publisher(self.source),
                                      self.resources.cache("names"), quoted=quoted.spans)
        return self._resolver

    @property
    def turns(self) -> list[Turn | None]:
        """The transcript turn in effect at each unit (:mod:`.turns`; ``None``: the document's own
        voice): whose self claims its uncovered units are."""
        if self._turns is None:
            self._turns = turns(self.text, self.units, self.actors)
        return self._turns

    def mentions(self) -> list[tuple[int, int, object]]:
        """``(start, end, actor)`` of every known actor's mention in the text (found once)."""
        if self._mentions is None:
            self._mentions = self.actors.matches(self.text)
        return self._mentions

    def unit_mentions(self, u: int) -> list[tuple[int, int, object]]:
        """``(start, end, actor)`` of the known actors' mentions in unit ``u``, matched in the unit's
        own text (offsets into the document; found once per unit). Why not :meth:`mentions`: the
        rules ask about a few units only, and matching reads the text before each match."""
        found = self._unit_mentions.get(u)
        if found is None:
            a, b = self.units[u]
            found = self._unit_mentions[u] = [(a + m0, a + m1, actor)
                                              for m0, m1, actor in self.actors.matches(self.text[a:b])]
        return found

    def layer(self, key, build):
        """A value computed once per view (``build()`` on first use): an extractor's drafts that
        another reads, say."""
        if key not in self._layers:
            self._layers[key] = build()
        return self._layers[key]


class Extractor:
    """An extractor: ``name`` for the registry, :meth:`drafts` for one document's attributions.

    ``keep_tokens``: whether its views keep every unit's tokens (it reads them more than once).
    """

    name: ClassVar[str] = ""
    keep_tokens: ClassVar[bool] = False

    def __init__(self, resources: Resources, profile: Profile = "speech", **options) -> None:
        self.resources, self.profile = resources, profile

    def drafts(self, view: DocumentView) -> Drafts:
        raise NotImplementedError

    def view(self, doc_id: str, text: str, source: str, side: str | None = None) -> DocumentView:
        return DocumentView(doc_id, text, source, side, self.resources, keep_tokens=self.keep_tokens)

    def claims(self, view: DocumentView) -> Iterator["Claim"]:
        """The finished claims of one document (:func:`.finish.finish`)."""
        return finish(view, self.drafts(view))


def drafts_of(view: DocumentView, name: str, profile: str):
    """Extractor ``name``'s drafts of ``view`` in ``profile`` (computed once per view): how one
    extractor reads another's findings (the CRF's rule features) without importing it."""
    return view.layer(("drafts", name, profile),
                      lambda: extractor_class(name)(view.resources, profile).drafts(view))
