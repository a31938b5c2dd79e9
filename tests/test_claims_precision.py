"""Precision of attributed claims (issue 24, tuning sample judged by hand): editorial notes and sub-headlines open no
transcript turn, a possessive or a sentence opener alone is no speaker, and a coordinated cue of the same speaker
ends the first claim's content (composed text)."""
import pandas as pd
import pytest

from narrative.claims import extract_claims
from narrative.claims.boilerplate import is_headline
from narrative.claims.turns import marker
from narrative.speakers.actors import load_actors


def _claims(text):
    return extract_claims(pd.DataFrame({"doc_id": ["d"], "source": ["news"], "text": [text]}))


def _attributed(c):
    return c[c["side_source"] != "publisher"]


def test_an_editors_note_opens_no_turn_and_is_no_claim():
    text = ("Editor’s Note: Jane Roe is a senior fellow at an institute in Vienna. The views expressed in this "
            "commentary are her own.\n\nThe war has changed Europe.\n\nRussia can lose this war.\n")
    c = _claims(text)
    assert c["content"].tolist() == ["The war has changed Europe.", "Russia can lose this war."]
    assert set(c["side_source"]) == {"publisher"} and set(c["speaker"]) == {""}


@pytest.mark.parametrize("line", ["Editor's Note: The author is a fellow at an institute.",
                                  "Translator’s Notes: Two names were spelt as in the original.",
                                  "Mayor Roe: The bridge will open in May",
                                  "UKRAINE: LEADERS SET TO MEET AS SIRENS RING OUT."])
def test_editorial_notes_and_headlines_are_no_turn_markers(line):
    assert marker(line, 0, len(line), load_actors()) is None


def test_a_sub_headline_naming_a_speaker_is_furniture_and_opens_no_turn():
    assert is_headline("Mayor Roe: The bridge will open in May")
    assert not is_headline("Mayor Roe: “The bridge will open in May”")
    text = "The mayor spoke on Monday.\n\nMayor Roe: The bridge will open in May\n\nThe bridge cost twice the estimate.\n"
    c = _claims(text)
    assert c["content"].tolist() == ["The mayor spoke on Monday.", "The bridge cost twice the estimate."]
    assert set(c["side_source"]) == {"publisher"}


def test_an_all_capitals_sub_headline_after_a_place_opens_no_turn():
    text = "The council met on Monday.\n\nUKRAINE: LEADERS SET TO MEET AS SIRENS RING OUT\n\nThe bridge cost twice the estimate."
    c = _claims(text)
    assert set(c["side_source"]) == {"publisher"} and set(c["speaker"]) == {""}


@pytest.mark.parametrize("text", [
    "A pro-war blogger tried to downplay Russia's losses expressing thanks that the war revealed flaws.",
    "Meanwhile, Putin’s expectations turned out plainly mistaken: that the cabinet would fall apart; that the "
    "European Union would struggle for unity and respond to the invasion; that the alliance would be "
    "split.",
])
def test_a_possessive_alone_is_no_speaker(text):
    assert _attributed(_claims(text)).empty


def test_a_possessive_opens_the_speakers_phrase():
    text = ("Speaking after the call, the Kremlin’s top foreign policy adviser Yury Ushakov told reporters: “Talks will "
            "go on” but added that “no date was set”.")
    c = _attributed(_claims(text))
    assert c["actor"].tolist() == ["Yury Ushakov", "Yury Ushakov"]
    assert c["content"].tolist() == ["Talks will go on", "“no date was set”"]


def test_a_sentence_opener_is_no_speaker():
    text = ("Likewise, while the government has sent more aid, encouraged talks to free the hostages and called for a "
            "ceasefire, it could do more.")
    assert _attributed(_claims(text)).empty
    c = _attributed(_claims("Next, the general spoke at length about the front and said that the line was holding."))
    assert c[["speaker", "content"]].values.tolist() == [["the general", "the line was holding"]]


@pytest.mark.parametrize("text, first, second", [
    ("Moscow has denounced the “hysteria” over the talks but said the two leaders agreed to keep talking.",
     "the “hysteria” over the talks", "the two leaders agreed to keep talking"),
    ("Admiral Jane Roe said at a conference she believed “the world is more dangerous” and warned that the alliance "
     "must stay united.", "at a conference she believed “the world is more dangerous”", "the alliance must stay united"),
])
def test_a_coordinated_cue_ends_the_first_content(text, first, second):
    c = _attributed(_claims(text))
    assert c["content"].tolist() == [first, second]
    assert c["speaker"].nunique() == 1


def test_a_two_letter_name_is_no_demonym_adjective():
    text = ("On Monday, Mr Xi said Beijing would deepen its trade with Moscow and described the two states as "
            "“good old friends”.")
    c = _attributed(_claims(text))
    assert c["speaker"].tolist() == ["Mr Xi", "Mr Xi"]


def test_a_premier_is_a_title_before_the_name():
    text = ("Rumours about the health of Vladimir Putin spread. Irish Premier Leo Varadkar, asked about the "
            "rumours, said “I have no idea”, and a moment later he added that “people should wait”.")
    c = _attributed(_claims(text))
    assert c["actor"].tolist() == ["Leo Varadkar", "Leo Varadkar"]


def test_a_sentence_glued_to_the_one_before_has_its_own_subject():
    text = ("Analyst Jan Nowak spoke at the forum first.Mayor Tomasz Wierzbicki visited the front on Monday. "
            "He said the line held.")
    c = _attributed(_claims(text))
    assert c[["speaker", "actor"]].values.tolist() == [["He", "Tomasz Wierzbicki"]]


def test_an_abbreviated_title_with_a_stop_stays_in_the_inverted_speaker():
    text = "- This room is relatively safe, but nothing protects a hospital from bombing - says Dr. Ivan Petrenko."
    c = _attributed(_claims(text))
    assert c[["speaker", "actor"]].values.tolist() == [["Dr. Ivan Petrenko", "Ivan Petrenko"]]


def test_a_bracketed_date_after_a_final_cue_is_no_content():
    text = ("The rescue group is headed by a former commander wanted for war crimes - the broadcaster CNN said on "
            "Thursday (February 9).")
    c = _attributed(_claims(text))
    assert c["content"].tolist() == ["The rescue group is headed by a former commander wanted for war crimes"]


@pytest.mark.parametrize("text, actor", [
    ("US Secretary of State Antony Blinken landed in Tokyo on Sunday. The US Secretary of State said that Washington "
     "saw worrying signs of a build-up.", "Antony Blinken"),
    ("US President Joe Biden spoke on Friday. He called the allies. The US president said that the attack may come "
     "within days.", "Joe Biden"),
    # an unnamed official is no named one: the official speaks with the state's side (not widened to the state)
    ("John Doe, the under secretary of defense, spoke on Monday. The US defense official said that the missiles had "
     "been sent.", "US defense official"),
])
def test_a_titled_description_names_the_person_given_that_title(text, actor):
    c = _attributed(_claims(text))
    assert c["actor"].tolist() == [actor]
