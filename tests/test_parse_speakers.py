"""Speakers from the parse (narrative.claims.parsed): the ``rules-parse`` extractor and the ``suspect`` mode.

Composed sentences; each expected speaker is one the rules alone cut wrong (checked in ``test_rules_cut_these``).
"""
import pandas as pd
import pytest

from narrative.claims import extract_claims
from narrative.claims.document import Resources
from narrative.claims.rules import RulesExtractor

pytest.importorskip("spacy")

CASES = [
    # (text, the speaker the parse gives, the rules' cut: their current, wrong output, documented here and checked
    # in test_rules_cut_these, not a behaviour to keep)
    ("The founder of a small bank wrote that interest rates would rise again.",
     "The founder of a small bank", "bank"),
    ("Commission President Ilse van der Berg said the plan was ready.",
     "Commission President Ilse van der Berg", "Berg"),
    ("Only a handful of opposition deputies believe the vote was fair.",
     "a handful of opposition deputies", "opposition deputies"),
]


def _attributed(texts, method="rules", profile="attribution", **options):
    docs = pd.DataFrame({"doc_id": [str(k) for k in range(len(texts))], "source": "news", "text": texts})
    if options:
        resources = Resources()
        extractor = RulesExtractor(resources, profile, **options)
        rows = [c for t, d in zip(texts, docs["doc_id"]) for c in extractor.claims(extractor.view(d, t, "news"))]
        claims = pd.DataFrame([vars(c) for c in rows])
    else:
        claims = extract_claims(docs, method=method, profile=profile)
    return claims[claims["quote_type"] != "self"]


def test_rules_cut_these():
    """The rules' current cuts ("bank", "Berg", …): documents their behaviour, which the parse fixes."""
    claims = _attributed([t for t, _p, _r in CASES])
    assert list(claims["speaker"]) == [r for _t, _p, r in CASES]


@pytest.mark.parametrize("text,speaker,_rules", CASES)
def test_parse_speaker_phrase(text, speaker, _rules):
    claims = _attributed([text], method="rules-parse")
    assert list(claims["speaker"]) == [speaker]
    row = claims.iloc[0]
    assert text[row["speaker_start"]:row["speaker_end"]] == speaker


def test_hearer_is_no_inverted_speaker():
    """"X told Y the …": the rules read the hearer as an inverted speaker and X as the content."""
    text = "Two senior engineers at the plant told inspectors the reactor was safe."
    rules = _attributed([text]).iloc[0]  # the rules' current, wrong reading, documented
    assert (rules["speaker"], rules["content"].startswith("Two")) == ("inspectors", True)
    parsed = _attributed([text], method="rules-parse").iloc[0]
    assert (parsed["speaker"], parsed["content"]) == ("Two senior engineers at the plant", "the reactor was safe")


def test_hearer_fix_keeps_the_content_before_a_trailing_aside():
    """The content moved after the hearer ends where the reporting aside's content ends, not at the unit's end."""
    text = "Several divers from the harbour told journalists the wreck was empty, the coast guard reported."
    parsed = _attributed([text], method="rules-parse")
    told = parsed[parsed["cue"] == "told"].iloc[0]
    assert (told["speaker"], told["content"]) == ("Several divers from the harbour", "the wreck was empty")
    aside = parsed[parsed["cue"] == "reported"].iloc[0]  # the rules cut "guard", its content took "the coast"
    assert (aside["speaker"], aside["content"].endswith("was empty")) == ("the coast guard", True)


def test_a_name_keeps_no_workplace():
    """An inverted name's "at …" phrase is where the speaker works, not part of the name (the actor stays his)."""
    text = "“The war is far from over,” said Piotr Nowak at the Institute of Eastern Studies."
    assert list(_attributed([text], method="rules-parse")["speaker"]) == ["Piotr Nowak"]


def test_pronoun_subject_resolves_as_before():
    text = "Maria Ivanova arrived late. She said the road was closed."
    row = _attributed([text], method="rules-parse").iloc[0]
    assert (row["speaker"], row["actor"]) == ("She", "Maria Ivanova")


def test_suspect_mode_parses_only_doubtful_speakers(monkeypatch):
    """``suspect``: the parse replaces a rule speaker that looks cut ("bank" after "of a small") and leaves a
    sound one alone, without parsing its unit."""
    import narrative.claims.parsed as parsed

    seen = []
    real = parsed.parse
    monkeypatch.setattr(parsed, "parse", lambda text: seen.append(text) or real(text))
    texts = [CASES[0][0], "Olena Bondar said the convoy had arrived."]
    claims = _attributed(texts, speakers="suspect")
    assert list(claims["speaker"]) == ["The founder of a small bank", "Olena Bondar"]
    assert len(seen) == 1 and "bank" in seen[0]


def test_default_mode_is_rules_and_parses_nothing(monkeypatch):
    import narrative.claims.parsed as parsed

    def refuse(text):
        raise AssertionError(f"parsed {text!r}")

    monkeypatch.setattr(parsed, "parse", refuse)
    assert RulesExtractor(Resources()).speakers == "rules"
    texts = [t for t, _p, _r in CASES] + ["Two senior engineers at the plant told inspectors the reactor was safe."]
    assert len(_attributed(texts)) == len(texts)  # the default extractor (and its speakers) without a parse
    assert len(_attributed(texts, speakers="rules")) == len(texts)
    with pytest.raises(ValueError, match="speakers must be one of"):
        RulesExtractor(Resources(), speakers="tree")


@pytest.mark.parametrize("text,rules,parsed", [
    ("Later on Friday, Olena Bondar posted a photo of the bridge on her page, writing that the repairs were "
     "finished.", "Friday", "Olena Bondar"),
    ("The mayor was blunt about his dislike for Petrenko, the regional governor, saying he had abandoned the city.",
     "Petrenko", "The mayor"),
])
def test_a_participle_speaks_for_its_clause_subject(text, rules, parsed):
    """"…, saying": the subject of the clause the participle hangs from, not a time word or an object before it."""
    # the rules' current, wrong speaker ("Friday", "Petrenko"), documented: not a behaviour to keep
    assert list(_attributed([text], profile="speech")["speaker"]) == [rules]
    assert list(_attributed([text], method="rules-parse", profile="speech")["speaker"]) == [parsed]


def test_the_model_is_loaded_once_for_speakers_and_features(monkeypatch):
    """``rules-parse`` and the CRF's parse features share the one cached pipeline: one ``spacy.load``."""
    import spacy

    from narrative.claims import deps, parsed
    from narrative.syntax import parse as shipped

    calls = []
    real = spacy.load
    monkeypatch.setattr(spacy, "load", lambda *a, **k: calls.append(a) or real(*a, **k))
    shipped.load_parser.cache_clear()
    for module in (parsed, deps):
        if hasattr(module, "_nlp"):
            module._nlp.cache_clear()
    assert "nsubj" in [t.dep_ for t in parsed.parse("Mira Kovac said it rained.")]
    assert "nsubj" in [t.dep_ for t in deps.parse(["The pilots said it rained."])[0]]
    assert len(calls) == 1


@pytest.mark.parametrize("text,name", [
    ("Police chief Marco della Rovere said the road was closed.", "Marco della Rovere"),
    ("The cleric Ahmad ibn Saeed said the talks had failed.", "Ahmad ibn Saeed"),
])
def test_name_runs_and_the_parse_share_one_particle_list(text, name):
    """``speakers.runs.NAME_PARTICLES`` is the one list of a person's name particles (runs, turns, the parse): a
    name run holds "della" and "ibn" as the parse's names do, so the rules' actor is the whole name. The rules'
    speaker phrase is still the cut "Rovere"/"Saeed" (their current behaviour, documented here); the parse's is whole."""
    from narrative.speakers.runs import RUN

    assert RUN.search(text, text.index(name)).group() == name
    assert list(_attributed([text], profile="speech")["actor"]) == [name]
    assert list(_attributed([text], method="rules-parse", profile="speech")["speaker"])[0].endswith(name)


def test_cues_past_the_nesting_bound_are_not_parsed(monkeypatch):
    """A long "said that" chain: the claims past the nesting bound are left out, so their cues are not parsed
    (hostile input stays about as cheap as with the rules); the kept claims are the rules' ones."""
    import narrative.claims.parsed as parsed
    from narrative.claims.finish import MAX_NESTING

    seen = []
    real = parsed.parse
    monkeypatch.setattr(parsed, "parse", lambda text: seen.append(text) or real(text))
    text = "Vera Lind said that " + "Oskar Berg said that " * 40 + "the archive had burned."
    kept = _attributed([text], method="rules-parse")
    assert len(seen) <= 2 * MAX_NESTING + 1  # 41 cues, the first few parsed
    assert list(kept["speaker"]) == list(_attributed([text])["speaker"])
