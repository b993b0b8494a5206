"""The weekly report by e-mail through the project's SMTP delivery (``digest.mail``): a short HTML body with
the key figures and the charts as PNG images (mail clients drop inline SVG), the full report attached."""

from __future__ import annotations

from email.message import EmailMessage
from email.utils import formatdate, make_msgid

from analytics.render import environment
from analytics.report import Report
from digest.mail import MailError, SmtpSettings, send_message

__all__ = ["MailError", "build_weekly_message", "send_weekly"]

CHART_SECTIONS = {"funnel": "Движение воронки", "forecast": "Прогноз продаж",
                  "receivables": "Дебиторская задолженность", "competitors": "Крупнейшие заказчики и конкуренты"}


def build_weekly_message(report: Report, page_html: str, *, sender: str, recipients: list[str]) -> EmailMessage:
    if not recipients:
        raise MailError("не заданы получатели отчёта ([digest] recipients)")
    domain = sender.rpartition("@")[2] or "localhost"
    cids = {key: make_msgid(idstring=key, domain=domain) for key in report.pngs}
    charts: dict[str, list[str]] = {}
    for key, cid in cids.items():
        charts.setdefault(CHART_SECTIONS.get(key, ""), []).append(cid[1:-1])
    body = environment().get_template("mail.html.j2").render(report=report, charts=charts)
    message = EmailMessage()
    message["Subject"] = f"{report.title}: {report.subtitle}"
    message["From"] = sender
    message["To"] = ", ".join(recipients)
    message["Date"] = formatdate(localtime=False)
    message["Message-ID"] = make_msgid(domain=domain)
    message.set_content("Еженедельный отчёт во вложении (откройте HTML-файл в браузере).\n")
    message.add_alternative(body, subtype="html")
    html_part = message.get_payload()[1]
    for key, cid in cids.items():
        html_part.add_related(report.pngs[key], maintype="image", subtype="png", cid=cid, filename=f"{key}.png")
    message.add_attachment(page_html, subtype="html", charset="utf-8", cte="base64",
                           filename=f"tenderflow-weekly-{report.generated_at:%Y-%m-%d}.html")
    return message


def send_weekly(report: Report, page_html: str, *, settings: SmtpSettings, recipients: list[str],
                environ: dict[str, str] | None = None) -> EmailMessage:
    message = build_weekly_message(report, page_html, sender=settings.sender, recipients=recipients)
    username, password = settings.credentials(environ)
    send_message(message, host=settings.host, port=settings.port, security=settings.security, username=username,
                 password=password, timeout=settings.timeout)
    return message
