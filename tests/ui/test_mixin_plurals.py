"""A plural text of a mixin (a class that is no QObject, mixed into a widget) must name its
context: PySide's tr() looks a mixin's plain texts up along the class's ancestors, but its
plural forms only under the widget's own class name, so « 3 jour(s) » stayed untranslated."""

import ast
import importlib
from pathlib import Path
from types import SimpleNamespace

import pytest
from PySide6.QtCore import QObject

import desktop.ui
from desktop.core.storage.workspace import open_workspace
from desktop.ui.i18n import install_translators
from desktop.ui.views.followup_view import FollowupView

UI = Path(desktop.ui.__file__).parent


@pytest.fixture
def workspace(data_dir):
    ws = open_workspace(data_dir)
    yield ws
    ws.close()


def is_plural_tr(node: ast.AST) -> bool:
    return (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == "tr"
        and getattr(node.func.value, "id", "") == "self"
        and len(node.args) >= 3
    )


def mixins_with_plural_tr() -> list[str]:
    """file:line of each self.tr(text, disambiguation, n) in a class that is no QObject."""
    found = []
    for path in sorted(UI.rglob("*.py")):
        module = importlib.import_module(
            ".".join(("desktop", "ui", *path.relative_to(UI).with_suffix("").parts))
        )
        for cls in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            defined = getattr(module, cls.name, None) if isinstance(cls, ast.ClassDef) else None
            if not isinstance(defined, type) or issubclass(defined, QObject):
                continue
            calls = [n for n in ast.walk(cls) if is_plural_tr(n)]
            found += [f"{path.relative_to(UI)}:{n.lineno} ({cls.name})" for n in calls]
    return found


def test_no_mixin_asks_tr_for_a_plural():
    assert mixins_with_plural_tr() == []


@pytest.mark.parametrize(
    ("language", "texts"),
    [("fr", ("3 jours", "1 jour", "3 mois")), ("en", ("3 days", "1 day", "3 months"))],
)
def test_the_suivi_counts_days_and_months_in_the_language(qapp, workspace, language, texts):
    installed = install_translators(qapp, language)
    try:
        view = FollowupView(workspace.store)
        shown = (
            view._left_text(SimpleNamespace(days_left=3, months_left=0)),
            view._left_text(SimpleNamespace(days_left=1, months_left=0)),
            view._left_text(SimpleNamespace(days_left=95, months_left=3)),
        )
    finally:
        for translator in installed:
            qapp.removeTranslator(translator)
    assert shown == texts
