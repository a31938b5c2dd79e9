"""Lines of direct speech opened by a dash are quoted speech (narrative.segment.marks.speech_lines, quoted_spans).

Composed lines in the forms machine-translated outlets and interviews use; no corpus text."""
import pytest

from narrative.claims.quotes import attribution_clause
from narrative.segment.marks import quoted_spans, speech_lines


def pieces(text, **kw):
    return [text[a:b] for a, b in speech_lines(text, **kw)]


@pytest.mark.parametrize("text, expected", [
    # an interview: each question and answer is a line of speech to its end
    ("The minister spoke to a weekly.\n\n– Are the talks over?\n\n– No. We keep a channel open.",
     ["– Are the talks over?", "– No. We keep a channel open."]),
    # a Polish outlet's line closes with the dash before its attribution
    ("- We will not give up a metre - said the mayor.", ["- We will not give up a metre -"]),
    ("— Nobody here wants a frozen war — the colonel told reporters, adding more.",
     ["— Nobody here wants a frozen war —"]),
    # two lines of speech on one line, the second after a stop
    ("- We hold - he said. - We win - he added.", ["- We hold -", "- We win -"]),
    # a dash inside the speech that no attribution follows does not close it
    ("- If it comes - and it may come soon - we fight back, and that is all.",
     ["- If it comes - and it may come soon - we fight back, and that is all."]),
    # the next turn of an interview set on the same line is no attribution, however short
    ("- What are the troops for? - Europe and the United States condemned the drills at once.",
     ["- What are the troops for?", "- Europe and the United States condemned the drills at once."]),
    ("The minister spoke. - Why now? - Because the talks failed. - And then? - We wait.",
     ["- Why now?", "- Because the talks failed.", "- And then?", "- We wait."]),
    ("- We will hold - Zelensky told reporters.", ["- We will hold -"]),
    # not speech: a signature after a quotation, an attribution on a line of its own, a dash mid-sentence
    ("“We stay.”\n― Ana Ruiz, a teacher", []),
    ("- said the head of the regional council.", []),
    ("The strike came at dawn - the third this week.", []),
    ("It was 5 a.m. - the worst hour of the night.", []),
])
def test_lines_of_speech(text, expected):
    assert pieces(text, attribution=attribution_clause) == expected


def test_a_line_no_attribution_closes_is_bounded():
    text = "- " + "We hold the line and we will go on holding it. " * 200  # one line, no attribution, no turn
    (a, b), = speech_lines(text)
    assert a == 0 and b <= 3000


def test_a_dash_inside_a_quotation_opens_no_line():
    text = "He said: “We waited.\n- Then the shelling began - and it has not stopped.”"
    assert speech_lines(text) == []


def test_quoted_speech_joins_quotations_and_lines_of_speech_in_order():
    text = "“First,” he said.\n- As I said, “we hold” - she said.\nThen “last”."
    got = [text[a:b] for a, b in quoted_spans(text)]
    assert got == ["“First,”", "- As I said, “we hold” -", "“last”"]


def test_speech_lines_are_linear_in_the_text():
    import time

    line = "- We will hold the line whatever comes - said the commander of the brigade.\n"

    def seconds(text):
        best = float("inf")
        for _ in range(3):
            t0 = time.perf_counter()
            found = speech_lines(text)
            best = min(best, time.perf_counter() - t0)
        return best, len(found)

    (small, n_small), (big, n_big) = seconds(line * 2_000), seconds(line * 20_000)
    assert (n_small, n_big) == (2_000, 20_000)
    assert big < 25 * max(small, 1e-3)  # ten times the text: about ten times the time
