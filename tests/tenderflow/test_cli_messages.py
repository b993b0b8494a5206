"""The command line speaks Russian in what argparse writes itself: usage, section titles, errors, placeholders."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys

import pytest

from tenderflow import cli_messages
from tenderflow.cli import build_parser, main

ENGLISH = ("usage:", "options:", "positional arguments", "show this help message", "error:", "required:")


def run_cli(*arguments: str) -> subprocess.CompletedProcess[str]:
    """The real command in its own process (argparse's messages are installed per process)."""
    return subprocess.run(
        [sys.executable, "-m", "tenderflow.cli", *arguments],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
        timeout=60,
        check=False,
    )


def test_help_is_russian() -> None:
    result = run_cli("crawl", "--help")
    assert result.returncode == 0
    assert result.stdout.startswith("использование: tenderflow crawl")
    assert "показать эту справку и выйти" in result.stdout
    assert "параметры:" in result.stdout and "аргументы:" in result.stdout
    assert "--path ПУТЬ" in result.stdout and "ИСТОЧНИК" in result.stdout
    assert not [word for word in ENGLISH if word in result.stdout]


def test_wrong_invocation_is_one_russian_error() -> None:
    missing = run_cli("crawl")
    assert missing.returncode == 2
    assert missing.stderr.splitlines()[-1] == "tenderflow crawl: ошибка: не указаны обязательные аргументы: ИСТОЧНИК"
    unknown = run_cli("no-such-command")
    assert unknown.returncode == 2
    assert "ошибка: аргумент КОМАНДА: недопустимое значение 'no-such-command' (возможны: 'bid'," in unknown.stderr
    extra = run_cli("init", "--no-such-option")
    assert extra.stderr.splitlines()[-1] == "tenderflow: ошибка: неизвестные аргументы: --no-such-option"
    assert not [word for word in ENGLISH if word in missing.stderr + unknown.stderr + extra.stderr]


def test_in_process_help_is_russian(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["--help"])
    assert stopped.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith("использование: tenderflow [-h] [--db URL] [--log-file ФАЙЛ]")


def _value_arguments(parser: argparse.ArgumentParser, path: str) -> list[tuple[str, argparse.Action]]:
    found = []
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, subparser in action.choices.items():
                found += _value_arguments(subparser, f"{path} {name}")
        elif action.nargs != 0 and not action.choices:
            found.append((path, action))
    return found


def test_every_value_argument_has_a_russian_placeholder() -> None:
    """A new option added without a placeholder would show its English ``dest`` («--out OUT»): name it in
    ``cli_messages.METAVARS`` or give it a ``metavar``."""
    arguments = _value_arguments(build_parser(), "tenderflow")
    assert len(arguments) > 30
    english = [
        f"{path} {action.dest}"
        for path, action in arguments
        if action.metavar is None or (action.metavar.isascii() and action.metavar not in ("URL", "ID", "N"))
    ]
    assert english == []


@pytest.mark.parametrize(
    ("count", "expected"),
    [(1, "нужно 1 значение"), (2, "нужно 2 значения"), (5, "нужно 5 значений"), (11, "нужно 11 значений"),
     (21, "нужно 21 значение"), (24, "нужно 24 значения"), (112, "нужно 112 значений")],
)
def test_plural_forms(count: int, expected: str) -> None:
    assert cli_messages.translate_plural("expected %s argument", "expected %s arguments", count) % count == expected


def test_unknown_message_stays_as_argparse_wrote_it() -> None:
    assert cli_messages.translate("some newer message %s") == "some newer message %s"
    assert cli_messages.translate_plural("a %s thing", "%s things", 3) == "%s things"
