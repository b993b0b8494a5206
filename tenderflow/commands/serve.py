"""``tenderflow serve [--host H --port P --config F]`` (contract 4.7): the review web interface.

Binds 127.0.0.1 by default; put a TLS reverse proxy in front to serve others (docs/serve.md). The session and
CSRF signing key comes from the environment variable named by ``[serve] secret_env``
(default ``TENDERFLOW_SECRET_KEY``); without it a random key is made and sessions end when the server stops.
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path
from typing import Any

from tenderflow.console import fail, info

MIN_SECRET_LENGTH = 32


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("serve", help="веб-интерфейс: дайджест, решения по закупкам, воронка")
    parser.add_argument("--host", help="адрес (по умолчанию 127.0.0.1)")
    parser.add_argument("--port", type=int, help="порт (по умолчанию 8000)")
    parser.add_argument("--config", help="файл настроек (по умолчанию tenderflow.toml)")
    parser.set_defaults(handler=run)


def build_settings(args: argparse.Namespace) -> tuple[Any, str, int]:
    # Imported when used: the web stack (Starlette, Argon2, the bid assembler) would slow every other command.
    from digest.settings import DigestSettings
    from store.db import database_url
    from tenderflow.config import load_config
    from web.app import ServeSettings
    from web.auth import LoginPolicy

    config = load_config(args.config)
    serve = config.serve
    url = database_url(args.db or config.database_url)
    settings = ServeSettings(
        db_url=url,
        session_minutes=int(serve.get("session_minutes", 480)),
        absolute_hours=int(serve.get("absolute_hours", 12)),
        https_only=bool(serve.get("https_only", False)),
        bid_dir=Path(serve.get("bid_dir") or "bids").resolve(),
        company=config.company,
        login=LoginPolicy(int(serve.get("max_failed_logins", 5)), int(serve.get("lock_minutes", 15))),
        pipeline=config.pipeline,
        digest=DigestSettings(closing_days=config.digest_closing_days, min_score=config.digest_min_score),
    )
    secret = os.environ.get(str(serve.get("secret_env", "TENDERFLOW_SECRET_KEY")))
    if secret is not None:
        if len(secret) < MIN_SECRET_LENGTH:
            fail(f"ключ подписи сессий короче {MIN_SECRET_LENGTH} символов")
        settings.secret_key = secret
    else:
        info("Внимание: ключ подписи сессий не задан (TENDERFLOW_SECRET_KEY): сессии закончатся с остановкой сервера.")
    return settings, args.host or str(serve.get("host", "127.0.0.1")), args.port or int(serve.get("port", 8000))


def run(args: argparse.Namespace) -> int:
    import uvicorn  # the server itself only when serving

    from store.db import init_db
    from web.app import create_app  # see build_settings

    settings, host, port = build_settings(args)
    init_db(settings.db_url)
    info(f"Tenderflow: http://{host}:{port}/ (остановить: Ctrl+C)")
    uvicorn.run(create_app(settings), host=host, port=port, proxy_headers=True,
                forwarded_allow_ips=os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1"), log_level="info",
                server_header=False)
    return 0
