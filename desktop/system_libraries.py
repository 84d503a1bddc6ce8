"""The system libraries Qt needs on Linux, checked before Qt loads.

Without them Qt prints a misleading « xcb-cursor0 … is needed » and aborts (X11), or the
import of QtGui fails (libGL, even offscreen); Carnet says instead, in French, which
Debian/Ubuntu packages to install, and exits cleanly. Standard library only: this runs
before PySide6 is imported. The lists are what PySide6's QtGui, libqxcb.so and
libQt6XcbQpa.so link to outside the wheel (readelf -d), with their Debian 12 package names;
a library shipped beside Qt (the PyInstaller bundle carries most xcb ones) counts as present.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Mapping
from pathlib import Path

# What QtGui and QtWidgets link to outside the wheel: needed on every platform, offscreen too.
QT_GUI_LIBRARIES = {
    "libGL.so.1": "libgl1",
    "libEGL.so.1": "libegl1",
    "libX11.so.6": "libx11-6",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libglib-2.0.so.0": "libglib2.0-0",
}
# What the xcb plugin (libqxcb.so, libQt6XcbQpa.so) adds.
XCB_LIBRARIES = {
    "libxcb.so.1": "libxcb1",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libdbus-1.so.3": "libdbus-1-3",
}

# Platforms that need no X11 libraries (tests, the headless CI, Wayland, a VNC server).
NO_X11_PLATFORMS = ("offscreen", "minimal", "wayland", "vnc", "eglfs", "linuxfb")


def needs_xcb(environ: Mapping[str, str] = os.environ, platform: str = sys.platform) -> bool:
    """Whether Qt will load its xcb plugin: Linux, and no other platform chosen (Qt picks
    Wayland by itself in a Wayland session)."""
    chosen = environ.get("QT_QPA_PLATFORM", "").strip().lower()
    wayland_session = environ.get("XDG_SESSION_TYPE") == "wayland" and environ.get(
        "WAYLAND_DISPLAY"
    )
    if not platform.startswith("linux") or chosen.startswith(NO_X11_PLATFORMS):
        return False
    return bool(chosen) or not wayland_session


def _loadable(soname: str) -> bool:
    try:
        import ctypes  # here: only when a library is looked for

        ctypes.CDLL(soname)
    except OSError:
        return False
    return True


def _bundled(soname: str) -> bool:
    """A copy shipped beside Qt (a PyInstaller bundle, or a wheel that vendors it) counts too."""
    folders = [
        Path(getattr(sys, "_MEIPASS", "")),
        *(Path(p) / "PySide6" / "Qt" / "lib" for p in sys.path if p),
    ]
    return any((folder / soname).is_file() for folder in folders if str(folder))


def missing_packages(
    required: Mapping[str, str],
    loadable: Callable[[str], bool] = _loadable,
) -> list[str]:
    """The Debian/Ubuntu packages of the libraries that cannot be loaded, in the table's order."""
    missing = [
        package
        for soname, package in required.items()
        if not (_bundled(soname) or loadable(soname))
    ]
    return list(dict.fromkeys(missing))


FONTS_CONF = Path("/etc/fonts/fonts.conf")


def missing_font_setup(
    environ: Mapping[str, str] = os.environ, fonts_conf: Path = FONTS_CONF
) -> list[str]:
    """Without fontconfig's configuration, Qt finds no font and draws every letter as a box."""
    if environ.get("FONTCONFIG_FILE") or fonts_conf.is_file():
        return []
    return ["fontconfig-config"]  # brings a font (fonts-dejavu-core) with it


def message(packages: list[str]) -> str:
    listed = " ".join(packages)
    return (
        "Carnet ne peut pas ouvrir sa fenêtre : des paquets du système manquent "
        f"pour l'affichage : {listed}.\n"
        "Sur Debian ou Ubuntu, installez-les avec :\n"
        f"    sudo apt install {listed}\n"
        "puis relancez Carnet. Les commandes sans fenêtre (carnet --help) fonctionnent déjà."
    )


NO_DISPLAY = (
    "Carnet ne peut pas ouvrir sa fenêtre : aucun affichage graphique (la variable DISPLAY "
    "est vide). Lancez Carnet depuis la session graphique ; les commandes sans fenêtre "
    "(carnet --help) fonctionnent sans affichage."
)


def required_libraries(
    environ: Mapping[str, str] = os.environ, platform: str = sys.platform
) -> dict[str, str]:
    """QtGui's libraries on Linux, whatever the platform plugin; the xcb plugin's when it loads."""
    if not platform.startswith("linux"):
        return {}
    return {**QT_GUI_LIBRARIES, **(XCB_LIBRARIES if needs_xcb(environ, platform) else {})}


def check_or_exit(remember: Path | None = None) -> None:
    """Before Qt: exit with a French message (code 3) instead of Qt's abort or ImportError.

    remember: a file that keeps a successful check with what it depends on (check_key):
    a later start that finds the same there loads nothing (ctypes and a dlopen a library:
    some 5 ms of every start, more with the X11 plugin's)."""
    xcb = needs_xcb()
    if xcb and not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        print(NO_DISPLAY, file=sys.stderr)
        raise SystemExit(3)
    required = required_libraries()
    key = check_key(required) if remember is not None and required else None
    known = key is not None and _read(remember) == key
    packages = [] if known else missing_packages(required)
    if sys.platform.startswith("linux"):
        packages += missing_font_setup()  # a file's existence: checked every time
    if packages:
        print(message(packages), file=sys.stderr)
        raise SystemExit(3)
    if key is not None and not known:
        _write(remember, key)


LD_CACHE = Path("/etc/ld.so.cache")  # rewritten by ldconfig when a library is (un)installed


def check_key(required: Mapping[str, str]) -> str:
    """What a successful check depends on: the libraries asked for, the system's library
    cache and LD_LIBRARY_PATH, and the PySide6 (its QtGui) that will load them."""
    qt_gui = next(
        (path for p in sys.path if p and (path := Path(p) / "PySide6" / "QtGui.abi3.so").is_file()),
        None,
    )
    parts = [sorted(required.items()), os.environ.get("LD_LIBRARY_PATH", ""), sys.executable]
    for path in (LD_CACHE, qt_gui):
        try:
            stat = path.stat() if path else None
        except OSError:
            stat = None
        parts.append((str(path), stat and (stat.st_mtime_ns, stat.st_size)))
    return repr(parts)


def _read(path: Path) -> str | None:
    try:
        return path.read_text("utf-8")
    except (OSError, ValueError):
        return None


def _write(path: Path, key: str) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(key, "utf-8")
    except OSError:
        pass  # checked again at the next start
