"""The one rule for every file and folder name Carnet makes from user text (a venue's
name, an author): accepted by Windows, macOS and Linux alike, whichever of them later
opens the shared folder, and never the same as a sibling's, even ignoring case.

pathvalidate (platform « universal ») checks the result: reserved device names,
forbidden characters, trailing dots and spaces, 255 bytes. Around it, what it does not
do: NFC (macOS hands out NFD), one separator for runs of spaces, a fallback, the
caller's prefix and suffix kept whole when the text is cut, a budget in UTF-16 units so
that a whole path stays under Windows' 260 characters, and names unique among siblings.
"""

from __future__ import annotations

import functools
import re
import unicodedata

from pathvalidate import ValidationError, validate_filename

MAX_BYTES = 255  # a name's limit on Linux and macOS; Windows counts UTF-16 units, never more
WINDOWS_MAX_PATH = 260  # a whole path, in UTF-16 units, without Windows' long-path option
# What Windows refuses in a name, control characters (C0, DEL, C1), and the invisible
# ones that change how a name reads: bidirectional overrides and isolates (« Café ‮fdp.exe »
# shows as « …exe.pdf »), zero-width marks, the byte order mark.
_FORBIDDEN = re.compile(
    r'[<>:"/\\|?*\x00-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]'
)
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
    max_units: int | None = None,
) -> str:
    """prefix + text made safe + suffix, at most max_bytes long in UTF-8.

    The text is normalised to NFC (macOS hands out NFD), forbidden and control characters
    become spaces, each run of spaces one `space`, dots and spaces are dropped at both ends
    (Windows drops a trailing one; a leading dot hides a file), and it is cut on a
    character boundary to fit; empty, it is `fallback`. prefix and suffix are the
    caller's own (a date, « .pdf »), kept whole. A Windows device name gets DEVICE_MARK.
    max_units: a limit in UTF-16 units too (a part of a path that must fit Windows' limit).
    """
    budget = max_bytes - _size(prefix) - _size(suffix) - len(DEVICE_MARK)
    units = None if max_units is None else max_units - _units(prefix + suffix) - 1
    part = _clean(text, budget, space, units) or _clean(fallback, budget, space, units)
    return checked(_not_a_device(prefix + part + suffix))


@functools.lru_cache(maxsize=8192)  # a sync pass names every sheet again, each minute
def checked(name: str) -> str:
    """name, once pathvalidate agrees it is valid on every system (a bug here otherwise)."""
    try:
        validate_filename(name, platform="universal", max_len=MAX_BYTES)
    except ValidationError as error:
        raise ValueError(f"Nom de fichier refusé « {name} » : {error.reason}") from None
    return name


def unique_name(name: str, taken: set[str], mark: str, pattern: str = " ({})") -> str:
    """name, or name with pattern's mark before its extension if a sibling has it, in any
    case. taken holds the siblings' names as `name_key` gives them; the name chosen is added.
    """
    if name_key(name) not in taken:
        taken.add(name_key(name))
        return name  # as the caller made it (with safe_file_name: checked already)
    stem, dot, extension = name.rpartition(".") if "." in name[1:] else (name, "", "")
    extra = pattern.format(mark)
    stem = _cut(stem, MAX_BYTES - _size(extra + dot + extension) - 4).rstrip(" .")
    name, number = f"{stem}{extra}{dot}{extension}", 1
    while name_key(name) in taken:  # the mark itself met (it should not): number it
        number += 1
        name = f"{stem}{pattern.format(f'{mark}-{number}')}{dot}{extension}"
    taken.add(name_key(name))
    return checked(name)


def name_key(name: str) -> str:
    """What a name is to a case-insensitive file system (Windows, macOS): same key, same file."""
    return unicodedata.normalize("NFC", name).casefold()


def _clean(text: str, budget: int, space: str, units: int | None = None) -> str:
    name = _FORBIDDEN.sub(" ", unicodedata.normalize("NFC", text)).strip()
    name = _trim(_SPACES.sub(space, name), space)
    return _trim(_cut(name, budget, units), space)


def _trim(name: str, space: str) -> str:
    return name.strip(" ." + space)


def _cut(text: str, budget: int, units: int | None = None) -> str:
    """The longest start of text within budget UTF-8 bytes (and UTF-16 units), never half
    a character."""
    text = text.encode("utf-8")[: max(budget, 0)].decode("utf-8", "ignore")
    if units is not None:
        text = text.encode("utf-16-le")[: max(units, 0) * 2].decode("utf-16-le", "ignore")
    return text


def _size(text: str) -> int:
    return len(text.encode("utf-8"))


def _units(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def _not_a_device(name: str) -> str:
    """« CON » → « CON_ », « nul.pdf » → « nul_.pdf »: Windows looks before the first dot."""
    base, dot, extension = name.partition(".")
    if base.rstrip(" ").upper() in _DEVICES:
        return base + DEVICE_MARK + dot + extension
    return name
