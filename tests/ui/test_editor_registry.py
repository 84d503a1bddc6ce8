"""The form's modules: every template widget kind has an editor, and no import cycle."""

from __future__ import annotations

import ast
from pathlib import Path

from desktop.core.forms.templates import TemplateSet
from desktop.ui.form.editor_registry import EDITORS, make_editor
from desktop.ui.form.table_editor import TableEditor

FORM = Path(__file__).resolve().parents[2] / "desktop" / "ui" / "form"
PACKAGE = "desktop.ui.form."


def _imports(path: Path) -> tuple[set[str], list[int]]:
    """The form modules a file imports at module level, and the lines of nested imports."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    top = {n.module for n in tree.body if isinstance(n, ast.ImportFrom) and n.module}
    nested = [
        n.lineno
        for f in ast.walk(tree)
        if isinstance(f, ast.FunctionDef | ast.AsyncFunctionDef)
        for n in ast.walk(f)
        if isinstance(n, ast.Import | ast.ImportFrom)
    ]
    return {m.removeprefix(PACKAGE) for m in top if m.startswith(PACKAGE)}, nested


def test_every_widget_kind_of_the_templates_has_an_editor(qtbot):
    templates = TemplateSet.load()
    for spec in [*templates.visit.fields, *templates.venue.fields]:
        editor = make_editor(spec)
        qtbot.addWidget(editor)
        assert isinstance(editor, EDITORS[spec.widget]) and editor.spec is spec
    assert EDITORS["table"] is TableEditor


def test_the_form_modules_import_each_other_without_a_cycle():
    graph = {}
    for path in sorted(FORM.glob("*.py")):
        graph[path.stem], nested = _imports(path)
        assert nested == [], f"{path.name}: import inside a function, lines {nested}"

    def reaches(start: str, target: str, seen: set[str]) -> bool:
        for module in graph.get(start, ()):
            if module == target or (
                module not in seen and reaches(module, target, seen | {module})
            ):
                return True
        return False

    assert [m for m in graph if reaches(m, m, set())] == []
    assert "table_editor" not in graph["field_widgets"]  # the cycle this registry removed
