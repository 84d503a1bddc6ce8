"""Which fields of a visit template the « Suivi » reads, and in which part.

The template's `x-followup` hints say it (`actions`, with columns `action`,
`responsible`, `due`, `status` + `x-followup-done`; `agreement_end`; `next_visit`), so a
network's own template can take part; a template without hints falls back on the default
sheet's keys when it has them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from desktop.core.forms.templates import FieldSpec, Template

# The default sheet's keys, used when a template has no x-followup hints.
DEFAULT_KEYS = {
    "actions": "actions",
    "action": "what",
    "responsible": "who",
    "due": "due",
    "status": "status",
    "agreement_end": "end_date",
    "next_visit": "next_visit",
}
DEFAULT_DONE = "fait"


@dataclass(frozen=True)
class FollowupFields:
    """The keys of the fields the follow-up reads, found in a template (None: absent)."""

    actions: str | None = None
    action: str | None = None
    responsible: str | None = None
    due: str | None = None
    status: str | None = None
    done: str | None = None  # the status value meaning « done »
    agreement_end: str | None = None
    next_visit: str | None = None

    @classmethod
    def of(cls, template: Template) -> FollowupFields:
        roles = _roles(template.fields)
        table = template.field(roles["actions"]) if roles.get("actions") else None
        columns = _roles(table.columns) if table else {}
        by_key = {c.key: c for c in table.columns} if table else {}
        status = by_key.get(columns.get("status", ""))
        done = None
        if status is not None:
            values = [v for v, _ in status.choices]
            done = status.schema.get("x-followup-done") or (
                DEFAULT_DONE if DEFAULT_DONE in values else None
            )
        return cls(
            actions=table.key if table else None,
            action=columns.get("action"),
            responsible=columns.get("responsible"),
            due=columns.get("due"),
            status=columns.get("status"),
            done=done,
            agreement_end=roles.get("agreement_end"),
            next_visit=roles.get("next_visit"),
        )


def _roles(specs: Iterable[FieldSpec]) -> dict[str, str]:
    """role -> key, from x-followup hints, else from the default sheet's keys."""
    specs = list(specs)
    found = {s.schema.get("x-followup"): s.key for s in specs if s.schema.get("x-followup")}
    if found:
        return found
    keys = {s.key for s in specs}
    return {role: key for role, key in DEFAULT_KEYS.items() if key in keys}
