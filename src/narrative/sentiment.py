"""VADER (Hutto & Gilbert 2014) through NLTK, offline and without patching NLTK.

:class:`Analyzer` is NLTK's ``SentimentIntensityAnalyzer`` whose sentences are tokenised by
:class:`FastSentiText`: the same tokens in O(tokens) instead of NLTK's punctuation × word
dictionaries (half of VADER's run time). NLTK's own classes stay as they are, so its original
is always there to compare with (a test does, sentence by sentence).

The classes are NLTK's own code run without importing NLTK (:mod:`narrative.vader`: ``import nltk``
costs ~2.5 s in every process that scores sentiment).

>>> Analyzer().polarity_scores("a great success")["compound"] > 0
True
"""
from __future__ import annotations

from .vader import SentimentIntensityAnalyzer, SentiText


class FastSentiText(SentiText):
    """NLTK's ``SentiText`` with ``_words_and_emoticons`` in O(tokens), same result.

    A token maps to its word when punctuation from ``PUNC_LIST`` sits at one end and the rest is
    a punctuation-free word of the sentence (``punc_after`` wins, as in NLTK's dict update).
    """

    def _words_and_emoticons(self):
        words_only = {w for w in self.REGEX_REMOVE_PUNCTUATION.sub("", self.text).split() if len(w) > 1}
        out = []
        for we in self.text.split():
            if len(we) <= 1:
                continue
            if we not in words_only:
                for p in self.PUNC_LIST:
                    if we.endswith(p) and we[: -len(p)] in words_only:
                        we = we[: -len(p)]
                        break
                else:
                    for p in self.PUNC_LIST:
                        if we.startswith(p) and we[len(p):] in words_only:
                            we = we[len(p):]
                            break
            out.append(we)
        return out


class Analyzer(SentimentIntensityAnalyzer):
    """NLTK 3.10's VADER analyzer reading sentences with :class:`FastSentiText`.

    A text none of whose tokens can be a lexicon word scores without building its ``SentiText``
    (a third of the demo's claims): every token's valence is then 0, so NLTK gives compound, pos and
    neg 0.0 and neu 1.0 (0.0 when the text has no token at all).
    """

    def may_score(self, text: str) -> bool:
        """False when no token of ``text`` can be a lexicon word. A token of ``words_and_emoticons`` is a
        whitespace-separated piece or that piece without the ``PUNC_LIST`` mark at one end (when the rest is
        a punctuation-free word of the text), so its lower-case form is one of ``piece.lower()`` and that
        with the marks stripped from its right or left end: if none of those is in the lexicon, none of
        its tokens is."""
        marks = getattr(self, "_marks", None)
        if marks is None:
            marks = self._marks = "".join(sorted(set("".join(self.constants.PUNC_LIST))))
        lexicon = self.lexicon
        for piece in text.split():
            low = piece.lower()
            if low in lexicon or low.rstrip(marks) in lexicon or low.lstrip(marks) in lexicon:
                return True
        return False

    def polarity_scores(self, text):
        if isinstance(text, str) and not self.may_score(text):
            any_token = any(len(piece) > 1 for piece in text.split())  # words_and_emoticons keeps these
            return {"neg": 0.0, "neu": 1.0 if any_token else 0.0, "pos": 0.0, "compound": 0.0}
        # NLTK 3.10's polarity_scores, step for step, with FastSentiText in place of SentiText
        sentitext = FastSentiText(text, self.constants.PUNC_LIST, self.constants.REGEX_REMOVE_PUNCTUATION)
        sentiments = []
        words_and_emoticons = sentitext.words_and_emoticons
        first_index = {}
        for idx, token in enumerate(words_and_emoticons):
            first_index.setdefault(token, idx)
        lexicon = self.lexicon
        for item in words_and_emoticons:
            valence = 0
            if item.lower() not in lexicon:  # most words: NLTK's sentiment_valence appends 0 for them
                sentiments.append(valence)
                continue
            i = first_index[item]
            if (i < len(words_and_emoticons) - 1 and item.lower() == "kind"
                    and words_and_emoticons[i + 1].lower() == "of") or item.lower() in self.constants.BOOSTER_DICT:
                sentiments.append(valence)
                continue
            sentiments = self.sentiment_valence(valence, sentitext, item, i, sentiments)
        sentiments = self._but_check(words_and_emoticons, sentiments)
        return self.score_valence(sentiments, text)
