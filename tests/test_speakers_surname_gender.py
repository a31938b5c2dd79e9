"""A Slavic surname's female form is another person than the male office holder a letter away (issue 24 item 3:
the one-letter spelling match must not make "Antonova" the ambassador Antonov)."""
import pytest

from narrative.speakers.actors import load_actors


@pytest.mark.parametrize("mention, expected", [
    ("Antonov", "Anatoly Antonov"), ("Antonova", None), ("Wołodymyr Zelanski", "Volodymyr Zelenskyy"),
])
def test_a_female_surname_is_not_the_male_office_holder(mention, expected):
    actor = load_actors().resolve(mention)
    assert (actor.name if actor is not None else None) == expected
