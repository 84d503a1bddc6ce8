"""A file or folder name made from user text (a venue's name, an author) that Windows,
macOS and Linux all accept, whichever of them later opens the shared folder.

Written here rather than taken from pathvalidate: the rules are a dozen lines, and the
names also need what it does not do (NFC, one separator for runs of spaces, a fallback,
the caller's own prefix and suffix kept whole when the text is cut); no package to add to
every laptop's self-installed environment.
"""

from __future__ import annotations

import re
import unicodedata

MAX_BYTES = 255  # a name's limit on Linux and macOS; Windows counts UTF-16 units, never more
# What Windows refuses in a name, and control characters (C0, DEL, C1).
_FORBIDDEN = re.compile(r'[<>:"/\\|?*\x00-\x1f\x7f-\x9f]')
_SPACES = re.compile(r"\s+")
# Names Windows keeps for devices, with or without an extension (« nul.pdf » too).
_DEVICES = frozenset(
    ["CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$"]
    + [f"{port}{digit}" for port in ("COM", "LPT") for digit in "0123456789¹²³"]
)
DEVICE_MARK = "_"


def safe_file_name(
    text: str,
    *,
    prefix: str = "",
    suffix: str = "",
    max_bytes: int = MAX_BYTES,
    fallback: str = "sans nom",
    space: str = " ",
) -> str:
    """prefix + text made safe + suffix, at most max_bytes long in UTF-8.

    The text is normalised to NFC (macOS hands out NFD), forbidden and control characters
    become spaces, each run of spaces one `space`, dots and spaces are dropped at both ends
    (Windows drops a trailing one; a leading dot hides a file), and it is cut on a
    character boundary to fit; empty, it is `fallback`. prefix and suffix are the
    caller's own (a date, « .pdf »), kept whole. A Windows device name gets DEVICE_MARK.
    """
    budget = max_bytes - _size(prefix) - _size(suffix) - len(DEVICE_MARK)
    part = _clean(text, budget, space) or _clean(fallback, budget, space)
    return _not_a_device(prefix + part + suffix)


def _clean(text: str, budget: int, space: str) -> str:
    name = _FORBIDDEN.sub(" ", unicodedata.normalize("NFC", text)).strip()
    name = _trim(_SPACES.sub(space, name), space)
    return _trim(_cut(name, budget), space)


def _trim(name: str, space: str) -> str:
    return name.strip(" ." + space)


def _cut(text: str, budget: int) -> str:
    """The longest start of text within budget UTF-8 bytes, never half a character."""
    return text.encode("utf-8")[: max(budget, 0)].decode("utf-8", "ignore")


def _size(text: str) -> int:
    return len(text.encode("utf-8"))


def _not_a_device(name: str) -> str:
    """« CON » → « CON_ », « nul.pdf » → « nul_.pdf »: Windows looks before the first dot."""
    base, dot, extension = name.partition(".")
    if base.rstrip(" ").upper() in _DEVICES:
        return base + DEVICE_MARK + dot + extension
    return name
