import pytest

from hypothesis import given, settings
from hypothesis import strategies as st

from narrative.segment import (TOKEN_RE, plain_punkt, sentence_tokenizer, sentences, split_sentences, tokenize,
                               tokens, words)

from support import NEWS

CASES = [
    ("Gen. Valery Gerasimov met Mr. Putin on Sunday. He said it was over.", 2),
    ("The U.S. envoy arrived. Lt. Col. Ivanov left at 5 p.m. on Monday.", 2),
    ("Officials in Washington, D.C. said nothing. Then Dr. Smith spoke.", 2),
    ("\u201cWe will win,\u201d he said. \u201cGlory to Ukraine!\u201d", 2),
    ("One. Two? Three!", 3),
]


@pytest.mark.parametrize("text,n", CASES)
def test_abbreviations_do_not_split(text, n):
    assert len(split_sentences(text)) == n


def test_offsets_index_the_original_text():
    import pandas as pd

    docs = pd.DataFrame({"doc_id": ["d"], "text": [NEWS]})
    sents = sentences(docs)
    assert all(NEWS[r.start:r.end] == r.text for r in sents.itertuples())
    toks = tokens(docs)
    assert all(NEWS[r.start:r.end] == r.token for r in toks.itertuples())
    assert toks["token"].tolist()[:4] == ["Russia", "claimed", "on", "Tuesday"]


def test_tokenize_keeps_inner_apostrophes_and_hyphens():
    text = "Russia’s counter-offensive didn't stop."
    assert [text[a:b] for a, b in tokenize(text)] == ["Russia’s", "counter-offensive", "didn't", "stop", "."]


PIECES = st.sampled_from(["-", "'", "\u2019", "_", " ", "\n", "\u00a0", "\u2014", "\u201c", ".", "a", "\u0416", "7", "\u00b2", "\u0663"])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(PIECES, st.text(max_size=4)), max_size=40))
def test_fast_words_equal_the_token_regex(pieces):
    """The split/isalnum tokeniser is only a speed-up: same tokens as TOKEN_RE on any Unicode."""
    text = "".join(pieces)
    assert words(text) == TOKEN_RE.findall(text)


def test_fast_words_on_the_demo_corpus():
    from narrative.corpus import load_corpus

    from support import DEMO

    texts = load_corpus(DEMO)["text"].tolist()
    assert all(words(t) == TOKEN_RE.findall(t) for t in texts[::10])


SENTENCE_BITS = st.sampled_from(["said", "Mr", "U.S", "Gen", "A", "no", "I", "The", "it's", "That's", "5", "..."])
MARKS = st.sampled_from([". ", "? ", "! ", ".\n\n", ". “", ".” ", ", ", " ", ".", "'s ", "-", ".) ", "»", "--",
                         "\t", "\x0b", "\x0c", "\r\n", "\u00a0", "\x1c", ".'"])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(SENTENCE_BITS, MARKS, st.text(max_size=3)), max_size=40))
def test_memoised_punkt_splits_exactly_like_nltk(pieces):
    """The memo is a speed-up only: same sentences as NLTK's Punkt with the same parameters."""
    text = "".join(pieces)
    memo = sentence_tokenizer()
    assert list(memo.span_tokenize(text)) == list(plain_punkt().span_tokenize(text))


CONTEXT_WORDS = st.sampled_from(["said", "Mr", "Gen", "no", "A", "I", "2014", "5", "18,453", "1,2345", "Durrës", "Ölkə",
                                  "x²", "²²", "ǅa", "ii", "U.S", "we'll", "Ukraine's", "de-escalation", "ex-Gen",
                                  "Anti-war", "a-b", "Mr.", "Definitely."])
CONTEXT_AFTER = st.sampled_from(['"', "”", "»", ")", "'", "’", "!", "?", ":", " ", "\n\n", "\xa0", "\x1c", " “", ' "',
                                 " «", " (", "-"])


@settings(max_examples=400, deadline=None)
@given(CONTEXT_WORDS, st.sampled_from([".", "?", "!"]), CONTEXT_AFTER, st.one_of(CONTEXT_WORDS, st.just("")),
       st.sampled_from(["", ",", "'s", "’ll,", ".", "!", ":", ".,", "?!"]))
def test_memoised_punkt_decides_each_context_as_nltk(word, mark, after, nxt, tail):
    """Each candidate's context (the word, the mark, what follows: a number, a letter word of any script, a
    quotation mark) gets NLTK's own decision, whatever canonical key the memo files it under."""
    context = word + mark + after + (nxt + tail if after.isspace() or after[-1:] in "“\"«(" else "")
    assert sentence_tokenizer().text_contains_sentbreak(context) == plain_punkt().text_contains_sentbreak(context)


def test_memoised_punkt_on_the_demo_corpus():
    from narrative.corpus import load_corpus

    from support import DEMO

    texts = load_corpus(DEMO)["text"].tolist()[::5]
    reference = plain_punkt()
    memo = sentence_tokenizer()
    assert [list(memo.span_tokenize(t)) for t in texts] == [list(reference.span_tokenize(t)) for t in texts]


@pytest.mark.parametrize("text, expected", [
    ("Shelling continued in the war.The minister said so.", ["Shelling continued in the war.", "The minister said so."]),
    ("Troops advanced?They did not.", ["Troops advanced?", "They did not."]),
    ("See kremlin.ru/events.The end.", ["See kremlin.ru/events.The end."]),          # a URL
    ("Write to press@mod.gov.ua.Thanks", ["Write to press@mod.gov.ua.Thanks"]),        # an e-mail address
    ("He met Gen.Gerasimov today.", ["He met Gen.Gerasimov today."]),                  # an abbreviation
    ("The U.S.Army said so.", ["The U.S.Army said so."]),
    ("Diya.City grew. Then it stopped.", ["Diya.City grew.", "Then it stopped."]),     # a listed dotted name
])
def test_run_together_sentences_are_split_without_breaking_urls_and_abbreviations(text, expected):
    from narrative.segment import split_sentences

    spans = split_sentences(text)
    assert [text[a:b] for a, b in spans] == expected
    assert all(0 <= a < b <= len(text) for a, b in spans)


def test_punkt_without_nltk_package_start_up_leaves_real_nltk_intact():
    """narrative.segment.punkt loads NLTK's punkt module without nltk/__init__ (1.3 s of start-up);
    afterwards a real `import nltk` must work as usual and split the same way."""
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from narrative.segment import split_sentences\n"
        "text = 'Mr. Putin said so on Monday. He left at 5 p.m. The U.S. did not comment.'\n"
        "ours = split_sentences(text)\n"
        "assert 'scipy' not in sys.modules and 'nltk' not in sys.modules, sorted(m for m in sys.modules if 'nltk' in m)\n"
        "import nltk, nltk.data\n"
        "from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer\n"
        "from narrative.segment import abbreviations\n"
        "params = PunktParameters(); params.abbrev_types = set(abbreviations())\n"
        "assert list(PunktSentenceTokenizer(params).span_tokenize(text)) == ours, ours\n"
        "assert callable(nltk.download) and nltk.data.path\n"
        "from narrative.sentiment import Analyzer\n"
        "print(ours)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[(0, 28), (29, 72)]"  # "p.m." is an abbreviation: no break after it


@pytest.mark.parametrize("text, expected", [
    ("― Sonya Herridge\n“During the debate he lied.”", ["― Sonya Herridge", "“During the debate he lied.”"]),
    ("Kovalenko wrote on Telegram\nthat the line held.", ["Kovalenko wrote on Telegram\nthat the line held."]),
    ("He said\n“no” twice.", ["He said\n“no” twice."]),  # a quotation of one lower-case word: no new line
])
def test_a_line_opening_with_a_quotation_starts_a_sentence(text, expected):
    from narrative.segment import split_sentences

    assert [text[a:b] for a, b in split_sentences(text)] == expected
