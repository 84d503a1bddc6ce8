"""Why a shared or imported document does not follow the exchange format, in French:
jsonschema words its refusals in English (« 'version' is a required property »), and
the reason is shown to the user (the Synchronisation panel, the `import` command)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from jsonschema.exceptions import ValidationError

TYPE_NAMES = {
    "string": "un texte",
    "number": "un nombre",
    "integer": "un nombre entier",
    "boolean": "vrai ou faux",
    "array": "une liste",
    "object": "un objet",
    "null": "rien (null)",
}


def french_reason(error: ValidationError) -> str:
    """« à « visits/0 » : il manque « id » », from jsonschema's first error."""
    where = "/".join(str(p) for p in error.absolute_path) or "racine"
    return f"à « {where} » : {_what(error)}"


def _what(error: ValidationError) -> str:
    kind, expected, instance = error.validator, error.validator_value, error.instance
    if kind == "required":
        missing = [k for k in expected if not isinstance(instance, dict) or k not in instance]
        return "il manque " + ", ".join(f"« {k} »" for k in missing)
    if kind == "type":
        names = [
            TYPE_NAMES.get(t, t) for t in (expected if isinstance(expected, list) else [expected])
        ]
        return f"{' ou '.join(names)} attendu, trouvé {_shown(instance)}"
    if kind in {"enum", "const"}:
        return f"valeur inattendue {_shown(instance)}"
    if kind == "additionalProperties":
        return "champ inconnu du format"
    if kind in {"minLength", "minItems"}:
        return "vide, alors qu'une valeur est attendue"
    if kind in {"pattern", "format"}:
        return f"forme inattendue {_shown(instance)}"
    return f"valeur refusée ({kind})"


def _shown(value: Any) -> str:
    text = repr(value) if not isinstance(value, str) else f"« {value} »"
    return text if len(text) <= 40 else text[:39] + "…"
