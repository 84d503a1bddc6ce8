"""Document templates: JSON Schemas read into ordered sections and field specs.

The form, the validation, the search text and (later) the PDF and exports all walk
these specs, so adding a field to a template is an edit to a JSON file only.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path
from typing import Any

from desktop.core.forms import strict_json
from desktop.core.privacy.template_reach import widened_paths
from desktop.paths import SCHEMAS

SCHEMAS_DIR = SCHEMAS
VISIT_TEMPLATE_FILE = "visit-sheet.schema.json"
VENUE_TEMPLATE_FILE = "venue.schema.json"
TEMPLATE_SUFFIX = ".schema.json"
NETWORK_TEMPLATES_DIR = "modeles"  # in the data folder: the templates the network shipped
VERSIONS_DIR = "versions"  # beside the network's templates: every version received
_VERSION_FILE = re.compile(r"^(?P<id>.+)\.v(?P<version>\d+)\.schema\.json$")
ORIGIN_CARNET, ORIGIN_NETWORK = "carnet", "reseau"
OTHER_SECTION_ID = "autres"
# The fields a record's date, kind and author come from when its template names none
# (x-record-date, x-record-kind, x-record-author): the visit sheet's.
DEFAULT_ROLES = {"date": "visit_date", "kind": "visit_type", "author": "facilitator"}
SHIPPED_APART = (VISIT_TEMPLATE_FILE, VENUE_TEMPLATE_FILE)  # loaded by name, not as "others"

WIDGETS = {"text", "textarea", "select", "multiselect", "number", "integer", "date"}
WIDGETS |= {"checkbox", "table"}


class TemplateError(ValueError):
    """A template file that cannot be used; str() is a French message."""


@dataclass(frozen=True)
class FieldSpec:
    key: str
    title: str
    widget: str
    schema: dict[str, Any] = field(repr=False, compare=False)
    description: str = ""
    section: str = OTHER_SECTION_ID
    order: int = 0
    unit: str = ""
    choices: tuple[tuple[str, str], ...] = ()  # (value, French label)
    columns: tuple[FieldSpec, ...] = ()  # for tables
    required: bool = False

    def label_of(self, value: Any) -> str:
        """The French label of an enum value (the value itself, as text, if unknown: also a
        list or an object that a colleague's tool wrote where a choice is expected)."""
        if isinstance(value, list | dict):
            return json.dumps(value, ensure_ascii=False)
        return dict(self.choices).get(value, str(value))

    @property
    def is_text(self) -> bool:
        return self.widget in {"text", "textarea"}


@dataclass(frozen=True)
class Section:
    id: str
    title: str
    carry_over: bool
    fields: tuple[FieldSpec, ...]


@dataclass(frozen=True)
class Template:
    id: str
    version: int
    title: str
    schema: dict[str, Any] = field(repr=False, compare=False)
    sections: tuple[Section, ...] = ()
    origin: str = ORIGIN_CARNET  # shipped with Carnet, or received from the network
    source: Path | None = field(default=None, repr=False, compare=False)  # its file
    signatures: tuple[str, ...] = ()  # x-signatures: who signs the printed record
    heading: str = ""  # x-record-heading: « Réunion du » before the date in the page header
    short_title: str = ""  # x-short-title: a list's or an export sheet's name (≤ 31 chars)

    @property
    def date_key(self) -> str:
        """The field that dates a record (x-record-date; the visit sheet's by default)."""
        return self.schema.get("x-record-date") or DEFAULT_ROLES["date"]

    @property
    def kind_key(self) -> str:
        """The choice that says what kind of record it is (x-record-kind: visit type,
        instance…); "" when the template has none."""
        key = self.schema.get("x-record-kind") or DEFAULT_ROLES["kind"]
        return key if self.field(key) else ""

    @property
    def author_key(self) -> str:
        """The field that signs a record, filled with the user's name at its creation
        (x-record-author); "" when the template has none."""
        key = self.schema.get("x-record-author") or DEFAULT_ROLES["author"]
        return key if self.field(key) else ""

    @cached_property
    def fields(self) -> tuple[FieldSpec, ...]:
        """Every field, in order (worked out once: a share's import asks it per visit)."""
        return tuple(f for s in self.sections for f in s.fields)

    @cached_property
    def field_keys(self) -> frozenset[str]:
        return frozenset(f.key for f in self.fields)

    def field(self, key: str) -> FieldSpec | None:
        return next((f for f in self.fields if f.key == key), None)

    @cached_property
    def validator(self):
        """The jsonschema validator, built on first use (the schema checked then)."""
        from jsonschema import Draft202012Validator, FormatChecker

        check_schema(self.schema)
        return Draft202012Validator(self.schema, format_checker=FormatChecker())

    def title_keys(self) -> set[str]:
        """The fields a printed record shows in its title block, not in their section."""
        return {self.date_key, self.kind_key, self.author_key} - {""}

    def carry_over_keys(self) -> tuple[str, ...]:
        return tuple(f.key for s in self.sections if s.carry_over for f in s.fields)


def infer_widget(schema: dict[str, Any]) -> str:
    """The widget a property gets when its template gives no x-widget hint."""
    kind = schema.get("type")
    if kind == "array":
        items = schema.get("items", {})
        if items.get("type") == "object":
            return "table"
        return "multiselect"
    if kind == "string":
        if "enum" in schema:
            return "select"
        return "date" if schema.get("format") == "date" else "text"
    return {"boolean": "checkbox", "integer": "integer", "number": "number"}.get(kind, "text")


def _choices(schema: dict[str, Any]) -> tuple[tuple[str, str], ...]:
    source = schema.get("items", schema) if schema.get("type") == "array" else schema
    values = source.get("enum", [])
    titles = source.get("x-enum-titles") or [str(v) for v in values]
    return tuple(zip(values, titles, strict=False))


def _field(key: str, schema: dict[str, Any], required: bool) -> FieldSpec:
    widget = schema.get("x-widget") or infer_widget(schema)
    if widget not in WIDGETS:
        raise TemplateError(f"Le champ « {key} » demande un widget inconnu : « {widget} ».")
    columns: tuple[FieldSpec, ...] = ()
    if widget == "table":
        items = schema.get("items", {})
        columns = _ordered_fields(items.get("properties", {}), set(items.get("required", [])))
    return FieldSpec(
        key=key,
        title=schema.get("title", key),
        widget=widget,
        schema=schema,
        description=schema.get("description", ""),
        section=schema.get("x-section", OTHER_SECTION_ID),
        order=int(schema.get("x-order", 0)),
        unit=schema.get("x-unit", ""),
        choices=_choices(schema),
        columns=columns,
        required=required,
    )


def _ordered_fields(properties: dict[str, Any], required: set[str]) -> tuple[FieldSpec, ...]:
    specs = [_field(key, sub, key in required) for key, sub in properties.items()]
    # Stable sort: fields with equal order keep their order in the file.
    return tuple(sorted(specs, key=lambda f: f.order))


def check_schema(schema: Any) -> None:
    """Raise TemplateError unless schema is a valid JSON Schema 2020-12."""
    from jsonschema import Draft202012Validator  # slow import, deferred until needed
    from jsonschema.exceptions import SchemaError

    try:
        Draft202012Validator.check_schema(schema)
    except SchemaError as error:
        raise TemplateError(
            f"Le modèle n'est pas un JSON Schema valide : {error.message}"
        ) from None


def template_from_schema(schema: dict[str, Any], check: bool = True) -> Template:
    """The template of a schema; check=False defers the meta-schema check to first use."""
    if check:
        check_schema(schema)
    if not isinstance(schema, dict):
        raise TemplateError("Le modèle doit être un objet JSON décrivant les champs de la fiche.")
    try:
        return _build_template(schema)
    except TemplateError:
        raise
    except (AttributeError, KeyError, TypeError, ValueError) as error:
        # Hand-written x- hints (x-sections, x-order, x-template-version...) are not
        # checked by the meta-schema: a typo must give a message, not a crash at startup.
        raise TemplateError(
            f"Le modèle a une indication « x-… » mal formée ({type(error).__name__} : {error})."
        ) from None


def _build_template(schema: dict[str, Any]) -> Template:
    fields = _ordered_fields(schema.get("properties", {}), set(schema.get("required", [])))
    declared = schema.get("x-sections", [])
    known_ids = {s["id"] for s in declared}
    sections = [
        Section(s["id"], s.get("title", s["id"]), bool(s.get("x-carry-over")), ()) for s in declared
    ]
    if any(f.section not in known_ids for f in fields):
        sections.append(Section(OTHER_SECTION_ID, "Autres informations", False, ()))
    sections = [
        Section(
            s.id,
            s.title,
            s.carry_over,
            tuple(
                f
                for f in fields
                if (f.section if f.section in known_ids else OTHER_SECTION_ID) == s.id
            ),
        )
        for s in sections
    ]
    return Template(
        id=schema.get("x-template-id", schema.get("$id", "sans-identifiant")),
        version=int(schema.get("x-template-version", 1)),
        title=schema.get("title", ""),
        schema=schema,
        sections=tuple(s for s in sections if s.fields),
        signatures=tuple(str(s) for s in schema.get("x-signatures", ())),
        heading=str(schema.get("x-record-heading", "")),
        short_title=str(schema.get("x-short-title", "")),
    )


def load_template(path: Path, check: bool = True, origin: str = ORIGIN_CARNET) -> Template:
    try:
        schema = strict_json.loads(Path(path).read_text("utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise TemplateError(f"Impossible de lire le modèle {Path(path).name} : {error}") from None
    template = template_from_schema(schema, check)
    return replace(template, origin=origin, source=Path(path))


def template_files(folder: Path | None) -> list[Path]:
    """The template files of a folder (`*.schema.json`, not their `*.schema.en.json`
    catalogues), sorted by name; none when the folder does not exist."""
    if folder is None or not Path(folder).is_dir():
        return []
    names = sorted(Path(folder).glob("*" + TEMPLATE_SUFFIX))
    return [p for p in names if "." not in p.name.removesuffix(TEMPLATE_SUFFIX)]


def record_templates(
    folder: Path, check: bool, origin: str, skip: tuple[str, ...] = ()
) -> list[Template]:
    """The record templates of a folder: files declaring an `x-template-id` (the venue
    card and the exchange format do not), except the file names in skip. A network's
    file was checked when it arrived; one damaged since is left out rather than stop
    the app (Carnet's own must load)."""
    found = []
    for path in template_files(folder):
        if path.name in skip:
            continue
        try:
            template = load_template(path, check, origin)
        except TemplateError:
            if origin == ORIGIN_CARNET:
                raise
            continue
        if "x-template-id" in template.schema:
            found.append(template)
    return found


def newest_of_each(templates: list[Template]) -> list[Template]:
    """One template per id, its highest version (a network's wins a tie with Carnet's)."""
    best: dict[str, Template] = {}
    for template in templates:
        held = best.get(template.id)
        if held is None or template.version >= held.version:
            best[template.id] = template
    return list(best.values())


def received_versions(versions_dir: Path, template_id: str) -> list[dict[str, Any]]:
    """The schemas of the versions of a template kept in a data folder's
    `modeles/versions/`, oldest first (unreadable ones are skipped)."""
    found = []
    for path in Path(versions_dir).glob(f"{template_id}.v*.schema.json"):
        match = _VERSION_FILE.match(path.name)
        if match and match.group("id") == template_id:
            found.append((int(match.group("version")), path))
    schemas = []
    for _version, path in sorted(found):
        try:
            schema = strict_json.loads(path.read_text("utf-8"))
        except (OSError, ValueError):
            continue
        if isinstance(schema, dict):
            schemas.append(schema)
    return schemas


def _never_wider(received: Template, carnet: list[Template], network_dir: Path) -> bool:
    """Whether a network's template in the data folder lets no field be seen wider than
    Carnet's own version or any version kept: one put there by hand, or accepted before
    Carnet checked audiences, is left out (the version before it stays in use)."""
    earlier = [t.schema for t in carnet if t.id == received.id]
    earlier += received_versions(Path(network_dir) / VERSIONS_DIR, received.id)
    return not widened_paths(received.schema, earlier)


@dataclass(frozen=True)
class TemplateSet:
    """The templates the app runs with: the venue identity card, the visit sheet and the
    other record templates (`others`: governance meeting records, the network's own).
    A record (a row of `visits`) names its template by id: `template(id)` finds it.

    Their texts are French; `template_language.templates_in(set, "en")` gives the same
    templates with the English texts of the catalogues beside them."""

    visit: Template
    venue: Template
    others: tuple[Template, ...] = ()
    language: str = "fr"
    schemas_dir: Path = field(default=SCHEMAS_DIR, compare=False, repr=False)
    french: TemplateSet | None = field(default=None, compare=False, repr=False)  # when not fr
    translated: dict[str, TemplateSet] = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def load(
        cls, schemas_dir: Path = SCHEMAS_DIR, check: bool = True, network_dir: Path | None = None
    ) -> TemplateSet:
        """Carnet's templates in schemas_dir, and those the network shipped (network_dir,
        the data folder's `modeles/`): for each template id, its highest version."""
        visit = load_template(schemas_dir / VISIT_TEMPLATE_FILE, check)
        shipped = record_templates(schemas_dir, check, ORIGIN_CARNET, SHIPPED_APART)
        received = record_templates(network_dir, check, ORIGIN_NETWORK) if network_dir else []
        received = [t for t in received if _never_wider(t, [visit, *shipped], network_dir)]
        newest = newest_of_each([visit, *shipped, *received])
        return cls(
            visit=next(t for t in newest if t.id == visit.id),
            venue=load_template(schemas_dir / VENUE_TEMPLATE_FILE, check),
            others=tuple(t for t in newest if t.id != visit.id),
            schemas_dir=schemas_dir,
        )

    @property
    def records(self) -> tuple[Template, ...]:
        """Every record template, the visit sheet first."""
        return (self.visit, *self.others)

    def template(self, template_id: str) -> Template:
        """The record template of that id; TemplateError (French) when there is none."""
        for template in self.records:
            if template.id == template_id:
                return template
        raise TemplateError(f"Modèle inconnu sur cet ordinateur : « {template_id} ».")

    def template_or_visit(self, template_id: str | None) -> Template:
        """A record's template, or the visit sheet for a record whose template this laptop
        does not have (yet): its data is kept as it is, shown against the visit sheet."""
        try:
            return self.template(template_id or self.visit.id)
        except TemplateError:
            return self.visit
