"""Which template version a document was written with (the `template_version` column).

It is the version the document was created with, and it moves up when the document is
edited on a laptop that holds a newer version: that edit was made in the newer form.
It never moves down: a merge keeps the higher of the two (a colleague still on the
older version editing a field does not make the document older).
"""

from __future__ import annotations

from desktop.core.forms.templates import TemplateError


def raise_template_version(store, visit_id: str) -> None:
    """After an edit, on the writer: the version this laptop edits with, if higher."""
    row = store.db.conn.execute(
        "SELECT template_id, template_version FROM visits WHERE id = ?", (visit_id,)
    ).fetchone()
    if row is None:
        return
    try:
        template = store.templates.template(row[0])
    except TemplateError:  # a template this laptop lacks: it was not edited in its form
        return
    if template.version > (row[1] or 0):
        store.db["visits"].update(visit_id, {"template_version": template.version})


def highest_version(store, visit_id: str, incoming: int | None) -> int | None:
    """The version a merged record keeps: ours or theirs, whichever is higher."""
    row = store.db.conn.execute(
        "SELECT template_version FROM visits WHERE id = ?", (visit_id,)
    ).fetchone()
    held = row[0] if row else None
    if held is None or incoming is None:
        return incoming if held is None else held
    return max(held, incoming)
