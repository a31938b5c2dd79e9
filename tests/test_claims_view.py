"""One view of a document for every extractor: the marks of every convention, furniture left out,
the registry, and one offset property over every registered extractor."""
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from narrative.claims import EXTRACTORS, METHODS, Extractor, extract_claims, register
from narrative.claims.crfmodel import default_model_path
from narrative.claims.finish import Draft, Drafts
from narrative.segment.marks import OUTER_PAIRS, QUOTE_MARKS, quote_spans


def _method(name):
    if name == "crf" and not default_model_path().is_file():
        pytest.skip("no shipped attribution model")
    return name


def _claims(text, method, profile="speech"):
    return extract_claims(pd.DataFrame({"doc_id": ["d"], "source": ["news"], "text": [text]}), method=method,
                          profile=profile)


@pytest.mark.parametrize("method", list(EXTRACTORS))
@pytest.mark.parametrize("opening, closing", [("“", "”"), ("«", "»"), ("„", "“"), ('"', '"')])
def test_a_colon_before_a_quotation_is_a_direct_claim_in_every_convention(opening, closing, method):
    text = (f"Kyiv rejected the proposal on Monday.\nPodolyak: {opening}Russia will not dictate the terms of "
            f"peace to Ukraine.{closing}\nTalks are expected to resume next week.")
    c = _claims(text, _method(method))
    podolyak = c[c["speaker"] == "Podolyak"]
    marks = "".join(QUOTE_MARKS)  # the CRF's content may keep the marks it labelled
    assert [(r.actor, r.cue, r.quote_type, r.content.strip(marks)) for r in podolyak.itertuples()] == [
        ("Mykhailo Podolyak", ":", "direct", "Russia will not dictate the terms of peace to Ukraine.")]


def test_every_rule_reads_the_one_module_of_marks():
    assert {"“", "”", "‘", "’", '"', "'", "«", "»", "‹", "›", "„", "‚"} <= QUOTE_MARKS
    for opening in OUTER_PAIRS:  # each outer convention pairs, whatever the other marks around it
        closing = sorted(OUTER_PAIRS[opening])[0]
        text = f"He said {opening}yes{closing} and «oui»."
        assert quote_spans(text)[0] == (8, 13)


FURNITURE = ("Kremlin spokesman Dmitry Peskov said the troops had shown “exceptional courage.”\n"
             "Advertisement\n"
             "Click here to subscribe to our newsletter, said the editors.\n"
             "READ ALSO: Zelensky said the front line is holding\n"
             "Ukraine's military said its forces continue to deter enemy attacks.")


@pytest.mark.parametrize("method", list(EXTRACTORS))
def test_no_extractor_makes_a_claim_from_site_furniture(method):
    c = _claims(FURNITURE, _method(method))
    for line in ("Advertisement", "Click here to subscribe to our newsletter, said the editors.",
                 "READ ALSO: Zelensky said the front line is holding"):
        s, e = FURNITURE.index(line), FURNITURE.index(line) + len(line)
        for r in c.itertuples():  # no content, cue or speaker inside a furniture line
            for a, b in ((r.content_start, r.content_end), (r.cue_start, r.cue_end), (r.speaker_start, r.speaker_end)):
                assert not (a >= 0 and b > a and s <= a < e), (method, line, r.content)
    assert c.attrs["boilerplate_skipped"] == 3  # the CRF reports the lines left out as the rules do
    assert {"Dmitry Peskov", "Ukrainian military"} <= set(c["actor"])


def test_a_third_extractor_is_one_class_registered_in_one_place():
    @register
    class FirstSentence(Extractor):
        """Attributes each unit's first word's sentence to the document's publisher (a toy)."""

        name = "toy-first-word"

        def drafts(self, view):
            out = []
            for u, (a, b) in enumerate(view.units):
                toks = view.tokens(u)
                if len(toks) > 2:
                    out.append(Draft(u, [(toks.start[2], b)], speaker=(toks.start[0], toks.end[0]),
                                     cue=(toks.start[1], toks.end[1]), cue_text=view.text[toks.start[1]:toks.end[1]]))
            return Drafts(out)

    try:
        c = _claims("Peskov said the city was taken.\nAdvertisement\nKyiv denied it.", "toy-first-word")
        assert list(zip(c["actor"], c["cue"], c["content"])) == [
            ("Dmitry Peskov", "said", "the city was taken."), ("Ukraine", "denied", "it.")]  # the actors file knows Kyiv
        assert c.attrs["boilerplate_skipped"] == 1
    finally:
        del EXTRACTORS["toy-first-word"]
    assert METHODS == tuple(EXTRACTORS) == ("rules", "crf", "rules-parse")


def test_the_cli_and_the_suite_take_the_choices_from_the_registry():
    from narrative.cli import build_parser
    from narrative.pipeline.params import SCHEMA

    sub = next(a for a in build_parser()._actions if getattr(a, "choices", None) and "claims" in a.choices)
    method = next(a for a in sub.choices["claims"]._actions if a.dest == "method")
    assert tuple(method.choices) == METHODS
    spec = next(p for p in SCHEMA if p.name == "claims_method")
    assert tuple(spec.choices) == METHODS and spec.default == METHODS[0]


# -- one offset property for every registered extractor ------------------------------------------------
QUOTES = st.sampled_from(['"', "“", "”", "«", "»", "‘", "’", "'", "„"])
WORDS = st.sampled_from(["said", "Putin", "He", "claimed", "according", "to", "Kyiv", ",", ".", " ", "that", "the",
                         "Kremlin", "told", "reporters", ":", "\n", "alleged", "if true", "she", "believes", "Mr",
                         "Ejdus", "minister", "(KIIS)", "Institute", "and", "announced", "its", "Russian", "officials",
                         "―", "—", "\n“"])
#: a well-formed attribution planted in its own paragraph: whatever noise surrounds it, it is a claim
PLANTED = "Kremlin spokesman Dmitry Peskov said “the talks are over.”"


@pytest.mark.parametrize("method", list(EXTRACTORS))
@settings(max_examples=60, deadline=None)
@given(parts=st.lists(st.one_of(QUOTES, WORDS, st.text(max_size=6)), max_size=50),
       planted=st.one_of(st.none(), st.integers(min_value=0, max_value=50)),
       profile=st.sampled_from(["speech", "attribution"]))
def test_any_text_yields_valid_offsets_and_a_planted_claim(method, parts, planted, profile):
    if planted is not None:
        parts = parts[:planted] + ["\n\n" + PLANTED + "\n\n"] + parts[planted:]
    text = " ".join(parts)
    c = _claims(text, _method(method), profile)
    for r in c.itertuples():
        assert 0 <= r.content_start <= r.content_end <= len(text)
        assert text[r.content_start:r.content_end] == r.content
        if r.speaker_start >= 0:
            assert text[r.speaker_start:r.speaker_end] == r.speaker
        if r.cue_start >= 0:
            assert text[r.cue_start:r.cue_end] == r.cue
    if planted is not None:  # not vacuous: a text holding a cue and a quotation yields its claim
        found = c[c["content"].str.contains("talks are over") & (c["quote_type"] != "self")]
        assert (found["actor"] == "Dmitry Peskov").any(), c[["speaker", "cue", "content"]].values.tolist()


# composed for this test (issue 24 item 10): a headline, a byline, a photo credit and a "contributed to this
# report" line around two real claim lines, a short one ending with a stop and a short quoted one with a cue
HEADED = ("Drones hit a power plant near Kharkiv overnight\n"
          "By Olena Marchuk and Tom Briggs, Kyiv\n"
          "The regional governor said three substations were damaged by the strike.\n"
          "Photo: Yevhen Titov/AFP via Getty Images\n"
          "Repairs will take weeks.\n"
          "“We will not freeze this winter,” the mayor said\n"
          "Maria Levchenko in Lviv contributed to this report.")
HEADED_FURNITURE = ("Drones hit a power plant near Kharkiv overnight", "By Olena Marchuk and Tom Briggs, Kyiv",
                    "Photo: Yevhen Titov/AFP via Getty Images", "Maria Levchenko in Lviv contributed to this report.")


@pytest.mark.parametrize("method", list(EXTRACTORS))
def test_a_contributed_reporting_credit_line_makes_no_claim(method):
    # composed: the short credit form ("X contributed reporting.") as well as "contributed to this report"
    text = "The regional governor said three substations were damaged.\nIvan Petrenko in Odesa contributed reporting."
    c = _claims(text, _method(method))
    credit = text.index("Ivan")
    assert not any(r.content_start >= credit for r in c.itertuples()), c[["content"]].values.tolist()
    assert c.attrs["boilerplate_skipped"] == 1


@pytest.mark.parametrize("method", list(EXTRACTORS))
def test_headline_byline_and_credit_lines_make_no_claim_but_short_real_lines_do(method):
    c = _claims(HEADED, _method(method))
    for line in HEADED_FURNITURE:
        s, e = HEADED.index(line), HEADED.index(line) + len(line)
        for r in c.itertuples():
            for a, b in ((r.content_start, r.content_end), (r.cue_start, r.cue_end), (r.speaker_start, r.speaker_end)):
                assert not (a >= 0 and b > a and s <= a < e), (method, line, r.content)
    assert c.attrs["boilerplate_skipped"] == len(HEADED_FURNITURE)
    short = HEADED.index("Repairs will take weeks.")
    assert [r.quote_type for r in c.itertuples() if r.content_start == short] == ["self"]
    quoted = c[c["content"].str.contains("We will not freeze this winter")]
    assert [(r.quote_type, r.cue) for r in quoted.itertuples()] == [("direct", "said")]


def test_a_short_line_inside_a_quotation_or_holding_a_cue_is_not_a_headline():
    from narrative.claims.boilerplate import Boilerplate
    from narrative.claims.quotes import Quotes

    text = ("The minister read out the statement:\n“Our answer is simple.\nwe stay and we rebuild\nwe do not leave.”\n"
            "Kyiv says the grid is holding\nKyiv holds the line")
    lines = Boilerplate().spans(text, Quotes(quote_spans(text)))
    assert [text[a:b] for a, b in lines] == ["Kyiv holds the line"]
