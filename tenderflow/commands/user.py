"""``tenderflow user add NAME --role specialist|head``: a user of ``serve``; the password is asked on the terminal
(twice) and stored as an Argon2 hash. ``tenderflow user list`` shows who exists."""

from __future__ import annotations

import argparse
import getpass
import sys

from tenderflow.console import fail, info

ROLES = ("specialist", "head")
MIN_PASSWORD_LENGTH = 12


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("user", help="пользователи веб-интерфейса (tenderflow serve)")
    actions = parser.add_subparsers(dest="action", metavar="ДЕЙСТВИЕ", required=True)
    add = actions.add_parser("add", help="создать пользователя или сменить ему роль и пароль")
    add.add_argument("name", help="имя для входа")
    add.add_argument("--role", choices=ROLES, required=True, help="specialist или head (руководитель)")
    add.add_argument("--crm-user", help="ID пользователя в Битрикс24 (ответственный по сделкам)")
    add.add_argument("--password-stdin", action="store_true", help="прочитать пароль из стандартного ввода")
    actions.add_parser("list", help="список пользователей")
    parser.set_defaults(handler=run)


def _password(from_stdin: bool) -> str:
    if from_stdin:
        return sys.stdin.readline().rstrip("\n")
    first = getpass.getpass(f"Пароль (не короче {MIN_PASSWORD_LENGTH} символов): ")
    if first != getpass.getpass("Повторите пароль: "):
        fail("пароли не совпадают")
    return first


def run(args: argparse.Namespace) -> int:
    from store.db import database_url, init_db, session_scope
    from store.users import UserRepository
    from web.auth import hash_password  # imported when used: Argon2 need not load for every command

    engine = init_db(database_url(args.db))
    if args.action == "list":
        with session_scope(engine) as session:
            for user in UserRepository(session).all():
                print(f"{user.name}\t{user.role}\t{user.crm_user_id or ''}")
        return 0
    name = args.name.strip()
    if not name or len(name) > 120:
        fail("имя пользователя: от 1 до 120 символов")
    try:
        password_hash = hash_password(_password(args.password_stdin))
    except ValueError as error:
        fail(str(error))
    with session_scope(engine) as session:
        created = UserRepository(session).save(name, args.role, password_hash, args.crm_user)
    info(f"Пользователь {name} ({args.role}) {'создан' if created else 'обновлён'}.")
    return 0
