"""``tenderflow crm sync``: pull stage and responsible changes made on the portal, then push the pipeline.

Order: check the portal and the stage table (nothing local changes if the portal is down or refuses the
webhook); pull deals modified since the last sync (a change on both sides goes to the later one, and both
events are kept, the losing one marked not applied); create what is missing (company found by INN through
requisites or created, deal, tasks, a timeline comment), committing after each batch so that a sync cut short
never creates a deal twice; update changed deals with a comment listing the changes.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from crm.portal import MAX_BATCH, CrmError, Portal
from crm.settings import CrmSettings
from digest.overdue import task_dues
from pipeline.review import Actor, record_changes
from store.pipeline import EventData, PipelineRepository, Session, TenderRef
from store.users import UserRepository

log = logging.getLogger(__name__)
DEAL, COMPANY = 2, 4
MARK = "crm.deals_since"
NOT_PUSHED_WITHOUT_DEAL = ("new", "declined", "cancelled")


@dataclass
class SyncSummary:
    companies: int = 0
    deals: int = 0
    updated: int = 0
    tasks: int = 0
    comments: int = 0
    pulled: int = 0
    conflicts: int = 0
    requests: int = 0


def _chunks(items: list[Any], size: int = MAX_BATCH) -> Iterable[list[Any]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _opportunity(entry: Any, tender: TenderRef) -> str | None:
    amount = entry.our_price if entry.our_price is not None else tender.nmck
    return str(Decimal(amount).quantize(Decimal("0.01"))) if amount is not None else None


class CrmSync:
    def __init__(self, session: Session, portal: Portal, settings: CrmSettings) -> None:
        self.portal, self.settings = portal, settings
        self.repository = PipelineRepository(session)
        self.summary = SyncSummary()
        users = {u.name: int(u.crm_user_id) for u in UserRepository(session).all() if u.crm_user_id}
        self.user_ids = {**settings.users, **users}
        self.names = {uid: name for name, uid in self.user_ids.items()}

    def run(self, now: datetime | None = None) -> SyncSummary:
        now = now or datetime.now(UTC)
        self.check_portal()
        self.pull(now)
        entries = list(self.repository.entries())
        self.push_new([(e, t) for e, t in entries if not e.crm_id and self._wanted(e)], now)
        self.push_changes([(e, t) for e, t in entries if e.crm_id], now)
        self.summary.requests = self.portal.requests
        return self.summary

    @staticmethod
    def _wanted(entry: Any) -> bool:
        return entry.stage not in NOT_PUSHED_WITHOUT_DEAL or (entry.assignee is not None and entry.stage == "new")

    def _responsible(self, assignee: str | None) -> int | None:
        return self.user_ids.get(assignee or "", self.settings.default_responsible)

    def _state(self, entry: Any, tender: TenderRef) -> dict[str, Any]:
        return {"stage": entry.stage, "assignee": entry.assignee, "opportunity": _opportunity(entry, tender)}

    # -- the portal and its stages -----------------------------------------------------------------------

    def check_portal(self) -> None:
        categories = self.portal.call("crm.category.list", {"entityTypeId": DEAL})["result"].get("categories", [])
        if self.settings.category_id not in {int(c["id"]) for c in categories}:
            raise CrmError(f"в Битрикс24 нет воронки сделок {self.settings.category_id}; поправьте [crm] category_id")
        rows = self.portal.list_all("crm.status.list", {"filter": {"ENTITY_ID": self.settings.status_entity()}})
        known = {row["STATUS_ID"] for row in rows}
        missing = sorted(set(self.settings.stages.values()) - known)
        if missing:
            raise CrmError(f"в Битрикс24 нет стадий сделки {', '.join(missing)}; поправьте таблицу [crm.stages]")

    # -- pull --------------------------------------------------------------------------------------------

    def pull(self, now: datetime) -> None:
        since = self.repository.mark(MARK)
        latest = since
        if since is not None:
            params = {"entityTypeId": DEAL, "order": {"updatedTime": "ASC"},
                      "filter": {">=updatedTime": since, "categoryId": self.settings.category_id},
                      "select": ["id", "stageId", "assignedById", "updatedBy", "updatedTime"]}
            for deal in self.portal.list_all("crm.item.list", params, key="items"):
                latest = max(latest or deal["updatedTime"], deal["updatedTime"])
                entry = self.repository.by_crm_id(str(deal["id"]))
                if entry is not None:
                    self._pull_deal(entry, deal)
        self.repository.set_mark(MARK, latest if since is not None else now.isoformat(timespec="seconds"))
        self.repository.commit()

    def _pull_deal(self, entry: Any, deal: dict[str, Any]) -> None:
        refs = dict(entry.crm_refs or {})
        pushed = dict(refs.get("pushed") or {})
        portal = {"stage": self.settings.stage_of(str(deal.get("stageId"))),
                  "assignee": self.names.get(int(deal.get("assignedById") or 0))}
        modified_by = deal.get("updatedBy")
        actor = Actor(self.names.get(int(modified_by or 0), f"bitrix24:{modified_by}"), "crm")
        at = datetime.fromisoformat(deal["updatedTime"]).astimezone(UTC)
        for field, value in portal.items():
            if value is None or value == pushed.get(field):
                continue  # unknown on our side, or not changed on the portal since our last push
            local = getattr(entry, field)
            local_at = self.repository.last_change(entry, field)
            if local != pushed.get(field) and local_at is not None and local_at > at:
                self.summary.conflicts += 1  # ours is later: keep it, remember theirs, push ours
                self.repository.add_events(entry, [EventData(field, local, value, actor.name, "crm", at, False)])
                continue
            if local != pushed.get(field):
                self.summary.conflicts += 1
            wanted = {field: value}
            if field == "stage" and value != "lost":
                wanted["loss_reason"] = None
            self.summary.pulled += len(record_changes(self.repository, entry, wanted, actor, at))
            pushed[field] = value
        refs["pushed"] = pushed
        self.repository.save_crm_state(entry, refs)

    # -- push --------------------------------------------------------------------------------------------

    def _companies(self, tenders: list[TenderRef]) -> dict[str, int]:
        """Customer INN -> company id: found through requisites, or created with its requisite."""
        inns = {t.customer_inn: t.customer_name or t.customer_inn for t in tenders if t.customer_inn}
        found: dict[str, int] = {}
        lookups = {f"inn{inn}": ("crm.requisite.list", {"filter": {"RQ_INN": inn, "ENTITY_TYPE_ID": COMPANY},
                                                         "select": ["ENTITY_ID"]}) for inn in inns}
        for key, rows in self.portal.batch(lookups).items():
            if rows:
                found[key.removeprefix("inn")] = int(rows[0]["ENTITY_ID"])
        missing = [inn for inn in inns if inn not in found]
        for chunk in _chunks(missing):
            added = self.portal.batch({f"co{inn}": ("crm.item.add", {"entityTypeId": COMPANY,
                                                                     "fields": {"title": inns[inn]}})
                                       for inn in chunk})
            created = {key.removeprefix("co"): int(value["item"]["id"]) for key, value in added.items()}
            self.portal.batch({f"rq{inn}": ("crm.requisite.add", {"fields": {
                "ENTITY_TYPE_ID": COMPANY, "ENTITY_ID": company, "PRESET_ID": 1, "NAME": inns[inn],
                "RQ_INN": inn}}) for inn, company in created.items()})
            found.update(created)
            self.summary.companies += len(created)
        return found

    def push_new(self, pairs: list[tuple[Any, TenderRef]], now: datetime) -> None:
        if not pairs:
            return
        companies = self._companies([tender for _, tender in pairs])
        for chunk in _chunks(pairs):
            commands = {f"d{entry.id}": ("crm.item.add", {"entityTypeId": DEAL, "fields": self._deal_fields(
                entry, tender, companies.get(tender.customer_inn or ""))}) for entry, tender in chunk}
            added = self.portal.batch(commands)
            for entry, tender in chunk:
                deal_id = str(added[f"d{entry.id}"]["item"]["id"])
                refs = {"company_id": companies.get(tender.customer_inn or ""),
                        "pushed": self._state(entry, tender), "pushed_at": now.isoformat()}
                self.repository.save_crm_state(entry, refs, crm_id=deal_id)
            self.repository.commit()  # the deals exist now: never create them again
            self.summary.deals += len(chunk)
            self._tasks_and_comments(chunk)

    def _deal_fields(self, entry: Any, tender: TenderRef, company: int | None) -> dict[str, Any]:
        fields: dict[str, Any] = {
            "title": f"Закупка № {tender.number}: {(tender.title or '')[:200]}",
            "categoryId": self.settings.category_id, "stageId": self.settings.stages[entry.stage],
            "opportunity": _opportunity(entry, tender), "currencyId": tender.currency or "RUB",
            "sourceDescription": tender.url or "",
        }
        if company:
            fields["companyId"] = company
        responsible = self._responsible(entry.assignee)
        if responsible:
            fields["assignedById"] = responsible
        return fields

    def _tasks_and_comments(self, chunk: list[tuple[Any, TenderRef]]) -> None:
        commands: dict[str, tuple[str, dict[str, Any]]] = {}
        for entry, tender in chunk:
            deal = entry.crm_id
            commands[f"c{entry.id}"] = ("crm.timeline.comment.add", {"fields": {
                "ENTITY_ID": deal, "ENTITY_TYPE": "deal",
                "COMMENT": f"Tenderflow: закупка взята в работу. Извещение: {tender.url or tender.number}"}})
            responsible = self._responsible(entry.assignee)
            if tender.deadline_at is None or responsible is None:
                continue
            dues = task_dues(tender.deadline_at, tender.application_security, self.settings.guarantee_working_days)
            for index, (title, due) in enumerate(dues):
                commands[f"t{entry.id}_{index}"] = ("tasks.task.add", {"fields": {
                    "TITLE": f"{title}: закупка № {tender.number}", "DEADLINE": due.isoformat(),
                    "RESPONSIBLE_ID": responsible, "UF_CRM_TASK": [f"D_{deal}"]}})
        tasks: dict[int, list[str]] = {}
        for keys in _chunks(list(commands)):
            results = self.portal.batch({key: commands[key] for key in keys})
            for key, value in results.items():
                if key.startswith("t"):
                    tasks.setdefault(int(key[1:].split("_")[0]), []).append(str(value["task"]["id"]))
            self.summary.tasks += sum(key.startswith("t") for key in keys)
            self.summary.comments += sum(key.startswith("c") for key in keys)
        for entry, _ in chunk:
            self.repository.save_crm_state(entry, {**entry.crm_refs, "tasks": tasks.get(entry.id, [])})
        self.repository.commit()

    def push_changes(self, pairs: list[tuple[Any, TenderRef]], now: datetime) -> None:
        changed = [(e, t) for e, t in pairs if self._state(e, t) != (e.crm_refs or {}).get("pushed")]
        for chunk in _chunks(changed, MAX_BATCH // 2):  # an update and a comment each
            commands: dict[str, tuple[str, dict[str, Any]]] = {}
            for entry, tender in chunk:
                state = self._state(entry, tender)
                fields: dict[str, Any] = {"stageId": self.settings.stages[state["stage"]],
                                          "opportunity": state["opportunity"]}
                responsible = self._responsible(entry.assignee)
                if responsible:
                    fields["assignedById"] = responsible
                commands[f"u{entry.id}"] = ("crm.item.update", {"entityTypeId": DEAL, "id": entry.crm_id,
                                                                "fields": fields})
                commands[f"c{entry.id}"] = ("crm.timeline.comment.add", {"fields": {
                    "ENTITY_ID": entry.crm_id, "ENTITY_TYPE": "deal", "COMMENT": self._changes_comment(entry)}})
            self.portal.batch(commands)
            for entry, tender in chunk:
                refs = {**entry.crm_refs, "pushed": self._state(entry, tender), "pushed_at": now.isoformat()}
                self.repository.save_crm_state(entry, refs)
            self.repository.commit()
            self.summary.updated += len(chunk)
            self.summary.comments += len(chunk)

    def _changes_comment(self, entry: Any) -> str:
        since = (entry.crm_refs or {}).get("pushed_at")
        lines = [f"{e.at:%d.%m.%Y %H:%M} {e.who}: {e.field} {e.from_value or '—'} → {e.to_value or '—'}"
                 for e in self.repository.events(entry)
                 if e.source != "crm" and e.applied and (since is None or e.at.isoformat() > since)]
        return "Tenderflow: изменения по закупке\n" + ("\n".join(lines) or "обновлены данные")


def sync(session: Session, portal: Portal, settings: CrmSettings, now: datetime | None = None) -> SyncSummary:
    return CrmSync(session, portal, settings).run(now)


