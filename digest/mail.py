"""``--mail``: send the digest by SMTP: a compact HTML body plus the full page (and calendar) as attachments.

Server settings come from the ``[smtp]`` section of ``tenderflow.toml`` (``tenderflow.config``); the login and
password only from the environment (``TENDERFLOW_SMTP_USER`` / ``TENDERFLOW_SMTP_PASSWORD`` by default).
"""

from __future__ import annotations

import ipaddress
import os
import smtplib
import ssl
from dataclasses import dataclass
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import formatdate, make_msgid
from typing import Literal

from digest.model import Digest
from digest.render import render_mail_body

Security = Literal["none", "starttls", "ssl"]


class MailError(Exception):
    """Sending failed; the message names the server and the reason, in Russian."""


@dataclass(frozen=True)
class SmtpSettings:
    host: str = "localhost"
    port: int = 587
    sender: str = "tenderflow@localhost"
    security: Security = "starttls"
    timeout: float = 30.0
    username_env: str = "TENDERFLOW_SMTP_USER"
    password_env: str = "TENDERFLOW_SMTP_PASSWORD"

    def credentials(self, environ: dict[str, str] | None = None) -> tuple[str | None, str | None]:
        environ = os.environ if environ is None else environ
        return environ.get(self.username_env) or None, environ.get(self.password_env) or None


def build_message(
    digest: Digest,
    page_html: str,
    *,
    sender: str,
    recipients: list[str],
    ics: bytes | None = None,
) -> EmailMessage:
    """The e-mail: subject with the day's figures, compact HTML body, the full digest attached."""
    if not recipients:
        raise MailError("не заданы получатели дайджеста ([digest] recipients)")
    day = f"{digest.generated_at:%d.%m.%Y}"
    counts = digest.counts()
    subject = (
        f"Тендеры {day}: {counts.new} новых, {counts.closing} со сроком ≤ {digest.closing_days} дн., "
        f"всего {counts.total}, подходящих {counts.relevant}, возможно подходящих {counts.possible}"
    )
    if digest.health_warnings():
        subject += " — проблемы с источниками"
    message = EmailMessage()
    message["Subject"] = subject
    message["From"] = sender
    message["To"] = ", ".join(recipients)
    message["Date"] = formatdate(localtime=False)
    message["Message-ID"] = make_msgid(domain=_domain(sender))
    body = render_mail_body(digest)
    message.set_content("Дайджест закупок во вложении (откройте HTML-файл в браузере).\n")
    message.add_alternative(body, subtype="html")
    message.add_attachment(
        page_html,
        subtype="html",
        charset="utf-8",
        cte="base64",
        filename=f"tenderflow-digest-{digest.generated_at:%Y-%m-%d}.html",
    )
    if ics is not None:
        message.add_attachment(
            ics, maintype="text", subtype="calendar", filename=f"tenderflow-{digest.generated_at:%Y-%m-%d}.ics"
        )
    return message


def _domain(sender: str) -> str:
    try:
        return Address(addr_spec=sender).domain or "localhost"
    except (ValueError, IndexError):
        return "localhost"


def _loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def send_message(
    message: EmailMessage,
    *,
    host: str,
    port: int,
    security: Security = "starttls",
    username: str | None = None,
    password: str | None = None,
    timeout: float = 30.0,
) -> None:
    """Deliver ``message`` to the recipients in its headers; raises :class:`MailError` with a Russian reason."""
    if username and security == "none" and not _loopback(host):
        raise MailError(
            f"SMTP {host}:{port}: пароль не отправляется без шифрования (задайте security = starttls или ssl)"
        )
    context = ssl.create_default_context()
    try:
        if security == "ssl":
            client: smtplib.SMTP = smtplib.SMTP_SSL(host, port, timeout=timeout, context=context)
        else:
            client = smtplib.SMTP(host, port, timeout=timeout)
        with client:
            client.ehlo()
            if security == "starttls":
                client.starttls(context=context)
                client.ehlo()
            if username:
                client.login(username, password or "")
            refused = client.send_message(message)
    except (OSError, smtplib.SMTPException) as error:
        raise MailError(f"SMTP {host}:{port}: не удалось отправить дайджест: {error}") from error
    if refused:
        raise MailError(f"SMTP {host}:{port}: сервер отклонил получателей: {', '.join(sorted(refused))}")


def send_digest(
    digest: Digest,
    page_html: str,
    *,
    settings: SmtpSettings,
    recipients: list[str],
    ics: bytes | None = None,
    environ: dict[str, str] | None = None,
) -> EmailMessage:
    """Build and send; the login and password come from the environment variables named in the settings."""
    message = build_message(digest, page_html, sender=settings.sender, recipients=recipients, ics=ics)
    username, password = settings.credentials(environ)
    send_message(
        message,
        host=settings.host,
        port=settings.port,
        security=settings.security,
        username=username,
        password=password,
        timeout=settings.timeout,
    )
    return message
