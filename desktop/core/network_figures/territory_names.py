"""Which régions and départements a report may be asked for: those the venues' own
« Région » and postcode say (the dashboard's filter, `rows.territories`), those of the
national list, the official régions, and the real département codes. A name outside them (a typo, a former
région such as « Bourgogne ») would give an empty report titled with it: it is refused,
with the close names to choose from."""

from __future__ import annotations

import csv
import difflib
import functools

from desktop.core.forms.venue_directory import bundled_directory_path
from desktop.core.network_figures.region_names import (
    OFFICIAL_REGIONS,
    distinct_regions,
    region_key,
)
from desktop.core.network_figures.rows import territories

OVERSEAS = ("971", "972", "973", "974", "975", "976", "977", "978", "986", "987", "988")


class UnknownTerritory(ValueError):
    """A région or département no venue and no list knows; str() is French."""


def known_territories(conn) -> tuple[list[str], list[str]]:
    """(régions, départements): the venues' own, then the national list's."""
    regions, departments = territories(conn)
    national_regions, national_departments = _national()
    regions = distinct_regions([*regions, *national_regions, *OFFICIAL_REGIONS])
    departments = sorted({*departments, *national_departments})
    return regions, departments


def checked_region(conn, name: str) -> str:
    """The région as the venues, the national list or its official name spell it (case,
    accents, hyphens and « et » aside): its official name when it is one."""
    regions, _ = known_territories(conn)
    spelled = {region_key(region): region for region in regions}
    if region_key(name) in spelled:
        return spelled[region_key(name)]
    close = _close(name, regions)
    raise UnknownTerritory(f"--region « {name} » : aucun lieu ni la liste nationale ne "
                           f"connaissent cette région.{close}")  # fmt: skip


def checked_department(conn, code: str) -> str:
    _, departments = known_territories(conn)
    if code in departments:
        return code
    close = _close(code, departments)
    raise UnknownTerritory(f"--departement « {code} » : ce n'est pas un département connu."
                           f"{close}")  # fmt: skip


def _close(name: str, known: list[str]) -> str:
    """The names holding the typed text (« Bourgogne »), then the closest spellings."""
    by_fold = {item.casefold(): item for item in known}
    typed = name.casefold()
    holding = [fold for fold in by_fold if typed in fold]
    similar = difflib.get_close_matches(typed, list(by_fold), n=4, cutoff=0.5)
    matches = list(dict.fromkeys(holding + similar))[:4]
    if not matches:
        return ""
    return " Vouliez-vous dire : " + ", ".join(f"« {by_fold[m]} »" for m in matches) + " ?"


@functools.cache
def _national() -> tuple[tuple[str, ...], frozenset[str]]:
    """The national list's régions and départements, with every real département code."""
    with open(bundled_directory_path(), encoding="utf-8", newline="") as stream:
        rows = list(csv.DictReader(stream))
    regions = sorted({row["NOMREG"].strip() for row in rows if row["NOMREG"].strip()})
    departments = {row["INSEEDEP"].strip() for row in rows if row["INSEEDEP"].strip()}
    mainland = {f"{n:02d}" for n in range(1, 96) if n != 20} | {"2A", "2B"}
    return tuple(regions), frozenset(departments | mainland | set(OVERSEAS))
