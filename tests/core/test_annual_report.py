"""The « Bilan annuel » PDF, read back with pypdf: the same figures as the dashboard's
(for the « réseau » audience), reproducible bytes, nobody named but the visits' authors;
and `report` / `new-venue --from-directory` as scripts run them."""

from __future__ import annotations

import io
import re
from datetime import date

import pytest
from pypdf import PdfReader

from desktop.core.network_figures.compute import compute_figures
from desktop.core.network_figures.model import Period, Territory
from desktop.core.privacy.audiences import RESEAU
from desktop.core.report.service import make_report
from tests.core.network_dataset import build_network

TODAY = date(2026, 6, 1)


@pytest.fixture
def network(workspace):
    return build_network(workspace.store)


def text_of(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def test_the_report_holds_the_dashboards_figures(workspace, network):
    data = make_report(workspace, 2025, Territory(), TODAY)
    text = text_of(data)
    figures = compute_figures(workspace.db, workspace.templates.visit, Period.year(2025),
                              audience=RESEAU, today=TODAY)  # fmt: skip
    assert "Bilan annuel 2025" in text and "Établi le 1er juin 2026" in text
    assert f"Lieux du territoire\n{len(figures.venues)}" in text
    assert f"Lieux visités en 2025\n{figures.venues_visited}" in text
    assert f"Visites\n{figures.visits_in_period}" in text
    assert f"Conventions prenant fin dans les 12 mois\n{len(figures.ending)}" in text
    legal = figures.figure("legal_form")
    for bar in legal.bars:
        if bar.total:  # a chart's label, then its figure
            assert re.search(rf"{re.escape(bar.label)}\s*\n?\s*{bar.total}\b", text), bar.label
    assert f"Les visites de 2025 ({figures.visits_in_period})" in text
    for day, name, *_ in figures.visits[:5]:
        assert f"{day[8:10]}/{day[5:7]}/{day[:4]}" in text and name in text
    for end, name, commune, _ in figures.ending:
        assert f"{end[8:10]}/{end[5:7]}/{end[:4]}\n{name}\n{commune}" in text
    on_map = sum(1 for v in figures.venues if v.lat is not None)
    assert f"{on_map} lieux sur la carte, {len(figures.venues) - on_map} sans coordonnées" in text
    assert "Contours : IGN – Admin Express COG 2018, Licence Ouverte" in text
    reader = PdfReader(io.BytesIO(data))
    assert reader.metadata.title == "Bilan annuel 2025 — Tout le réseau"


def test_one_venue_on_the_map_is_said_in_the_singular(workspace):
    venue = workspace.store.create_venue({"name": "La Quincaillerie", "commune": "Guéret",
                                          "lat": 46.17, "lon": 1.87})  # fmt: skip
    workspace.store.create_visit(venue.id, "2025-03-12")
    text = text_of(make_report(workspace, 2025, Territory(), TODAY))
    assert "1 lieu sur la carte" in text and "lieux sur la carte" not in text


def test_same_data_and_date_same_bytes(workspace, network):
    first = make_report(workspace, 2025, Territory(region="Bretagne"), TODAY)
    assert make_report(workspace, 2025, Territory(region="Bretagne"), TODAY) == first
    assert "Bretagne" in text_of(first)


def test_only_what_the_network_may_see(workspace, network):
    """Owners of actions are people: their names stay out; so do interne fields."""
    store = workspace.store
    visit = next(v for v in network.visits if v["date"].startswith("2025") and not v["deleted"])
    store.update_visit(visit["id"], {"people_met": [{"name": "Zoé Personne", "role": "présidente"}],
                                     "financial_status": "deficit"})  # fmt: skip
    text = text_of(make_report(workspace, 2025, Territory(), TODAY))
    assert "Zoé Personne" not in text
    assert "Camille" not in text and "Sami" not in text  # the actions' owners
    assert "Actions en retard" not in text
    assert "Situation financière" in text  # a « réseau » field is counted


def test_fonts_are_embedded(workspace, network):
    reader = PdfReader(io.BytesIO(make_report(workspace, 2025, Territory(), TODAY)))
    fonts = set()
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descriptor = (
                font.get("/FontDescriptor")
                or font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
            )
            fonts.add((font["/BaseFont"], "/FontFile2" in descriptor.get_object()))
    assert fonts and all(embedded for _, embedded in fonts), fonts


def test_report_command(carnet, tmp_path, network, workspace):
    out = tmp_path / "bilan.pdf"
    done = carnet("report", "--year", "2025", "--departement", "35", "-o", str(out),
                  "--date", "01/06/2026", data_dir=workspace.data_dir)  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == str(out)
    text = text_of(out.read_bytes())
    assert "Établi le 1er juin 2026" in text  # the date typed the French way
    assert "Département 35" in text
    rennes = {v["name"] for v in network.venues.values() if v["department"] == "35"}
    others = {v["name"] for v in network.venues.values() if v["department"] != "35"}
    assert any(name in text for name in rennes) and not any(f"\n{n}\n" in text for n in others)
    bad = carnet("report", "--year", "2025", "--departement", "Doubs", "-o", str(out),
                 data_dir=workspace.data_dir)  # fmt: skip
    assert bad.returncode == 2 and "--departement « Doubs » : un code comme 25" in bad.stderr
    nowhere = carnet("report", "--year", "2025", "-o", str(tmp_path / "absent" / "b.pdf"),
                     data_dir=workspace.data_dir)  # fmt: skip
    assert nowhere.returncode == 2 and "n'existe pas" in nowhere.stderr


def test_new_venue_from_the_national_list(carnet, workspace):
    done = carnet("new-venue", "--from-directory", "anticafe", "--commune", "Paris",
                  data_dir=workspace.data_dir)  # fmt: skip
    assert done.returncode == 0, done.stderr
    venue = workspace.store.get_venue(done.stdout.strip())
    assert venue.name == "Anticafé" and venue.data["commune"] == "Paris"
    assert venue.data["department"] == "75" and venue.data["lat"] == pytest.approx(48.869483)
    unknown = carnet(
        "new-venue", "--from-directory", "Zzzyx introuvable", data_dir=workspace.data_dir
    )
    assert unknown.returncode == 2 and "Aucun lieu de la liste nationale" in unknown.stderr
    nameless = carnet("new-venue", data_dir=workspace.data_dir)
    assert nameless.returncode == 2 and "--name" in nameless.stderr
