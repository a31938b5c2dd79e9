"""The conflict's sides and the codebook's categories live in perspective.csv, not in the matcher: the same rules
read another conflict's sides given as data, and the shipped data keeps today's behaviour."""
import ast
import dataclasses
import inspect

from narrative import lexicons
from narrative.lexicons import grammar, negation, perspective, sides
from narrative.lexicons.perspective import default_perspective

SHIPPED = default_perspective()


def test_the_shipped_sides_and_roles_come_from_the_data_file():
    assert SHIPPED.adversaries == {"kremlin": ("ukraine", "west"), "ukraine": ("kremlin",)}
    assert SHIPPED.belligerents == {"kremlin", "ukraine"}
    assert SHIPPED.roles["own attack"] == "achievement" and SHIPPED.roles["adversary attack"] == "aggression"
    assert SHIPPED.negatable == {"achievement", "resistance", "adversity", "aggression", "casualties"}


def _code_strings(module) -> set[str]:
    """The string literals of a module's code (docstrings and their examples left out)."""
    tree = ast.parse(inspect.getsource(module))
    docs = {id(node.body[0].value) for node in ast.walk(tree)
            if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef)) and node.body
            and isinstance(node.body[0], ast.Expr) and isinstance(node.body[0].value, ast.Constant)}
    return {node.value for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docs}


def test_the_matcher_names_no_side_and_no_category():
    names = {"kremlin", "ukraine", "west", "achievement", "aggression", "casualties", "adversity", "diplomacy",
             "legitimacy", "resistance"}
    for module in (perspective, sides, negation, grammar, lexicons):
        assert not names & _code_strings(module), module.__name__


def test_another_conflicts_sides_given_as_data_drive_the_same_rules():
    markers = {**SHIPPED.markers, "northern": "north", "southern": "south"}
    other = dataclasses.replace(SHIPPED, markers=markers, adversaries={"north": ("south",), "south": ("north",)})
    words = "northern forces struck southern depots".split()
    assert other.judge(words, 2, 1, ("attack",), "north") == (("achievement",), "own side")
    assert other.judge(words, 2, 1, ("attack",), "south") == (("aggression",), "adversary")
    losses = "the southern army lost two battalions".split()
    assert other.judge(losses, 3, 1, ("casualties",), "north")[0] == ("achievement",)  # the adversary's losses
    assert other.judge(losses, 3, 1, ("casualties",), "south")[0] == ("casualties",)
    # the shipped sides do not know these: a speaker of "north" is no belligerent there
    assert SHIPPED.judge(losses, 3, 1, ("casualties",), "north")[0] == ("casualties",)
