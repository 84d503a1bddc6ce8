"""Qt's X11 libraries, checked before Qt loads: a missing one is named with its Debian package."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from desktop import system_libraries
from desktop.system_libraries import (
    XCB_LIBRARIES,
    missing_packages,
    needs_xcb,
    required_libraries,
)

REPO = Path(__file__).resolve().parents[2]


def test_the_check_runs_only_where_qt_loads_its_x11_plugin():
    assert needs_xcb({}, "linux")
    assert needs_xcb({"QT_QPA_PLATFORM": "xcb"}, "linux")
    for platform in ("offscreen", "minimal", "wayland", "wayland-egl", "vnc"):
        assert not needs_xcb({"QT_QPA_PLATFORM": platform}, "linux")
    wayland_session = {"XDG_SESSION_TYPE": "wayland", "WAYLAND_DISPLAY": "wayland-0"}
    assert not needs_xcb(wayland_session, "linux")  # Qt picks Wayland there by itself
    assert needs_xcb({**wayland_session, "QT_QPA_PLATFORM": "xcb"}, "linux")
    assert not needs_xcb({}, "win32")
    assert not needs_xcb({}, "darwin")


def test_qtgui_needs_its_libraries_on_every_platform_the_xcb_plugin_its_own():
    offscreen = required_libraries({"QT_QPA_PLATFORM": "offscreen"}, "linux")
    assert offscreen["libGL.so.1"] == "libgl1"  # QtGui links it: the import fails without it
    assert "libxcb-cursor.so.0" not in offscreen
    assert required_libraries({}, "linux")["libxcb-cursor.so.0"] == "libxcb-cursor0"
    assert required_libraries({}, "win32") == {}


def _lacking_for_the_loader(*libraries: Path) -> set[str]:
    """The libraries the system's loader cannot find for those files (ldd: « not found »)."""
    out = subprocess.run(["ldd", *map(str, libraries)], capture_output=True, text=True).stdout
    return {line.split()[0] for line in out.splitlines() if "=> not found" in line}


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="ldd and X11: Linux")
def test_the_check_finds_missing_exactly_what_the_loader_finds_missing():
    """On whatever machine runs it: the X11 plugin's and QtGui's libraries that the loader
    lacks are named in the tables, and the check names their packages, and no others."""
    import PySide6

    qt = Path(PySide6.__file__).parent / "Qt"
    lacking = _lacking_for_the_loader(
        qt / "plugins" / "platforms" / "libqxcb.so", *(qt / "lib").glob("libQt6Gui.so*")
    )
    table = required_libraries({}, "linux")
    assert lacking <= set(table), f"absent des tables : {sorted(lacking - set(table))}"
    expected = [package for soname, package in table.items() if soname in lacking]
    assert missing_packages(table) == list(dict.fromkeys(expected))


def test_a_library_that_cannot_be_loaded_is_named_by_its_package():
    table = {"libc.so.6": "libc6", "libcarnet-absent.so.9": "libcarnet-absent9"}
    assert missing_packages(table) == ["libcarnet-absent9"]


def test_the_table_holds_what_the_issue_saw_missing_on_a_minimal_debian():
    assert {"libxcb-cursor0", "libxcb-icccm4", "libxcb-keysyms1", "libxkbcommon-x11-0"} <= set(
        XCB_LIBRARIES.values()
    )


def test_the_app_exits_in_french_before_qt_when_a_library_is_missing(tmp_path):
    """The real entry (as `carnet` or main.py with no command), on the X11 platform."""
    script = (
        "import sys; sys.path.insert(0, sys.argv[1])\n"
        "from desktop import system_libraries\n"
        "system_libraries.XCB_LIBRARIES['libxcb-absent.so.9'] = 'libxcb-absent9'\n"
        "from desktop.entry import run\n"
        "try:\n"
        "    run(['--data-dir', sys.argv[2]])\n"
        "finally:\n"
        "    print('Qt chargé' if 'PySide6.QtGui' in sys.modules else 'Qt non chargé')\n"
    )
    env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}
    env.update(CARNET_NO_BOOTSTRAP="1", DISPLAY=":0")
    command = [sys.executable, "-c", script, str(REPO), str(tmp_path / "data")]
    result = subprocess.run(command, env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 3
    # named with what this machine lacks besides, if anything, on one command line
    assert re.search(r"sudo apt install [\w .-]*libxcb-absent9", result.stderr)
    assert "des paquets du système manquent" in result.stderr
    assert "Traceback" not in result.stderr and "Aborted" not in result.stderr
    assert result.stdout.strip() == "Qt non chargé"
    assert not (tmp_path / "data").exists()  # nothing was opened


def test_the_message_names_the_command_to_type():
    text = system_libraries.message(["libxcb-cursor0", "libxcb-icccm4"])
    assert "sudo apt install libxcb-cursor0 libxcb-icccm4" in text


def test_no_display_is_said_in_french_rather_than_qts_abort(tmp_path):
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY")
    }
    env["CARNET_NO_BOOTSTRAP"] = "1"
    command = [sys.executable, str(REPO / "main.py"), "--data-dir", str(tmp_path / "data")]
    result = subprocess.run(command, env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 3
    assert "aucun affichage graphique" in result.stderr
    assert "Aborted" not in result.stderr and "Traceback" not in result.stderr


def test_without_fontconfigs_configuration_its_package_is_named(tmp_path):
    fonts_conf = tmp_path / "fonts.conf"
    assert system_libraries.missing_font_setup({}, fonts_conf) == ["fontconfig-config"]
    assert system_libraries.missing_font_setup({"FONTCONFIG_FILE": "x"}, fonts_conf) == []
    fonts_conf.write_text("<fontconfig/>")
    assert system_libraries.missing_font_setup({}, fonts_conf) == []


def test_a_successful_check_is_remembered_until_what_it_depends_on_changes(tmp_path, monkeypatch):
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")  # QtGui's libraries only
    remember = tmp_path / "state" / "found"
    system_libraries.check_or_exit(remember)
    assert remember.is_file()
    asked = []

    def missing(required, loadable=None):
        asked.append(sorted(required))
        return []

    monkeypatch.setattr(system_libraries, "missing_packages", missing)
    system_libraries.check_or_exit(remember)
    assert asked == []  # the same libraries, system and PySide6: nothing loaded again
    monkeypatch.setenv("LD_LIBRARY_PATH", str(tmp_path))  # where libraries are looked for
    system_libraries.check_or_exit(remember)
    assert asked == [sorted(system_libraries.QT_GUI_LIBRARIES)]
    monkeypatch.setitem(system_libraries.QT_GUI_LIBRARIES, "libnouvelle.so.1", "libnouvelle1")
    system_libraries.check_or_exit(remember)  # a library the table did not name yet
    assert len(asked) == 2


def test_a_missing_library_is_never_remembered(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    remember = tmp_path / "found"
    monkeypatch.setattr(system_libraries, "missing_packages", lambda required: ["libgl1"])
    with pytest.raises(SystemExit) as exit_:
        system_libraries.check_or_exit(remember)
    assert exit_.value.code == 3 and "sudo apt install libgl1" in capsys.readouterr().err
    assert not remember.exists()
