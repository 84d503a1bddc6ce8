"""The report copied from the error dialog: Carnet's version, the platform, the traceback."""

from __future__ import annotations

import importlib.metadata
import sys
import tomllib

from desktop.core.diagnostics.error_report import carnet_version, error_report


def test_the_version_comes_from_pyproject_when_not_installed(monkeypatch, repo_root):
    def not_installed(name):
        raise importlib.metadata.PackageNotFoundError(name)

    monkeypatch.setattr(importlib.metadata, "version", not_installed)
    with (repo_root / "pyproject.toml").open("rb") as file:
        assert carnet_version() == tomllib.load(file)["project"]["version"]


def test_the_installed_version_wins(monkeypatch):
    monkeypatch.setattr(importlib.metadata, "version", lambda name: "9.9.9")
    assert carnet_version() == "9.9.9"


def test_the_report_says_what_where_and_with_what(tmp_path):
    report = error_report("Traceback …\nValueError: boum\n", tmp_path, "Qt 6.11.3")
    assert report.startswith(f"Carnet {carnet_version()}\n")
    for part in (f"Python {sys.version.split()[0]}", "Qt 6.11.3", "Platform: ",
                 f"Log folder: {tmp_path}", "ValueError: boum"):  # fmt: skip
        assert part in report
    assert "not writable" in error_report("x", None, "Qt")
