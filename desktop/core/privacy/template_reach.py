"""A new version of a template never lets a wider audience see a field kept under its key.

Documents keep the keys of every version they were written under, and the newest
version decides who sees them (a renamed key is read through its new field). A version
that keeps a key, at any depth (a table's column, a nested object's property), but
drops `x-personal` or raises `x-audience` would publish what was typed under a
narrower promise. So each key path may reach at most the narrowest audience any known
version gave it: Carnet's own, the version in use, every version received (a chain of
versions cannot widen step by step, nor a key removed and then added back wider).
Narrowing is always allowed.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from desktop.core.privacy.audiences import AUDIENCE_TITLES, PUBLIC, field_audience, reaches

KeyPath = tuple[str, ...]  # a top-level key, then a column or nested key at each level


def reach_by_path(schema: Mapping[str, Any]) -> dict[KeyPath, str]:
    """The widest audience of every key path of a template (a field's own hints narrowed
    by those of the fields holding it). A field's `x-replaces` keys get its audience too:
    their values are shown as that field."""
    found: dict[KeyPath, str] = {}
    for key, sub in _properties(schema).items():
        for name in (key, *_replaced(sub)):
            _walk(sub, (name,), PUBLIC, found)
    return found


def _walk(schema: Mapping[str, Any], path: KeyPath, outer: str, found: dict) -> None:
    reach = _narrowest(outer, field_audience(schema))
    items = schema.get("items")
    if isinstance(items, dict):  # a table's rows, a list's values: same path, own hints
        reach = _narrowest(reach, field_audience(items))
    found[path] = _narrowest(found.get(path, PUBLIC), reach)
    children = {**_properties(items if isinstance(items, dict) else {}), **_properties(schema)}
    for key, sub in children.items():
        _walk(sub, (*path, key), reach, found)


def widened_paths(
    schema: Mapping[str, Any], earlier: Iterable[Mapping[str, Any]]
) -> list[tuple[KeyPath, str, str]]:
    """(key path, its audience now, the narrowest it had before) for each key path the
    schema lets a wider audience see than one of the earlier versions did."""
    limits: dict[KeyPath, str] = {}
    for before in earlier:
        for path, reach in reach_by_path(before).items():
            limits[path] = _narrowest(limits.get(path, PUBLIC), reach)
    return [
        (path, reach, limits[path])
        for path, reach in reach_by_path(schema).items()
        if path in limits and not reaches(limits[path], reach)
    ]


def widening_reason(path: KeyPath, now: str, before: str) -> str:
    """The French reason a template that widens this key path is refused."""
    shown = " › ".join(path)
    return (
        f"le champ « {shown} » serait diffusé plus largement qu'avant "
        f"({_title(now)} au lieu de {_title(before)}) : les fiches déjà écrites l'ont été "
        "pour cette diffusion ; gardez « x-personal » ou l'« x-audience » d'avant, ou "
        "donnez au champ une nouvelle clé"
    )


def _properties(schema: Mapping[str, Any]) -> dict[str, Mapping[str, Any]]:
    properties = schema.get("properties")
    if not isinstance(properties, dict):
        return {}
    return {k: v for k, v in properties.items() if isinstance(v, dict)}


def _replaced(schema: Mapping[str, Any]) -> list[str]:
    hint = schema.get("x-replaces")
    hints = [hint] if isinstance(hint, str) else hint if isinstance(hint, list) else []
    return [h for h in hints if isinstance(h, str)]


def _narrowest(first: str, second: str) -> str:
    return first if reaches(second, first) else second


def _title(audience: str) -> str:
    return f"« {AUDIENCE_TITLES.get(audience, audience).lower()} »"
