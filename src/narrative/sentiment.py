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


def _idiom_words(constants) -> frozenset[str]:
    """The words of VADER's multi-word idioms and boosters ("the bomb", "kind of"): a sequence
    ``_idioms_check`` builds can equal one of those keys only if each of its words is one of these."""
    keys = list(constants.SPECIAL_CASE_IDIOMS) + [k for k in constants.BOOSTER_DICT if " " in k]
    return frozenset(w for key in keys for w in key.split(" "))


class Analyzer(SentimentIntensityAnalyzer):
    """NLTK 3.10's VADER analyzer reading sentences with :class:`FastSentiText`.

    A text none of whose tokens can be a lexicon word scores without building its ``SentiText``
    (a third of the demo's claims): every token's valence is then 0, so NLTK gives compound, pos and
    neg 0.0 and neu 1.0 (0.0 when the text has no token at all). The other texts run NLTK's steps with
    each token lower-cased once, NLTK's one-word negation test inlined and the idiom look-up skipped where
    no idiom word is near; a test compares every score with NLTK's.
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

    def _negated_word(self, word: str) -> bool:
        """NLTK's ``constants.negated([word])`` for one word: a negation word, or "n't" in it (the pair
        rule of ``negated`` needs two words)."""
        low = word.lower()
        return low in self.constants.NEGATE or "n't" in low

    def _never_check(self, valence, words_and_emoticons, start_i, i):
        """NLTK 3.10's ``_never_check`` step for step, with :meth:`_negated_word` for its one-word ``negated``."""
        if start_i == 0:
            if self._negated_word(words_and_emoticons[i - 1]):
                valence = valence * self.constants.N_SCALAR
        if start_i == 1:
            if words_and_emoticons[i - 2] == "never" and (
                words_and_emoticons[i - 1] == "so" or words_and_emoticons[i - 1] == "this"):
                valence = valence * 1.5
            elif self._negated_word(words_and_emoticons[i - (start_i + 1)]):
                valence = valence * self.constants.N_SCALAR
        if start_i == 2:
            if (words_and_emoticons[i - 3] == "never"
                    and (words_and_emoticons[i - 2] == "so" or words_and_emoticons[i - 2] == "this")
                    or (words_and_emoticons[i - 1] == "so" or words_and_emoticons[i - 1] == "this")):
                valence = valence * 1.25
            elif self._negated_word(words_and_emoticons[i - (start_i + 1)]):
                valence = valence * self.constants.N_SCALAR
        return valence

    def _idioms_check(self, valence, words_and_emoticons, i):
        """NLTK's ``_idioms_check``, skipped when none of the words its sequences are built from (``i - 3`` to
        ``i + 2``) is a word of an idiom or a multi-word booster (:func:`_idiom_words`): no sequence can then be
        a key, and NLTK returns ``valence`` unchanged (most lexicon words of news)."""
        idiom_words = getattr(self, "_idiom_word_set", None)
        if idiom_words is None:
            idiom_words = self._idiom_word_set = _idiom_words(self.constants)
        if idiom_words.isdisjoint(words_and_emoticons[max(i - 3, 0):i + 3]) and i >= 3:
            return valence
        return super()._idioms_check(valence, words_and_emoticons, i)

    def polarity_scores(self, text):
        if isinstance(text, str) and not self.may_score(text):
            any_token = any(len(piece) > 1 for piece in text.split())  # words_and_emoticons keeps these
            return {"neg": 0.0, "neu": 1.0 if any_token else 0.0, "pos": 0.0, "compound": 0.0}
        # NLTK 3.10's polarity_scores, step for step, with FastSentiText in place of SentiText; each token lower-cased
        # once, and a token that is no lexicon word keeps the 0 NLTK's sentiment_valence would append for it
        sentitext = FastSentiText(text, self.constants.PUNC_LIST, self.constants.REGEX_REMOVE_PUNCTUATION)
        words_and_emoticons = sentitext.words_and_emoticons
        lows = [w.lower() for w in words_and_emoticons]
        n = len(lows)
        sentiments = [0] * n
        lexicon, boosters = self.lexicon, self.constants.BOOSTER_DICT
        first_index = None  # token -> its first position (NLTK's index of a repeated token), built on first need
        for k, low in enumerate(lows):
            if low not in lexicon:
                continue
            if first_index is None:
                first_index = dict(zip(reversed(words_and_emoticons), range(n - 1, -1, -1)))
            item = words_and_emoticons[k]
            i = first_index[item]
            if (i < n - 1 and low == "kind" and lows[i + 1] == "of") or low in boosters:
                continue
            sentiments[k] = self.sentiment_valence(0, sentitext, item, i, [])[0]
        if "but" in lows:  # NLTK's _but_check on the lower-cased tokens
            bi = lows.index("but")
            for sidx, sentiment in enumerate(sentiments):
                if sidx < bi:
                    sentiments[sidx] = sentiment * 0.5
                elif sidx > bi:
                    sentiments[sidx] = sentiment * 1.5
        return self.score_valence(sentiments, text)
