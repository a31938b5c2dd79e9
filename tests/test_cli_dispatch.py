"""The ``narrative`` parser dispatches every subcommand to a function: the one its subparser names as
``handler`` (evaluation, coded samples, developer tools), else narrative.commands'."""
import argparse

from narrative.cli import build_parser, handler


def _subcommands(parser):
    action = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return action.choices


def test_every_subcommand_resolves_to_a_function_of_its_module():
    parser = build_parser()
    assert parser.prog == "narrative"
    seen = {}
    for name, sub in _subcommands(parser).items():
        args = argparse.Namespace(command=name, handler=sub.get_default("handler"))
        fn = handler(args)
        assert callable(fn) and fn.__name__ == name.replace("-", "_"), name
        seen[name] = fn.__module__
    assert seen["eval-quotes"] == seen["validate-sides"] == "narrative.evaluation.commands"
    assert seen["sample"] == seen["estimate"] == "narrative.estimate.commands"
    assert seen["bench"] == seen["synth"] == "narrative.tools.commands"
    assert seen["claims"] == seen["compare"] == "narrative.commands"
    assert len(seen) >= 20
