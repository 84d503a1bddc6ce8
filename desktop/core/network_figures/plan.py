"""Which figures a template gives, from its hints alone: no Python per field.

- every select / multiselect field (its enumeration) that reaches the audience gives
  « lieux par … »; a field of a carried-over section describes the venue (its latest
  visit of the period counts), any other counts the venues where a visit of the period
  chose the value;
- a number field in percent (`x-unit: "%"`) gives venues by quarter band;
- the `x-followup` hints give agreements ending by quarter (`agreement_end`) and overdue
  actions by owner (`actions`, `responsible`, `due`, `status` + `x-followup-done`);
- the visit type (its enumeration) stacks the visits per month.
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop.core.followup.fields import FollowupFields
from desktop.core.forms.templates import FieldSpec, Template
from desktop.core.privacy.audiences import field_audience, reaches
from desktop.core.storage.figure_rows import VISIT_TYPE, counted_fields

AUTHOR = "facilitator"  # mirrored in the visits table's author column


@dataclass(frozen=True)
class Plan:
    choices: tuple[FieldSpec, ...]
    describes_venue: frozenset[str]  # keys of the choices in carried-over sections
    percents: tuple[FieldSpec, ...]
    visit_type: FieldSpec | None
    agreement_end: str | None
    actions: FollowupFields | None  # None when the actions do not reach the audience
    shows_author: bool

    @classmethod
    def of(cls, template: Template, audience: str) -> Plan:
        def seen(spec: FieldSpec | None) -> bool:
            return spec is not None and reaches(field_audience(spec.schema), audience)

        choices, percents = counted_fields(template)
        carried = set(template.carry_over_keys())
        choices = tuple(f for f in choices if seen(f))
        follow = FollowupFields.of(template)
        end = follow.agreement_end if seen(template.field(follow.agreement_end or "")) else None
        return cls(
            choices=choices,
            describes_venue=frozenset(f.key for f in choices if f.key in carried),
            percents=tuple(f for f in percents if seen(f)),
            visit_type=template.field(VISIT_TYPE) if seen(template.field(VISIT_TYPE)) else None,
            agreement_end=end,
            actions=follow if _actions_seen(template, follow, seen) else None,
            shows_author=seen(template.field(AUTHOR)),
        )


def _actions_seen(template: Template, follow: FollowupFields, seen) -> bool:
    table = template.field(follow.actions or "")
    if not seen(table) or not follow.due or not follow.responsible:
        return False
    columns = {c.key: c for c in table.columns}
    return seen(columns.get(follow.responsible)) and seen(columns.get(follow.due))
