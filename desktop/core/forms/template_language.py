"""Templates in another language: a catalogue beside each template gives its texts.

`schemas/visit-sheet.schema.en.json` beside `visit-sheet.schema.json` maps each field
key (a table's column: « table.column ») to its English title, description, unit and
choice labels (by stored value), and each section id to its title. Values stored in the
records never change with the language: only what is shown does.

Kept beside the template rather than inside it, so that a network that edits its
template (privacy hints, new fields) and a translator never edit the same file; a test
lists the texts a catalogue lacks (`missing_texts`).
"""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from typing import Any

from desktop.core.forms import strict_json
from desktop.core.forms.templates import (
    FieldSpec,
    Section,
    Template,
    TemplateError,
    TemplateSet,
)

SOURCE_LANGUAGE = "fr"  # the templates' own texts
LANGUAGES = ("fr", "en")


def catalogue_path(template_path: Path, language: str) -> Path:
    """visit-sheet.schema.json -> visit-sheet.schema.en.json"""
    return template_path.with_name(template_path.name.removesuffix(".json") + f".{language}.json")


def read_catalogue(path: Path) -> dict[str, Any]:
    """A catalogue file, or {} when there is none (the template's own texts are shown)."""
    try:
        catalogue = strict_json.loads(Path(path).read_text("utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise TemplateError(f"Impossible de lire les textes {Path(path).name} : {error}") from None
    if not isinstance(catalogue, dict):
        raise TemplateError(f"Les textes {Path(path).name} doivent être un objet JSON.")
    return catalogue


def localize(template: Template, catalogue: dict[str, Any]) -> Template:
    """The template with the catalogue's texts; what the catalogue lacks stays French."""
    fields = catalogue.get("fields", {})
    titles = catalogue.get("sections", {})
    sections = tuple(
        Section(
            s.id,
            titles.get(s.id, s.title),
            s.carry_over,
            tuple(_field(f, fields, f.key) for f in s.fields),
        )
        for s in template.sections
    )
    signatures = tuple(catalogue.get("signatures") or template.signatures)
    title, heading = catalogue.get("title", template.title), catalogue.get("heading")
    return replace(
        template,
        title=title,
        sections=sections,
        signatures=signatures,
        heading=heading or template.heading,
        short_title=catalogue.get("short_title") or template.short_title,
    )


def _field(spec: FieldSpec, fields: dict[str, Any], path: str) -> FieldSpec:
    texts = fields.get(path, {})
    labels = texts.get("enum", {})
    return replace(
        spec,
        title=texts.get("title", spec.title),
        description=texts.get("description", spec.description),
        unit=texts.get("unit", spec.unit),
        choices=tuple((value, labels.get(str(value), label)) for value, label in spec.choices),
        columns=tuple(_field(c, fields, f"{path}.{c.key}") for c in spec.columns),
    )


def missing_texts(template: Template, catalogue: dict[str, Any]) -> list[str]:
    """What the catalogue lacks: « field: title », « field: description », « field: choice
    value », « section id »."""
    fields, titles = catalogue.get("fields", {}), catalogue.get("sections", {})
    missing = [f"section {s.id}" for s in template.sections if not titles.get(s.id)]
    for spec in template.fields:
        missing += _missing(spec, fields, spec.key)
    if len(catalogue.get("signatures") or ()) != len(template.signatures):
        missing.append("signatures")
    missing += [
        name
        for name, french in (("heading", template.heading), ("short_title", template.short_title))
        if french and not catalogue.get(name)
    ]
    return missing


def _missing(spec: FieldSpec, fields: dict[str, Any], path: str) -> list[str]:
    texts = fields.get(path, {})
    missing = [] if texts.get("title") else [f"{path}: title"]
    if spec.description and not texts.get("description"):
        missing.append(f"{path}: description")
    labels = texts.get("enum", {})
    missing += [f"{path}: {value}" for value, _ in spec.choices if not labels.get(str(value))]
    for column in spec.columns:
        missing += _missing(column, fields, f"{path}.{column.key}")
    return missing


def templates_in(templates: TemplateSet, language: str | None) -> TemplateSet:
    """The same templates in language (fr, or unknown: the French ones), made once."""
    french = templates.french or templates
    if not language or language == SOURCE_LANGUAGE or language not in LANGUAGES:
        return french
    if language not in french.translated:
        french.translated[language] = replace(
            french,
            visit=_localized(french.visit, language),
            venue=_localized(french.venue, language),
            others=tuple(_localized(t, language) for t in french.others),
            language=language,
            french=french,
            translated={},
        )
    return french.translated[language]


def _localized(template: Template, language: str) -> Template:
    """The template with the catalogue beside its file (none: its French texts)."""
    if template.source is None:
        return template
    return localize(template, read_catalogue(catalogue_path(template.source, language)))
