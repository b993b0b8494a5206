"""What the user sees: one clear Russian line on failure, progress on long steps, details in the log.

Streams: a command's result (what the user asked for: a summary, the paths written) goes to stdout through
:func:`result`, so ``tenderflow … > file`` keeps it; progress and diagnostics go to stderr through :func:`info`
and :func:`warn`. ``--quiet`` silences progress and informational lines (warnings and errors stay);
``--json`` prints each result as one JSON object per line instead of the Russian sentence, for scripts.
"""

from __future__ import annotations

import json
import logging
import os
import sys
from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, TypeVar

if TYPE_CHECKING:
    from rich.console import Console

T = TypeVar("T")

log = logging.getLogger("tenderflow")


@lru_cache(maxsize=1)
def stderr() -> Console:
    """The console on stderr, made on first use: rich loads only when something is printed there."""
    from rich.console import Console

    return Console(stderr=True, highlight=False, soft_wrap=True)


class UserError(Exception):
    """A failure the user can act on: printed as one line, exit status 2."""


def fail(message: str) -> NoReturn:
    raise UserError(message)


class _Output:
    quiet = False
    json = False


def configure_output(quiet: bool = False, json_lines: bool = False) -> None:
    _Output.quiet, _Output.json = quiet, json_lines


def info(message: str) -> None:
    """Progress or a diagnostic a person reads: stderr, silenced by ``--quiet``."""
    if not _Output.quiet:
        stderr().print(message, markup=False)


def warn(message: str) -> None:
    """Something the user must know even in ``--quiet`` mode: stderr."""
    stderr().print(message, markup=False)


def result(message: str, **data: Any) -> None:
    """The command's result on stdout: the Russian sentence, or with ``--json`` the ``data`` as one JSON line."""
    if _Output.json:
        sys.stdout.write(json.dumps(data, ensure_ascii=False, default=str) + "\n")
    else:
        sys.stdout.write(message + "\n")
    sys.stdout.flush()


def setup_logging(verbose: bool = False, log_file: str | None = None) -> Path:
    """Details go to the log file (``TENDERFLOW_LOG`` or ``tenderflow.log``); warnings also to stderr."""
    path = Path(log_file or os.environ.get("TENDERFLOW_LOG") or "tenderflow.log")
    root = logging.getLogger()
    root.setLevel(logging.DEBUG if verbose else logging.INFO)
    for handler in list(root.handlers):
        root.removeHandler(handler)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        file_handler = logging.FileHandler(path, encoding="utf-8")
    except OSError as error:
        stderr().print(f"Журнал {path} недоступен ({error.strerror}); подробности только в выводе.", markup=False)
    else:
        file_handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        root.addHandler(file_handler)
    console_handler = logging.StreamHandler(sys.stderr)
    console_handler.setLevel(logging.DEBUG if verbose else logging.WARNING)
    console_handler.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
    root.addHandler(console_handler)
    return path


def progress(items: Iterable[T], total: int | None = None, description: str = "") -> Iterator[T]:
    """Iterate with a progress line (count, rate, ETA) on stderr; silent when stderr is not a terminal."""
    if _Output.quiet or not stderr().is_terminal:
        yield from items
        return
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    columns = [
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.speed:>7.0f}/с" if total else ""),
        TimeElapsedColumn(),
        TimeRemainingColumn(),
    ]
    with Progress(*columns, console=stderr(), transient=True) as bar:
        task = bar.add_task(description, total=total)
        for item in items:
            yield item
            bar.advance(task)
