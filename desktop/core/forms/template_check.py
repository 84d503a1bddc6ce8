"""Checking a template a network ships, before any laptop uses it.

A coordinator writes the file by hand and drops it into the share: everything that
would make it unusable, or would lose or widen what older documents hold, is refused
here with a French reason, and then nothing changes (the version in use stays).

A file that is only incomplete (a sync client still copying it: empty, or JSON cut off
at its end) is told apart by `TemplateIncomplete`: it is waited for, not refused.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from typing import Any

from desktop.core.forms import strict_json
from desktop.core.forms.figure_checks import hint_problem
from desktop.core.forms.templates import Template, TemplateError, template_from_schema
from desktop.core.privacy.audiences import AUDIENCES, field_audience, reaches
from desktop.core.privacy.template_reach import widened_paths, widening_reason

TEMPLATE_ID = re.compile(r"^[a-z0-9][a-z0-9-]{1,62}[a-z0-9]$")
FIELD_KEY = re.compile(r"^[A-Za-z][A-Za-z0-9_]{0,63}$")
# The venue identity card and the exchange format are Carnet's: a network cannot replace them.
RESERVED_IDS = {"venue", "exchange", "carnet-exchange"}
RESERVED_FILES = {"venue.schema.json", "exchange.schema.json"}


class TemplateIncomplete(TemplateError):
    """The file is still arriving (empty, or its JSON stops short): try again later."""


def parse_template_file(data: bytes) -> Any:
    """The JSON of a template file; TemplateIncomplete when it stops short, TemplateError
    (French) when it is not JSON at all."""
    if not data.strip():
        raise TemplateIncomplete("fichier vide (en cours de copie ?)")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise TemplateError("ce n'est pas un fichier texte UTF-8") from None
    try:
        document = strict_json.loads(text)
    except json.JSONDecodeError as error:
        # The text ends before the JSON does (a string still open runs to the end, too).
        if error.pos >= len(text.rstrip()) or error.msg.startswith("Unterminated string"):
            raise TemplateIncomplete("JSON incomplet (en cours de copie ?)") from None
        raise TemplateError(
            f"ce n'est pas du JSON valide (ligne {error.lineno}, colonne {error.colno} : "
            f"{error.msg})"
        ) from None
    if strict_json.nested_over(document):
        raise TemplateError(
            f"JSON imbriqué sur plus de {strict_json.MAX_DEPTH} niveaux : ce n'est pas un modèle"
        )
    return document


def check_network_template(
    name: str,
    schema: Any,
    held: Template | None,
    earlier: Iterable[Mapping[str, Any]] = (),
) -> Template:
    """The template of a shipped file, or TemplateError with the reason in French.

    held: the version of the same id this laptop uses now (Carnet's or the network's),
    against which the version number, the types and the x-replaces hints are checked.
    earlier: the schemas of the other versions of that id this laptop knows (Carnet's
    own, those received): no field may be seen wider than in any of them, nor than in held.
    """
    if name in RESERVED_FILES:
        raise TemplateError(
            "la fiche d'identité du lieu et le format d'échange sont ceux de Carnet : "
            "un réseau ne peut pas les remplacer"
        )
    if not isinstance(schema, dict):
        raise TemplateError("le modèle doit être un objet JSON (entre accolades)")
    _check_identity(schema)
    template = template_from_schema(schema, check=True)
    if held is not None:
        _check_version(template, held)
    _check_replaces(template, held)
    if problem := hint_problem(template):  # x-at-most, x-rows-at-most
        raise TemplateError(problem)
    _check_not_widened(template, [held.schema] if held is not None else [], earlier)
    return template


def _check_not_widened(template: Template, held: list, earlier: Iterable) -> None:
    widened = widened_paths(template.schema, [*held, *earlier])
    if widened:
        raise TemplateError(widening_reason(*widened[0]))


def _check_identity(schema: dict[str, Any]) -> None:
    template_id = schema.get("x-template-id")
    if template_id is None:
        raise TemplateError("il manque « x-template-id » (l'identifiant du modèle)")
    if not isinstance(template_id, str) or not TEMPLATE_ID.match(template_id):
        raise TemplateError(
            f"« x-template-id » ({json.dumps(template_id, ensure_ascii=False)}) doit être "
            "fait de minuscules sans accent, de chiffres et de tirets (3 à 64 caractères), "
            "par exemple « comite-pilotage »"
        )
    if template_id in RESERVED_IDS:
        raise TemplateError(f"l'identifiant « {template_id} » est réservé à Carnet")
    version = schema.get("x-template-version")
    if version is None:
        raise TemplateError("il manque « x-template-version » (un nombre entier, 1 au départ)")
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise TemplateError(
            f"« x-template-version » doit être un nombre entier à partir de 1, "
            f"pas {json.dumps(version, ensure_ascii=False)}"
        )
    if schema.get("type", "object") != "object" or not isinstance(schema.get("properties"), dict):
        raise TemplateError("le modèle doit décrire un objet avec ses champs (« properties »)")
    for key, sub in schema["properties"].items():
        if not FIELD_KEY.match(key):
            raise TemplateError(
                f"la clé de champ « {key} » doit commencer par une lettre et n'avoir que "
                "des lettres sans accent, des chiffres et « _ »"
            )
        audience = sub.get("x-audience") if isinstance(sub, dict) else None
        if audience is not None and audience not in AUDIENCES:
            raise TemplateError(
                f"le champ « {key} » a une diffusion « {audience} » inconnue "
                "(interne, reseau ou public)"
            )


def _check_version(template: Template, held: Template) -> None:
    if template.version < held.version:
        raise TemplateError(
            f"version {template.version} plus ancienne que la version {held.version} "
            f"déjà en service ici : la version en service est gardée"
        )
    if template.version == held.version and template.schema != held.schema:
        raise TemplateError(
            f"la version {held.version} de « {held.id} » est déjà en service avec un autre "
            f"contenu : pour publier un changement, augmentez « x-template-version » "
            f"({held.version + 1})"
        )
    old = held.schema.get("properties", {})
    for key, sub in template.schema.get("properties", {}).items():
        before = old.get(key)
        if isinstance(before, dict) and before.get("type") != sub.get("type"):
            raise TemplateError(
                f"le champ « {key} » change de type ({before.get('type')} → "
                f"{sub.get('type')}) : les fiches déjà écrites ne le rempliraient plus ; "
                "donnez-lui une nouvelle clé avec « x-replaces »"
            )


def replaces_of(schema: dict[str, Any]) -> list[str]:
    """The old keys a property's `x-replaces` hint names (a string or a list)."""
    hint = schema.get("x-replaces")
    if hint is None:
        return []
    return [hint] if isinstance(hint, str) else list(hint) if isinstance(hint, list) else [hint]


def _check_replaces(template: Template, held: Template | None) -> None:
    properties = template.schema.get("properties", {})
    old = held.schema.get("properties", {}) if held is not None else {}
    claimed: dict[str, str] = {}
    for key, sub in properties.items():
        for old_key in replaces_of(sub):
            where = f"« x-replaces » du champ « {key} »"
            if not isinstance(old_key, str) or not FIELD_KEY.match(old_key):
                raise TemplateError(f"{where} doit nommer une clé de champ, ou une liste de clés")
            if old_key in properties:
                raise TemplateError(
                    f"{where} nomme « {old_key} », qui est encore un champ de ce modèle"
                )
            if old_key in claimed:
                raise TemplateError(
                    f"« {old_key} » est repris par deux champs (« {claimed[old_key]} » et "
                    f"« {key} »)"
                )
            claimed[old_key] = key
            _check_replaced(where, key, sub, old_key, old, held)


def _check_replaced(where, key, sub, old_key, old, held) -> None:
    before = old.get(old_key)
    if before is None:
        if not replaced_anywhere(held, old_key):
            raise TemplateError(
                f"{where} nomme « {old_key} », que la version en service"
                + (f" ({held.version})" if held else " (aucune)")
                + " n'a pas"
            )
        return
    if before.get("type") != sub.get("type"):
        raise TemplateError(
            f"{where} reprend « {old_key} », d'un autre type ({before.get('type')} → "
            f"{sub.get('type')})"
        )
    if not reaches(field_audience(before), field_audience(sub)):
        raise TemplateError(
            f"{where} reprend « {old_key} » mais le diffuserait plus largement "
            f"({field_audience(sub)} au lieu de {field_audience(before)})"
        )


def replaced_anywhere(held: Template | None, old_key: str) -> bool:
    """A key the version in service already maps (x-replaces kept from one version to the
    next: documents of two versions back still have it)."""
    if held is None:
        return False
    return any(old_key in replaces_of(sub) for sub in held.schema.get("properties", {}).values())
