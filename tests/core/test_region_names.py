"""A venue's « Région » is free text: the spellings of one région (the national list's,
the official name, typed without accents or hyphens) are one territory of the
dashboard's filter, of its figures and of `report --region`; a name that is not a
région's (« Bourgogne », a pays) stays what it is."""

from __future__ import annotations

from datetime import date

from desktop.core.network_figures.compute import compute_figures
from desktop.core.network_figures.model import Period, Territory
from desktop.core.network_figures.region_names import distinct_regions, region_key, region_name
from desktop.core.network_figures.rows import territories
from desktop.core.network_figures.territory_names import checked_region

SPELLINGS = ("Nouvelle Aquitaine", "Nouvelle-Aquitaine", " nouvelle  aquitaine ",
             "NOUVELLE-AQUITAINE")  # fmt: skip


def test_spellings_of_one_region_share_a_key_and_the_official_name():
    assert {region_key(s) for s in SPELLINGS} == {"nouvelleaquitaine"}
    assert {region_name(s) for s in SPELLINGS} == {"Nouvelle-Aquitaine"}
    assert region_name("Auvergne et Rhône-Alpes") == "Auvergne-Rhône-Alpes"
    assert region_name("auvergne rhone alpes") == "Auvergne-Rhône-Alpes"
    assert region_name("Bourgogne et Franche-Comté") == "Bourgogne-Franche-Comté"
    assert region_name("Provence Alpes Cote d'Azur") == "Provence-Alpes-Côte d'Azur"
    assert region_name("Réunion") == "La Réunion"
    assert region_name("Bourgogne") == "Bourgogne"  # a former région: not Bourgogne-F.-C.
    assert region_name("  Pays de   Morlaix ") == "Pays de Morlaix"  # not a région: as typed
    assert region_key("Bretagne") != region_key("Bretagne Sud")


def test_the_filter_lists_each_region_once(store):
    for n, region in enumerate((*SPELLINGS, "Bretagne", "bretagne", "Pays de Morlaix", "")):
        store.create_venue({"name": f"Lieu {n}", "region": region})
    regions, _ = territories(store.db.conn)
    assert regions == ["Bretagne", "Nouvelle-Aquitaine", "Pays de Morlaix"]
    assert distinct_regions(["pays de morlaix", "Pays de Morlaix"]) == ["pays de morlaix"]


def test_the_figures_of_a_region_count_every_spelling(store):
    for n, region in enumerate((*SPELLINGS, "Occitanie")):
        venue = store.create_venue({"name": f"Lieu {n}", "region": region})
        store.create_visit(venue.id, "2025-03-0" + str(n + 1))
    template, year = store.templates.visit, Period.year(2025)
    for asked in ("Nouvelle-Aquitaine", "nouvelle aquitaine"):
        figures = compute_figures(store.db, template, year, Territory(region=asked),
                                  today=date(2026, 1, 1))  # fmt: skip
        assert len(figures.venues) == len(SPELLINGS) and figures.venues_visited == 4


def test_report_accepts_every_spelling_and_names_the_region_officially(store):
    store.create_venue({"name": "La Ruche", "region": "Nouvelle Aquitaine"})
    conn = store.db.conn
    assert checked_region(conn, "nouvelle-aquitaine") == "Nouvelle-Aquitaine"
    assert checked_region(conn, "Auvergne-Rhône-Alpes") == "Auvergne-Rhône-Alpes"
    assert checked_region(conn, "Auvergne et Rhône-Alpes") == "Auvergne-Rhône-Alpes"
    assert checked_region(conn, "Mayotte") == "Mayotte"  # official, not in the 2019 list
