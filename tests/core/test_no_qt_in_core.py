"""desktop.core is the Qt-free domain: the commands and the tests run it without a display."""

import ast

from tests.headless import run_python

FORBIDDEN = ("PySide6", "shiboken6", "desktop.ui")


def _imported_modules(path, package: str) -> list[str]:
    """Absolute names of every module a file imports (relative imports resolved)."""
    tree = ast.parse(path.read_text("utf-8"), filename=str(path))
    names = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                module = ".".join(base + ([node.module] if node.module else []))
            else:
                module = node.module or ""
            names.append(module)
            names += [f"{module}.{alias.name}" for alias in node.names]
    return names


def _is_forbidden(module: str) -> bool:
    return any(module == f or module.startswith(f + ".") for f in FORBIDDEN)


def test_no_core_module_imports_qt_or_the_ui(repo_root):
    core = repo_root / "desktop" / "core"
    files = sorted(core.rglob("*.py"))
    # The walk really sees the core:
    assert core / "storage" / "store.py" in files and len(files) > 10
    offenders = {}
    for path in files:
        package = ".".join(path.relative_to(repo_root).with_suffix("").parts[:-1])
        bad = [m for m in _imported_modules(path, package) if _is_forbidden(m)]
        if bad:
            offenders[str(path.relative_to(repo_root))] = bad
    assert offenders == {}


def test_the_import_checker_does_see_qt_and_ui_imports(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text(
        "import PySide6.QtCore\nfrom shiboken6 import isValid\nfrom ..ui import main_window\n"
    )
    modules = _imported_modules(sample, "desktop.core")
    assert [m for m in modules if _is_forbidden(m)] == [
        "PySide6.QtCore",
        "shiboken6",
        "shiboken6.isValid",
        "desktop.ui",
        "desktop.ui.main_window",
    ]


def test_importing_core_and_commands_loads_no_qt(repo_root):
    code = (
        "import desktop.core.storage.workspace, desktop.core.merge.exchange, desktop.cli, sys; "
        "assert not any(m.startswith('PySide6') for m in sys.modules)"
    )
    result = run_python(code)
    assert result.returncode == 0, result.stderr
