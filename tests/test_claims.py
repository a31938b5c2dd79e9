import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from narrative.claims import extract_claims, quote_spans
from narrative.schema import CLAIMS

from support import NEWS


def claims_of(text: str, source: str = "news") -> pd.DataFrame:
    return extract_claims(pd.DataFrame({"doc_id": ["d"], "source": [source], "text": [text]}))


def test_example_article_speakers_sides_nesting(example_text):
    c = claims_of(example_text, source="cnn")
    attributed = c[c["quote_type"] != "self"]
    got = [(r.actor, r.side, r.cue) for r in attributed.itertuples()]
    assert got == [
        ("Russia", "kremlin", "claimed"),
        ("Vladimir Putin", "kremlin", "thanked"),
        ("Andriy Kovalenko", "ukraine", "warned"),
        ("Andriy Kovalenko", "ukraine", "said"),          # "He said" -> Kovalenko
        ("Ukrainian military", "ukraine", "announced"),
        ("the Kremlin", "kremlin", "said"),
        ("Dmitry Peskov", "kremlin", "said"),
        ("Valery Gerasimov", "kremlin", "informed"),       # nested under Peskov
        ("Dmitry Peskov", "kremlin", "said"),
        ("Vladimir Putin", "kremlin", "expressed"),
        ("Vladimir Putin", "kremlin", "said"),
        ("Vladimir Putin", "kremlin", "added"),
    ]
    he = attributed[attributed["speaker"] == "He"].iloc[0]
    assert he["actor"] == "Andriy Kovalenko"
    peskov = attributed[attributed["cue"] == "informed"].iloc[0]
    outer = c.set_index("claim_id").loc[peskov["parent_claim_id"]]
    assert outer["actor"] == "Dmitry Peskov" and peskov["content"] == "Russian troops had captured Pokrovsk"
    first = attributed.iloc[0]
    assert first["cue_stance"] == "distancing" and first["hedges"] == ["if true"]
    assert "it is unclear" in outer["hedges"] and "alleged" in outer["hedges"]
    quote = attributed[(attributed["cue"] == "said") & (attributed["quote_type"] == "direct")].iloc[0]
    assert quote["content"].startswith("I would like to thank you for the results") and quote["content"].endswith("combat missions")
    # five narration sentences; the closing "… contributed reporting." credit line is furniture, no claim
    assert (c["quote_type"] == "self").sum() == 5 and set(c.loc[c["quote_type"] == "self", "side"]) == {"journalist"}
    assert not c["content"].str.contains("contributed reporting").any()
    for r in c.itertuples():
        assert example_text[r.content_start:r.content_end] == r.content
        if r.quote_type != "self":
            assert example_text[r.speaker_start:r.speaker_end] == r.speaker
            assert example_text[r.cue_start:r.cue_end] == r.cue


CASES = [
    # (text, speaker, actor, side, cue, stance, quote_type, content)
    ("Kremlin spokesman Dmitry Peskov said the troops had shown “exceptional courage.”",
     "Kremlin spokesman Dmitry Peskov", "Dmitry Peskov", "kremlin", "said", "neutral", "mixed",
     "the troops had shown “exceptional courage.”"),
    ("«Мы победим», said Peskov.", "Peskov", "Dmitry Peskov", "kremlin", "said", "neutral", "direct", "Мы победим"),
    ("According to the Ukrainian military, the attack was repelled.", "the Ukrainian military", "Ukrainian military",
     "ukraine", "According to", "neutral", "indirect", "the attack was repelled"),
    ("The attack was repelled, according to Kyiv.", "Kyiv", "Ukraine", "ukraine", "according to", "neutral",
     "indirect", "The attack was repelled"),
    ("Moscow alleged that Ukrainian drones had struck a refinery.", "Moscow", "Russia", "kremlin", "alleged",
     "distancing", "indirect", "Ukrainian drones had struck a refinery"),
    ("Zelenskyy confirmed that the troops had withdrawn.", "Zelenskyy", "Volodymyr Zelenskyy", "ukraine", "confirmed",
     "endorsing", "indirect", "the troops had withdrawn"),
    ('"We will not give up," a senior official told reporters.', "a senior official", "a senior official", "unknown",
     "told", "neutral", "direct", "We will not give up"),
    ("Steve Witkoff said on Tuesday that talks would continue.", "Steve Witkoff", "Steve Witkoff", "other", "said",
     "neutral", "indirect", "talks would continue"),
]


@pytest.mark.parametrize("text,speaker,actor,side,cue,stance,qtype,content", CASES)
def test_attribution_cases(text, speaker, actor, side, cue, stance, qtype, content):
    c = claims_of(text)
    row = c[c["quote_type"] != "self"].iloc[0]
    assert (row.speaker, row.actor, row.side, row.cue, row.cue_stance, row.quote_type, row.content) == \
        (speaker, actor, side, cue, stance, qtype, content)


def test_composed_news_paragraph():
    c = claims_of(NEWS)
    assert list(c.columns) == list(CLAIMS)
    attributed = c[c["quote_type"] != "self"]
    assert attributed["actor"].tolist() == ["Russia", "Dmitry Peskov", "Ukrainian military", "Andriy Kovalenko",
                                            "Andriy Kovalenko"]
    assert attributed.iloc[-1]["speaker"] == "He"
    assert "could not be independently verified" in attributed.iloc[-1]["hedges"]


def test_press_release_sentences_speak_for_publisher():
    c = claims_of("The President held a meeting on economic issues. Energy prices were discussed.", source="putin")
    assert c["quote_type"].tolist() == ["self", "self"]
    assert set(c["side"]) == {"kremlin"} and set(c["actor"]) == {"Office of the President of Russia"}


def test_unbalanced_quote_does_not_swallow_the_document():
    text = ("Peskov said the city was “fully under control. Officials gave no details. "
            "Kyiv denied it. Analysts were sceptical.")
    c = claims_of(text)
    peskov = c[c["actor"] == "Dmitry Peskov"].iloc[0]
    assert peskov["content_end"] <= text.index("Officials")
    assert len(c) >= 3


def test_quote_spans_pairs_mixed_marks():
    assert quote_spans("“a” \"b\" «c» “unclosed") == [(0, 3), (4, 7), (8, 11)]


# the offset property over every extractor: tests/test_claims_view.py


def test_own_voice_follows_the_documents_side():
    docs = pd.DataFrame({"doc_id": ["a", "b"], "source": ["blog", "wire"], "side": ["ukraine", "other"],
                         "text": ["The front held.", "The front held."]})
    c = extract_claims(docs)
    assert c[["actor", "side"]].values.tolist() == [["blog", "ukraine"], ["(author)", "journalist"]]


def test_unit_hedges_prefilter_is_exact():
    """The substring/loose-pattern prefilter finds exactly what the strict per-unit search finds."""
    from narrative.claims.cues import hedge_pattern, unit_hedges as _unit_hedges
    from narrative.claims.quotes import units

    texts = [NEWS, "Kyiv said the so-called referendum, if true, was ALLEGED. It is unclear.",
             "The \u017fo-called vote (long s) and the \u212aremlin's unverified claim.", "No hedges here."]
    for text in texts:
        spans = units(text)
        strict = [sorted({m.group(0).lower() for m in hedge_pattern().finditer(text, a, b)}) for a, b in spans]
        assert _unit_hedges(text, spans) == strict
    assert _unit_hedges(texts[1], units(texts[1])) == [["alleged", "if true", "so-called"], ["it is unclear"]]
    assert _unit_hedges(texts[2], units(texts[2])) == [["unverified", "\u017fo-called"]]


HEDGE_BITS = st.sampled_from(["if true", "IF TRUE", "If", "true", "alleged", "Allegedly", "so-called", "so", "-",
                              "called", "unverified", "it is unclear", "It Was", "not clear", "x", "_", "’", ".",
                              " ", "\n", "\u017f", "\u212a", "\u0130", "reportedly", "un"])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(HEDGE_BITS, st.text(max_size=2)), max_size=30))
def test_unit_hedges_equal_the_strict_pattern_on_any_text(pieces):
    """Trying the loose pattern only where a phrase occurs is a speed-up: same hedges per unit."""
    from narrative.claims.cues import hedge_pattern, unit_hedges as _unit_hedges
    from narrative.claims.quotes import units

    text = "".join(pieces)
    spans = units(text)
    strict = [sorted({m.group(0).lower() for m in hedge_pattern().finditer(text, a, b)}) for a, b in spans]
    assert _unit_hedges(text, spans) == strict


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(["-", "'", "\u2019", "_", " ", "\n", "\u00a0", "\x1c", "\u2014", "\u201c",
                                           ".", "a", "\u0416", "7", "\u0130"]), st.text(max_size=4)), max_size=40),
       st.integers(0, 8), st.integers(0, 8))
def test_token_lists_equal_the_token_regex(pieces, a, cut):
    """Toks (built from whitespace-prefixed pieces) has exactly TOKEN_RE's tokens and offsets in text[a:b]."""
    from narrative.claims.tokens import Toks
    from narrative.segment import TOKEN_RE

    text = "".join(pieces)
    a = min(a, len(text))
    b = max(a, len(text) - cut)
    toks, found = Toks(text, a, b), list(TOKEN_RE.finditer(text, a, b))
    assert (toks.start, toks.end, toks.text) == ([m.start() for m in found], [m.end() for m in found],
                                                 [m.group() for m in found])
    assert toks.low == [w.lower() for w in toks.text]


def test_a_long_document_gives_the_claims_of_its_paragraphs():
    """300 news paragraphs as one document: each paragraph's claims, with offsets shifted (the
    work per cue and per claim looks only at its own unit, so this also runs in linear time)."""
    one = claims_of(NEWS)
    sep = "\n\n"
    joined = claims_of(sep.join([NEWS] * 300))
    assert len(joined) == 300 * len(one)
    step = len(NEWS) + len(sep)
    last = joined.iloc[-len(one):].reset_index(drop=True)
    for col in ("speaker_start", "cue_start", "content_start", "content_end"):
        shifted = one[col].where(one[col] < 0, one[col] + 299 * step)
        assert last[col].tolist() == shifted.tolist()
    assert last[["speaker", "actor", "side", "cue", "content", "quote_type"]].equals(
        one[["speaker", "actor", "side", "cue", "content", "quote_type"]])


def test_quote_index_answers_as_the_scans_did():
    from narrative.claims.quotes import Quotes

    text = 'He said "no," and “yes” then «oui» and “ever'
    spans = quote_spans(text)
    q = Quotes(spans)
    for a in range(len(text) + 1):
        assert q.inside(a) == any(q0 < a < q1 for q0, q1 in spans)
        before = [s for s in spans if s[1] <= a]
        assert q.last_ending_by(a) == (before[-1] if before else None)
        for b in range(a, len(text) + 1):
            assert q.overlapping(a, b) == [s for s in spans if s[0] < b and s[1] > a]
            assert q.opening_in(a, b) == any(a <= s[0] < b for s in spans)


def test_a_quotation_closing_in_the_previous_sentence_does_not_empty_the_next_claim():
    """The bug: "“…” He said this was done “…”" gave the second claim empty content, because the
    quote-before-the-cue check looked past the start of its sentence."""
    text = ("Andriy Kovalenko warned that the offensive was “a show for the cameras.” He said this was done "
            "“to create headlines for a Western audience.”")
    c = claims_of(text)
    he = c[c["speaker"] == "He"].iloc[0]
    assert he["actor"] == "Andriy Kovalenko"
    assert he["content"] == "this was done “to create headlines for a Western audience.”"
    assert he["quote_type"] == "mixed"


def test_site_furniture_yields_no_claims():
    """Composed page: advertising slots, a newsletter prompt, a 'read also' link and a video caption
    between real paragraphs. Only the real sentences become claims, with offsets into the page."""
    text = ("The governor said the city was shelled overnight.\n\nAdvertisement\n\n"
            "READ ALSO: Five things to know about the offensive\n\n"
            "Sign up for our daily newsletter to get the latest news.\n\n"
            "Kyiv denied the claim. Click here to subscribe to our channel.\n\n"
            "“We will hold the line,” the commander said.\n\nCLICK HERE TO GET THE NEWS APP")
    c = claims_of(text)
    assert c["content"].tolist() == ["the city was shelled overnight", "the claim", "We will hold the line"]
    assert all(text[a:b] == s for a, b, s in zip(c["content_start"], c["content_end"], c["content"]))


def test_furniture_sentences_with_different_marks_in_one_document():
    """Each furniture sentence sharing a line with article text is found whichever of the document's marks it
    carries (a unit is tested for the marks the document holds), also beside a capital İ, whose lower case is
    longer."""
    text = ("İzmir's mayor said the port was open. Click here to subscribe to our channel.\n\n"
            "The minister said talks went on. Watch the video: the talks in full.")
    c = claims_of(text)
    assert c["content"].tolist() == ["the port was open", "talks went on"]


def test_a_user_file_adds_boilerplate_patterns(tmp_path):
    from narrative.speakers.actors import load_actors
    from narrative.claims.boilerplate import Boilerplate
    from narrative.claims.rules import iter_claims

    extra = tmp_path / "mine.txt"
    extra.write_text("# our outlet's footer\nthis story was produced with .*\n", encoding="utf-8")
    text = "The minister said talks would resume.\nThis story was produced with support from a grant."
    skipped = []
    claims = list(iter_claims("d", text, "news", load_actors(), boilerplate=Boilerplate(extra), skipped=skipped))
    assert [c.content for c in claims] == ["talks would resume"]
    assert [text[a:b] for a, b in skipped] == ["This story was produced with support from a grant."]
    bad = tmp_path / "bad.txt"
    bad.write_text("(unclosed\n", encoding="utf-8")
    with pytest.raises(Exception, match="bad.txt, line 1: invalid pattern"):
        Boilerplate(bad)


def test_no_claim_from_boilerplate_in_the_war_news_development_set():
    """On the 324 real articles: no claim's content carries site furniture (the newsletter stub
    pages yield no claim at all)."""
    import re
    from pathlib import Path

    from support import SHARED

    folder = SHARED / "eval" / "warnews-dev" / "articles"
    if not folder.is_dir():
        pytest.skip("../shared/eval/warnews-dev is absent")
    files = sorted(folder.glob("*.txt"))
    docs = pd.DataFrame({"doc_id": [p.stem for p in files], "source": "news", "text": [p.read_text() for p in files]})
    c = extract_claims(docs)
    furniture = re.compile(r"newsletter|click here|read also|advertisement\b|sign up|subscribe|topics of interest|"
                           r"terms of service|recaptcha|see the video|view video|main page", re.I)
    assert c.loc[c["content"].str.contains(furniture), "content"].tolist() == []
    assert (c["doc_id"] == "20220127T173000Z_US_en_4c5e1bf0c7").sum() == 0  # a newsletter stub page
