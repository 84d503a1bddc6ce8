"""A coordinator's template files, written into a real share's `Carnet/modeles/`."""

from __future__ import annotations

import copy
import json
from pathlib import Path

from desktop.core.forms.templates import SCHEMAS_DIR, VISIT_TEMPLATE_FILE

REMOVED = "public_partners"  # version 2 drops it
RENAMED_FROM, RENAMED_TO = "decision_making", "decisions"  # version 2 renames it
ADDED = "network_label"  # version 2 adds it (public)


def carnet_visit_sheet() -> dict:
    return json.loads((SCHEMAS_DIR / VISIT_TEMPLATE_FILE).read_text("utf-8"))


def visit_sheet_v2() -> dict:
    """The visit sheet, version 2: one field removed, one renamed (x-replaces), one added,
    and no field it does not know allowed (leftovers must still not count as errors)."""
    schema = copy.deepcopy(carnet_visit_sheet())
    schema["x-template-version"] = 2
    properties = schema["properties"]
    del properties[REMOVED]
    renamed = properties.pop(RENAMED_FROM)
    properties[RENAMED_TO] = {
        **renamed,
        "title": "Décisions : qui décide, comment",
        "x-replaces": RENAMED_FROM,
    }
    properties[ADDED] = {
        "type": "string",
        "title": "Label du réseau",
        "x-section": "bilan",
        "x-order": 999,
    }
    schema["additionalProperties"] = False
    return schema


def modeles(share: Path) -> Path:
    folder = share / "Carnet" / "modeles"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def drop(share: Path, name: str, content: dict | str | bytes) -> Path:
    """Put a file into the share's templates folder, as a coordinator (or a sync client) would."""
    path = modeles(share) / name
    if isinstance(content, dict):
        content = json.dumps(content, ensure_ascii=False, indent=1)
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return path
