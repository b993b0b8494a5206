"""``tenderflow digest`` end to end on a SQLite store: page, calendar, mail, and "new" only once."""

from __future__ import annotations

from icalendar import Calendar

from store.db import init_db, session_scope
from tenderflow.cli import main
from tests.digest.records import add_match, add_notice, add_product, notice_record
from tests.digest.smtp import smtp_server


def _seed(url: str) -> None:
    engine = init_db(url)
    with session_scope(engine) as session:
        add_product(session, "MES2428P", "86500.00")
        notice_id = add_notice(
            session,
            notice_record(
                "0373100000126000101", deadline_at="2099-11-25T09:00:00+03:00", auction_at="2099-11-27T10:00:00+03:00"
            ),
        )
        add_match(session, notice_id, 1, "MES2428P", score=87)


def test_digest_command_writes_page_and_calendar_and_remembers(tmp_path):
    url = f"sqlite:///{tmp_path}/t.db"
    _seed(url)
    out, ics = tmp_path / "out" / "digest.html", tmp_path / "d.ics"
    common = ["--db", url, "--log-file", str(tmp_path / "log.txt"), "digest", "--config", str(tmp_path / "none.toml")]
    (tmp_path / "none.toml").write_text("", encoding="utf-8")
    assert main([*common, "--out", str(out), "--ics", str(ics)]) == 0
    page = out.read_text(encoding="utf-8")
    assert "Поставка коммутаторов для ЛВС" in page and "новая</span>" in page
    assert len(Calendar.from_ical(ics.read_bytes()).walk("VEVENT")) == 2
    # The reader has seen it now: the next digest lists it, but no longer as new.
    assert main([*common, "--out", str(out)]) == 0
    assert "новая</span>" not in out.read_text(encoding="utf-8")
    assert main([*common, "--out", str(out), "--since", "2020-01-01"]) == 0
    assert "новая</span>" in out.read_text(encoding="utf-8")
    assert main([*common, "--out", str(out), "--since", "вчера"]) == 2
    assert main([*common, "--out", str(out), "--min-score", "90"]) == 0
    assert "Поставка коммутаторов для ЛВС" not in out.read_text(encoding="utf-8")


def test_digest_command_mails_the_recipients_from_the_config(tmp_path):
    url = f"sqlite:///{tmp_path}/t.db"
    _seed(url)
    config = tmp_path / "tenderflow.toml"
    with smtp_server() as (controller, mailbox):
        config.write_text(
            f'[digest]\nrecipients = ["sales@firm.test"]\n\n[smtp]\nhost = "127.0.0.1"\nport = {controller.port}\n'
            'sender = "digest@firm.test"\nsecurity = "none"\n',
            encoding="utf-8",
        )
        args = ["--db", url, "--log-file", str(tmp_path / "log.txt"), "digest", "--config", str(config)]
        assert main([*args, "--out", str(tmp_path / "d.html"), "--mail"]) == 0
    assert [received.rcpt_tos for received in mailbox.messages] == [["sales@firm.test"]]
    names = {part.get_filename() for part in mailbox.messages[0].message.iter_attachments()}
    assert "tenderflow-digest-" in next(iter(sorted(names)))


def test_failed_mail_does_not_mark_tenders_as_shown(tmp_path):
    url = f"sqlite:///{tmp_path}/t.db"
    _seed(url)
    config = tmp_path / "tenderflow.toml"
    with smtp_server() as (controller, _):
        port = controller.port  # stopped below: nothing listens there any more
    config.write_text(
        f'[digest]\nrecipients = ["sales@firm.test"]\n[smtp]\nhost = "127.0.0.1"\nport = {port}\nsecurity = "none"\n',
        encoding="utf-8",
    )
    args = ["--db", url, "--log-file", str(tmp_path / "log.txt"), "digest", "--config", str(config)]
    assert main([*args, "--out", str(tmp_path / "d.html"), "--mail"]) == 2
    assert main([*args, "--out", str(tmp_path / "d.html")]) == 0
    assert "новая</span>" in (tmp_path / "d.html").read_text(encoding="utf-8")
