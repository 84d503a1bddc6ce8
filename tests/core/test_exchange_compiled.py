"""The compiled exchange schema (fastjsonschema) must say « valid » exactly when jsonschema
does: it decides alone for the files that pass, so a file it let through that jsonschema
refuses would be merged though invalid (issue 15)."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator
from PIL import Image

from desktop.core.media.documents import DocumentLibrary
from desktop.core.media.photos import PhotoLibrary
from desktop.core.merge.compiled_schema import SCHEMA_PATH, passes_exchange_schema
from desktop.core.merge.exchange import ExchangeError, export_document, validate_exchange

REPLACEMENTS = (None, True, 0, -1, 2.5, "", "x", "2026-13-45", [], [1], {}, {"x": 1})


def full_document(workspace, tmp_path: Path) -> dict:
    store = workspace.store
    venue = store.create_venue({"name": "Le Fournil", "commune": "Eymoutiers"})
    visit = store.create_visit(venue.id, "2026-11-20")
    store.update_visit(visit.id, {"governance_notes": "Collège « usagers »"})
    Image.new("RGB", (64, 48), (10, 90, 50)).save(tmp_path / "p.jpg", "JPEG")
    (tmp_path / "statuts.pdf").write_bytes(b"%PDF-1.4\n%%EOF\n")
    PhotoLibrary(store, workspace.media).attach_files(visit.id, [tmp_path / "p.jpg"])
    DocumentLibrary(store, workspace.media).attach(venue.id, tmp_path / "statuts.pdf")
    document = json.loads(json.dumps(export_document(store, include_private_photos=True)))
    assert all(document[t] for t in ("venues", "visits", "photos", "documents"))
    return document


def mutations(value, path=()):
    """Every document one change away: each value replaced, each key dropped or added."""
    if isinstance(value, dict):
        yield path, "drop-all", {}
        for key, child in value.items():
            yield path + (key,), "drop", None
            yield from mutations(child, path + (key,))
        yield path + ("cle_inconnue",), "add", 1
    elif isinstance(value, list):
        for index, child in enumerate(value):
            yield from mutations(child, path + (index,))
    for replacement in REPLACEMENTS:
        yield path, "set", replacement


def mutated(document: dict, path: tuple, action: str, value) -> dict:
    copied = copy.deepcopy(document)
    if not path:
        return value if action == "set" else copied
    parent = copied
    for step in path[:-1]:
        parent = parent[step]
    if action == "drop":
        del parent[path[-1]]
    else:
        parent[path[-1]] = value
    return copied


def test_compiled_and_jsonschema_agree_on_every_near_miss(workspace, tmp_path):
    document = full_document(workspace, tmp_path)
    reference = Draft202012Validator(json.loads(SCHEMA_PATH.read_text("utf-8")))
    assert passes_exchange_schema(document) and reference.is_valid(document)
    checked = refused = 0
    for path, action, value in mutations(document):
        candidate = mutated(document, path, action, value)
        expected = reference.is_valid(candidate)
        assert passes_exchange_schema(candidate) == expected, (path, action, value)
        checked, refused = checked + 1, refused + (not expected)
    assert checked > 500 and refused > 100  # the near misses do reach the schema's rules


def test_a_refused_file_keeps_jsonschemas_french_reason(workspace, tmp_path):
    document = full_document(workspace, tmp_path)
    document["visits"][0]["stamps"] = "pas un objet"
    with pytest.raises(ExchangeError) as refused:
        validate_exchange(document)
    assert str(refused.value) == (
        "Le fichier n'est pas un export Carnet valide (à « visits/0/stamps » : "
        "un objet attendu, trouvé « pas un objet »)."
    )


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        (lambda d: d.pop("version"), "à « racine » : il manque « version »"),
        (lambda d: d["visits"][0].update(id=12), "à « visits/0/id » : un texte attendu, trouvé 12"),
        (lambda d: d.update(format="autre"), "à « format » : valeur inattendue « autre »"),
    ],
)
def test_every_refusal_is_worded_in_french(workspace, tmp_path, change, reason):
    document = full_document(workspace, tmp_path)
    change(document)
    with pytest.raises(ExchangeError) as refused:
        validate_exchange(document)
    assert reason in str(refused.value)
    assert "property" not in str(refused.value) and "is not" not in str(refused.value)


def test_inlining_keeps_what_each_reference_means():
    from desktop.core.merge.compiled_schema import inlined

    schema = {
        "$defs": {
            "name": {"type": "string", "minLength": 1},
            "tree": {
                "type": "object",
                "properties": {"children": {"items": {"$ref": "#/$defs/tree"}}},
            },
        },
        "properties": {
            "a": {"$ref": "#/$defs/name"},
            "b": {"$ref": "#/$defs/name", "maxLength": 3},
            "t": {"$ref": "#/$defs/tree"},
            "c": {"const": {"$ref": "#/$defs/name"}},
        },
    }
    flat = inlined(schema)["properties"]
    assert flat["a"] == {"type": "string", "minLength": 1}
    assert flat["b"] == {"allOf": [{"type": "string", "minLength": 1}, {"maxLength": 3}]}
    assert flat["t"]["properties"]["children"]["items"] == {"$ref": "#/$defs/tree"}  # itself
    assert flat["c"] == {"const": {"$ref": "#/$defs/name"}}  # a value, not a schema
    reference = Draft202012Validator(schema)
    import fastjsonschema

    compiled = fastjsonschema.compile(inlined(schema))
    for value in ({"a": ""}, {"b": "abcd"}, {"b": "ab"}, {"t": {"children": [{"children": 1}]}}):
        try:
            compiled(value)
            passed = True
        except fastjsonschema.JsonSchemaException:
            passed = False
        assert passed == reference.is_valid(value), value
