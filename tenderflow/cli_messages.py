"""Russian for the messages the standard ``argparse`` writes itself (usage, section titles, parse errors).

``argparse`` translates its own messages through ``gettext`` (its module-level ``_`` and ``ngettext``), but the
interpreter ships no Russian catalogue for them, so ``tenderflow --help`` and every wrong invocation spoke
English to a Russian user. :func:`install` routes those two functions through the table below; a message
missing from it (a newer Python's wording) stays as ``argparse`` wrote it, never garbled.
"""

from __future__ import annotations

import argparse

MESSAGES: dict[str, str] = {
    "usage: ": "использование: ",
    "positional arguments": "аргументы",
    "options": "параметры",
    "optional arguments": "параметры",
    "show this help message and exit": "показать эту справку и выйти",
    "%(prog)s: error: %(message)s\n": "%(prog)s: ошибка: %(message)s\n",
    "argument %(argument_name)s: %(message)s": "аргумент %(argument_name)s: %(message)s",
    "the following arguments are required: %s": "не указаны обязательные аргументы: %s",
    "one of the arguments %s is required": "нужен один из аргументов %s",
    "unrecognized arguments: %s": "неизвестные аргументы: %s",
    "invalid choice: %(value)r (choose from %(choices)s)": "недопустимое значение %(value)r (возможны: %(choices)s)",
    "invalid %(type)s value: %(value)r": "недопустимое значение %(value)r (ожидается %(type)s)",
    "expected one argument": "нужно одно значение",
    "expected at most one argument": "нужно не больше одного значения",
    "expected at least one argument": "нужно хотя бы одно значение",
    "not allowed with argument %s": "нельзя вместе с аргументом %s",
    "ignored explicit argument %r": "лишнее значение %r",
    "ambiguous option: %(option)s could match %(matches)s": "неоднозначный параметр %(option)s: подходят %(matches)s",
    "unexpected option string: %s": "неожиданный параметр: %s",
    "can't open '%(filename)s': %(error)s": "не удалось открыть «%(filename)s»: %(error)s",
}
"""English message of ``argparse`` (its exact ``gettext`` key) -> Russian."""

PLURAL_MESSAGES: dict[str, tuple[str, str, str]] = {
    "expected %s argument": ("нужно %s значение", "нужно %s значения", "нужно %s значений"),
}
"""``ngettext`` keys (the singular form) -> Russian forms for 1, 2–4 and 5+."""


METAVARS: dict[str, str] = {
    "assignee": "ИМЯ",
    "author": "ИМЯ",
    "base_url": "URL",
    "comment": "ТЕКСТ",
    "company": "ФАЙЛ",
    "config": "ФАЙЛ",
    "crm_user": "ID",
    "db": "URL",
    "host": "АДРЕС",
    "inn": "ИНН",
    "log_file": "ФАЙЛ",
    "loss_reason": "ПРИЧИНА",
    "name": "ИМЯ",
    "number": "НОМЕР",
    "out": "ПУТЬ",
    "path": "ПУТЬ",
    "port": "ПОРТ",
    "price": "ЦЕНА",
    "query": "ЗАПРОС",
    "rules": "ПАПКА",
    "since": "ДАТА",
    "source": "ИСТОЧНИК",
    "top": "ЧИСЛО",
    "who": "ИМЯ",
    "workers": "ЧИСЛО",
}
"""An argument's ``dest`` -> the placeholder shown for its value in usage, help and errors («--db URL»,
«ИСТОЧНИК»), where ``argparse`` would show the English ``dest`` («--db DB», «source»)."""


def name_placeholders(parser: argparse.ArgumentParser) -> None:
    """Give every argument of ``parser`` and its sub-commands that takes a value, has no fixed choices and no
    placeholder of its own the Russian placeholder of :data:`METAVARS`."""
    for action in parser._actions:  # argparse keeps no public list of a parser's arguments
        if isinstance(action, argparse._SubParsersAction):
            for subparser in action.choices.values():
                name_placeholders(subparser)
        elif action.nargs != 0 and not action.choices and action.metavar is None and action.dest in METAVARS:
            action.metavar = METAVARS[action.dest]


def translate(message: str) -> str:
    """The Russian form of one of ``argparse``'s messages, or the message itself."""
    return MESSAGES.get(message, message)


def translate_plural(singular: str, plural: str, count: int) -> str:
    """``ngettext`` in Russian: the form for ``count`` by the Russian plural rule."""
    forms = PLURAL_MESSAGES.get(singular)
    if forms is None:
        return singular if count == 1 else plural
    if count % 10 == 1 and count % 100 != 11:
        return forms[0]
    if 2 <= count % 10 <= 4 and not 12 <= count % 100 <= 14:
        return forms[1]
    return forms[2]


def install() -> None:
    """Make ``argparse`` write its messages in Russian in this process (idempotent)."""
    argparse._ = translate  # type: ignore[attr-defined]  # argparse looks these names up at each call
    argparse.ngettext = translate_plural  # type: ignore[attr-defined]
