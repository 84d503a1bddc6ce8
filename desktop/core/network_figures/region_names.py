"""One région, however it is typed: « Nouvelle Aquitaine » (the national list),
« Nouvelle-Aquitaine » (the official name), « nouvelle aquitaine », « Auvergne et
Rhône-Alpes », « Auvergne-Rhone-Alpes »… A venue's « Région » is free text, so the same
région came in several spellings, each its own entry of the dashboard's filter and of
its figures. They are compared by a key that ignores case, accents, hyphens, spaces,
apostrophes and « et », and shown as the official name when the key is one's."""

from __future__ import annotations

import functools
import re

from desktop.core.forms.text import fold

OFFICIAL_REGIONS = (
    "Auvergne-Rhône-Alpes", "Bourgogne-Franche-Comté", "Bretagne", "Centre-Val de Loire",
    "Corse", "Grand Est", "Guadeloupe", "Guyane", "Hauts-de-France", "Île-de-France",
    "La Réunion", "Martinique", "Mayotte", "Normandie", "Nouvelle-Aquitaine", "Occitanie",
    "Pays de la Loire", "Provence-Alpes-Côte d'Azur",
)  # fmt: skip
_JOINING = re.compile(r"\bet\b")
_NOT_LETTERS = re.compile(r"[^0-9a-z]+")


@functools.lru_cache(maxsize=4096)  # the dashboard asks it of every venue at each filter
def region_key(name: str) -> str:
    """What two spellings of one région share."""
    return _NOT_LETTERS.sub("", _JOINING.sub(" ", fold(name or "")))


_OFFICIAL = {region_key(name): name for name in OFFICIAL_REGIONS}
_OFFICIAL[region_key("Réunion")] = "La Réunion"


def region_name(name: str) -> str:
    """The région's official name when it is one, else the name as typed (trimmed): a
    venue may say « Pays de Morlaix », and that stays its own territory."""
    return _OFFICIAL.get(region_key(name), " ".join((name or "").split()))


def distinct_regions(names: list[str]) -> list[str]:
    """One name per région (its official name, or its first spelling), sorted."""
    by_key: dict[str, str] = {}
    for name in names:
        if name and name.strip():
            by_key.setdefault(region_key(name), region_name(name))
    return sorted(by_key.values(), key=fold)
