"""Who "he"/"she" is when the sentence before names someone: its subject, also after an opening phrase, and a
person the lists do not know (issue 24, items 5 and 12). Composed paragraphs; no corpus text."""
import pandas as pd
import pytest

from narrative.claims import extract_claims


def pronoun_actor(text: str, pronoun: str = "He") -> tuple[str, str]:
    c = extract_claims(pd.DataFrame({"doc_id": ["d"], "source": ["news"], "text": [text]}))
    row = c[c["speaker"] == pronoun].iloc[-1]
    return row["actor"], row["side"]


@pytest.mark.parametrize("text, actor", [
    # a person named right before, whom neither the actors file nor the first-name lists know
    ("Tomasz Wierzbicki visited the front on Friday. He said morale was high.", "Tomasz Wierzbicki"),
    # past an interview's turns, back to the narrator's sentence
    ("Gabor Kertesz gave an interview to a weekly.\n\n— Is the war ending?\n\n— Not this year.\n\n"
     "He added that Budapest would keep buying gas.", "Gabor Kertesz"),
    # the subject after an opening phrase that names someone as an object
    ("Jan Kowal spoke first. On Monday, after a call with Emmanuel Macron, Martin Weber visited the troops. "
     "He said the risk was real.", "Martin Weber"),
    ("Jan Kowal spoke first. In Warsaw, Martin Weber met Ursula Brandt. He said the risk was real.", "Martin Weber"),
    # the object of a cue is not the next "he"
    ("Defence Minister Pavel Morozov met reporters in Minsk. He also told Foreign Minister Viktor Lindqvist "
     "that the offer stood. He said the army was ready.", "Pavel Morozov"),
])
def test_he_is_the_subject_before(text, actor):
    assert pronoun_actor(text)[0] == actor


@pytest.mark.parametrize("text", [
    "Tomasz Wierzbicki visited the front. The weather was cold and the roads were muddy. He said morale was high.",
    "Chasiv Yar came under fire at night. He said the risk was real.",  # a place
    "CLICK HERE TO GET THE APP\n\nHe said the risk was real.",  # site furniture
])
def test_he_with_no_person_right_before_stays_unknown(text):
    assert pronoun_actor(text) == ("He", "unknown")


def test_she_is_a_woman_named_before_not_the_man_named_after_her():
    text = ("Deputy Ivan Drach met Maria Hnatyuk in Lviv. She said the visit went well.")
    assert pronoun_actor(text, "She")[0] == "Maria Hnatyuk"


@pytest.mark.parametrize("text, pronoun, actor", [
    # a speaker named again is the most recent speaker there, not where first named
    ("Aid will grow, it was stated by Governor Ivan Drach after a meeting with the Prime Minister of Italy in "
     "Lviv. “We will hold the city,” said the governor. According to him, more aid is coming.", "him", "Ivan Drach"),
    # a place coordinated with an object is an object too
    ("Governor Ivan Drach visited the Donetsk and Luhansk regions. He said the risk was real.", "He", "Ivan Drach"),
])
def test_no_object_or_country_becomes_the_antecedent(text, pronoun, actor):
    assert pronoun_actor(text, pronoun)[0] == actor
