"""DataFrame column contracts, defined once.

Every stage returns a DataFrame whose columns are exactly one of these tuples,
in this order. Tests and users rely on them.
"""
from __future__ import annotations

#: ``narrative.corpus.load_corpus``
DOCUMENTS = ("doc_id", "source", "side", "date", "title", "text")

#: ``narrative.segment.sentences``; ``start``/``end`` index the document text.
SENTENCES = ("doc_id", "sent_id", "start", "end", "text")

#: ``narrative.segment.tokens``; ``start``/``end`` index the document text.
TOKENS = ("doc_id", "sent_id", "tok_id", "start", "end", "token")

#: ``narrative.claims.extract_claims``; every ``*_start``/``*_end`` pair indexes
#: the document text so that ``text[start:end]`` equals the span column.
CLAIMS = (
    "doc_id", "claim_id", "parent_claim_id",
    "speaker", "speaker_start", "speaker_end",
    "actor", "side",
    "cue", "cue_start", "cue_end", "cue_stance",
    "content", "content_start", "content_end",
    "quote_type", "hedges", "side_source",
    "publisher_side",
)

#: ``publisher_side``: the side of the claim's document's own voice (its publisher's by the actors file's
#: ``publishers``, else the corpus's side; ``journalist`` for a reporter's article), the same on every claim
#: of a document. It is what a ``self`` claim's side was before transcript turns gave the floor to other
#: speakers, so a sample stratified by the document's publisher (the demo's coded sheet) names it as stratum.

#: quote_type values: ``direct`` (all inside one quotation), ``mixed`` (partly quoted), ``indirect`` (reported
#: speech), ``self`` (the document's own voice, or a transcript turn's), ``act`` (an object-only speech act: "the
#: ministry condemned the strike", "Kyiv welcomed the decision", "called for talks"; the content is the object,
#: narrative.claims.acts). Every type but ``self`` is attributed; the news-quote measure leaves ``act`` out (quote
#: gold holds quotations and reported speech only)
QUOTE_TYPES = ("direct", "indirect", "mixed", "self", "act")

#: cue_stance values
CUE_STANCES = ("neutral", "distancing", "endorsing")

#: side given to speakers the actors file does not know
OTHER_SIDE = "other"

#: side of a claim whose speaker cannot be resolved (a pronoun, a bare title or a fragment with no
#: antecedent): not counted as ``other``; comparisons of sides leave it out and say how many
UNKNOWN_SIDE = "unknown"

#: ``side_source`` values: how a claim's side was decided. ``actors``: the actors file names the speaker;
#: ``gazetteer``: an office-holder gazetteer does (officials.csv); ``nationality``: the mention's modifier and
#: head ("Russian officials", "the Ukrainian side"); ``place``: a Ukrainian or Russian place and an official
#: head ("a Kharkiv official"); ``role``: a role the codebook puts on no side ("analysts", "a Ukrainian
#: expert": ``other``); ``coreference``: a pronoun or description resolved to an earlier speaker or name;
#: ``publisher``: the document's own voice (its publisher, its side, or the reporter); ``unlisted``: a named
#: speaker no list or rule places (``other``); ``unknown``: nobody could be resolved (side ``unknown``);
#: ``context``: a bare institution or "it" given the country the article named it with before ("the defence
#: ministry" after "Russia's defence ministry"; narrative.speakers.institutions)
SIDE_SOURCES = ("actors", "gazetteer", "nationality", "place", "role", "coreference", "publisher", "unlisted",
                "unknown", "context")

#: ``narrative.features.evidence`` (KWIC); ``rule``: what decided the category
#: (:data:`narrative.lexicons.RULES`: the phrase's own, or the perspective of an attack phrase)
EVIDENCE = (
    "doc_id", "claim_id", "category", "phrase",
    "left", "match", "right", "start", "end", "rule",
)

#: ``narrative.threads.threads``: one row per claim in a thread (claims about one place within a window
#: of days, across documents). ``date``: the claim's document day (YYYY-MM-DD, "" when undated);
#: ``frames``: ``;``-joined (``narrative.features.claim_frames``); ``distanced``: the reporter distances
#: itself (``narrative.compare.distanced``); ``anchor``: where the place came from (content, sentence,
#: similar); ``act``: capture, hold, deny, strike, casualty (``;``-joined); ``relation``: the thread's
#: plain relations between the compared sides ("capture vs hold", "strike vs casualties"); ``two_sided``:
#: the thread holds claims of both compared sides; ``content_start``/``content_end`` index the document text.
THREADS = (
    "thread_id", "place", "place_id", "start_date", "end_date",
    "claim_id", "doc_id", "date", "side", "speaker", "content", "content_start", "content_end",
    "frames", "distanced", "act", "relation", "two_sided", "anchor",
)
