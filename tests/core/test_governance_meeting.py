"""The « Compte rendu d'instance de gouvernance » template, recorded end to end without a
window: stored with its own template, carried over from the last meeting, printed for
the president to sign (read back with pypdf), exported with its own columns, gathered by
the Suivi, and left out of what counts visits (dashboard, « not visited »)."""

from __future__ import annotations

import io
import json
import re
from datetime import date

from pypdf import PdfReader

from desktop.core.followup.fields import FollowupFields
from desktop.core.followup.load import load_followup
from desktop.core.forms.template_language import catalogue_path, missing_texts, read_catalogue
from desktop.core.media.documents import DOCUMENT_TYPES
from desktop.core.network_figures.compute import compute_figures
from desktop.core.network_figures.model import Period
from desktop.core.pdf.service import make_sheet
from desktop.core.tabular import build_tables
from tests.core.governance_sample import GOVERNANCE, MEETING


def pdf_text(data: bytes) -> str:
    pages = PdfReader(io.BytesIO(data)).pages
    return re.sub(r"\s+", " ", " ".join(page.extract_text() for page in pages))


def record_meeting(store, venue_id, day="2026-03-12", data=MEETING):
    record = store.create_record(venue_id, GOVERNANCE, day)
    store.update_visit(record.id, data)
    return store.get_visit(record.id)


def test_the_template_speaks_the_users_words_and_shares_the_visits_hints(shipped_templates):
    meeting, visit = shipped_templates.template(GOVERNANCE), shipped_templates.visit
    assert meeting.title == "Compte rendu d’instance de gouvernance"
    assert meeting.date_key == "meeting_date" and meeting.kind_key == "instance_type"
    assert [label for _, label in meeting.field("instance_type").choices][:3] == [
        "Assemblée générale ordinaire",
        "Assemblée générale extraordinaire",
        "Conseil d’administration / collégiale",
    ]
    colleges = [label for _, label in meeting.field("participants").columns[0].choices]
    assert colleges[:5] == ["Fondateurs", "Salarié·es", "Usager·es / bénévoles",
                            "Collectivités", "Partenaires"]  # fmt: skip
    # The actions are the visit sheet's, column for column, hint for hint: the Suivi
    # gathers both alike.
    assert (
        meeting.schema["properties"]["actions"]["items"]
        == (visit.schema["properties"]["actions"]["items"])
    )
    fields = FollowupFields.of(meeting)
    assert (fields.actions, fields.due, fields.done, fields.next_visit) == (
        "actions", "due", "fait", "next_meeting",
    )  # fmt: skip
    # The documents presented are typed like the venue's governance documents.
    doc_type = meeting.field("documents_presented").columns[0]
    assert list(doc_type.choices) == list(DOCUMENT_TYPES)
    # Names stay on the laptop; the collèges' composition carries over to the next one.
    assert meeting.field("chair").schema["x-personal"] is True
    assert meeting.field("participants").columns[3].schema["x-personal"] is True
    assert "participants" in meeting.carry_over_keys()
    english = read_catalogue(catalogue_path(meeting.source, "en"))
    assert missing_texts(meeting, english) == []


def test_a_meeting_is_a_record_of_its_own_template(store, venue):
    store.create_visit(venue.id, "2026-01-10")
    meeting = record_meeting(store, venue.id)
    assert (meeting.template_id, meeting.template_version) == (GOVERNANCE, 2)
    assert meeting.data["meeting_date"] == "2026-03-12" and "visit_date" not in meeting.data
    assert meeting.errors == {}  # validated against its own template, not the visit sheet's
    store.update_visit(meeting.id, {"voting_members": "quatorze"})  # kept, and flagged
    assert "voting_members" in store.get_visit(meeting.id).errors
    listed = store.list_visits(venue.id)
    assert [(r.template_id, r.visit_date) for r in listed] == [
        (GOVERNANCE, "2026-03-12"), ("visit-sheet", "2026-01-10"),
    ]  # fmt: skip  # newest first, every kind
    assert listed[0].kind == "Instances de gouvernance"
    assert listed[0].visit_type == "Conseil d’administration / collégiale"
    hits = store.search_visits("collégiale printemps")
    assert [(h.visit_id, h.kind) for h in hits] == [(meeting.id, "Instances de gouvernance")]


def test_carry_over_comes_from_the_last_record_of_the_same_template(store, venue):
    visit = store.create_visit(venue.id, "2026-01-10")
    store.update_visit(visit.id, {"legal_form": "scic"})
    record_meeting(store, venue.id, "2026-02-01")
    later = store.create_record(venue.id, GOVERNANCE, "2026-06-18")
    composition = [
        {k: v for k, v in row.items() if k != "presence"} for row in MEETING["participants"]
    ]
    assert later.data["participants"] == composition  # the collèges carry over, not presence
    assert later.data["quorum_rule"] == MEETING["quorum_rule"]
    assert "decisions" not in later.data and "actions" not in later.data
    assert later.carried_from == "2026-02-01"
    next_visit = store.create_visit(venue.id, "2026-07-01")  # a meeting is not a visit
    assert next_visit.carried_from == "2026-01-10"
    assert next_visit.data["legal_form"] == "scic" and "participants" not in next_visit.data


def test_the_minutes_print_for_the_president_to_sign(workspace, store):
    venue = store.create_venue({"name": "La Fabrique du Val", "commune": "Morteau"})
    meeting = record_meeting(store, venue.id)
    internal = pdf_text(make_sheet(workspace, meeting.id, "interne").data)
    for expected in (
        "La Fabrique du Val",
        "Compte rendu d’instance de gouvernance — Conseil d’administration / collégiale",
        "Date de la réunion 12 mars 2026",
        "Réunion du 12 mars 2026",
        "Présidence de séance Marie Durand, présidente",
        "Secrétaire de séance Karim Benali, secrétaire",
        "Fondateurs Association Val Commun Présidente Marie Durand Présent·e",
        "Collectivités Commune de Morteau",
        "Quorum atteint Oui",
        "Adoption du budget 2026 Vote 9 1 2 Adoptée Paul Girard",
        "Demander une convention de 3 ans Consensus Adoptée",
        "Envoyer la demande de convention à la mairie Marie Durand",
        "Prochaine réunion 18 juin 2026",
        "Signatures La présidence de séance Nom, date et signature",
        "Le ou la secrétaire de séance",
    ):
        assert expected in internal, expected
    assert "Fiche de visite" not in internal  # the page footer names the template
    shared = pdf_text(make_sheet(workspace, meeting.id, "reseau").data)
    assert "Adoption du budget 2026" in shared and "Collectivités Commune de Morteau" in shared
    for name in ("Marie Durand, présidente", "Karim Benali", "Hélène Roy"):
        assert name not in shared  # x-personal: never beyond interne


def test_the_export_has_a_sheet_of_meetings_with_the_templates_columns(store, venue):
    store.create_visit(venue.id, "2026-01-10")
    meeting = record_meeting(store, venue.id)
    tables = build_tables(store)
    assert [t.name for t in tables] == ["Visites", "Actions", "Lieux", "Instances de gouvernance"]
    (minutes,) = tables.others
    headers = [c.header for c in minutes.columns]
    assert headers[:8] == [
        "Lieu", "Commune", "Date de la réunion", "Auteur·rice", "Identifiant de la fiche",
        "Identifiant du lieu", "Instance", "Précision sur l’instance",
    ]  # fmt: skip
    assert "Décisions" in headers and "Actions à mener" in headers
    assert "Présidence de séance" not in headers  # personal, without --with-personal-data
    (row,) = minutes.rows
    assert row[4] == meeting.id and row[2] == date(2026, 3, 12)
    decisions = row[headers.index("Décisions")]
    assert decisions.startswith("Adoption du budget 2026 — Vote — 9 — 1 — 2 — Adoptée")
    actions = row[headers.index("Actions à mener")]  # a date in a table's text: French
    assert "Envoyer la demande de convention à la mairie — Marie Durand — 01/04/2026" in actions
    assert [r[3] for r in tables.visits.rows] != [meeting.id]  # not among the visits
    assert len(tables.visits.rows) == 1


def test_the_actions_sheet_gathers_the_meetings_actions_with_the_visits(store, venue):
    """The Actions sheet holds every action the Suivi shows, in the venues' and dates'
    order, each saying which kind of record it comes from."""
    before = store.create_visit(venue.id, "2026-01-10")
    store.update_visit(before.id, {"actions": [{"what": "Relancer la mairie", "status": "fait"}]})
    meeting = record_meeting(store, venue.id)
    after = store.create_visit(venue.id, "2026-05-02")
    store.update_visit(after.id, {"actions": [{"what": "Visiter la friche", "who": "Léa"}]})
    actions = build_tables(store).actions
    assert [c.header for c in actions.columns] == [
        "Lieu", "Commune", "Date de la visite", "Identifiant de la visite", "Action",
        "Responsable", "Échéance", "Statut", "Type de fiche",
    ]  # fmt: skip
    assert [row[2:] for row in actions.rows] == [
        [date(2026, 1, 10), before.id, "Relancer la mairie", None, None, "Fait",
         "Fiche de visite"],
        [date(2026, 3, 12), meeting.id, "Envoyer la demande de convention à la mairie",
         "Marie Durand", date(2026, 4, 1), "À faire", "Compte rendu d’instance de gouvernance"],
        [date(2026, 5, 2), after.id, "Visiter la friche", "Léa", None, None, "Fiche de visite"],
    ]  # fmt: skip


def test_the_suivi_gathers_its_actions_and_next_meeting_but_it_is_no_visit(store, venue):
    templates = store.templates
    meeting = record_meeting(store, venue.id)
    today = date(2026, 5, 1)
    data = load_followup(store.db, templates.visit, today, templates.others)
    assert [(a.visit_id, a.what, a.group) for a in data.actions] == [
        (meeting.id, "Envoyer la demande de convention à la mairie", "overdue"),
    ]  # fmt: skip
    assert [(n.visit_id, n.planned, n.field) for n in data.next_visits] == [
        (meeting.id, "2026-06-18", "next_meeting"),
    ]  # fmt: skip
    assert [v.visit_id for v in data.venues] == [None]  # never visited: a meeting is no visit
    year = Period.year(2026)
    figures = compute_figures(store.db, templates.visit, year, today=today)
    assert figures.visits_in_period == 0 and figures.visits == ()


def test_headless_templates_new_record_set_show_and_pdf(carnet, tmp_path):
    listing = carnet("templates")
    assert listing.returncode == 0, listing.stderr
    assert listing.stdout.splitlines() == [
        "visit-sheet\t1\tcarnet\tFiche de visite",
        "governance-meeting\t2\tcarnet\tCompte rendu d’instance de gouvernance",
    ]
    as_json = json.loads(carnet("templates", "--json").stdout)
    assert as_json[1] == {"id": GOVERNANCE, "version": 2, "origin": "carnet",
                          "title": "Compte rendu d’instance de gouvernance"}  # fmt: skip
    venue = carnet("new-venue", "--name", "La Fabrique du Val").stdout.strip()
    made = carnet("new-record", venue, "--template", GOVERNANCE, "--date", "12/03/2026")
    assert made.returncode == 0, made.stderr
    record = made.stdout.strip()
    changed = carnet("set", record, "instance_type=bureau", "members_present=5",
                     "next_meeting=18/06/2026")  # fmt: skip
    assert changed.returncode == 0, changed.stderr
    shown = json.loads(carnet("show", record).stdout)
    assert shown["template_id"] == GOVERNANCE and shown["errors"] == {}
    assert shown["fields"]["meeting_date"] == "2026-03-12"
    assert (
        shown["fields"]["members_present"] == 5 and shown["fields"]["next_meeting"] == "2026-06-18"
    )
    refused = carnet("set", record, "members_present=beaucoup")
    assert refused.returncode == 2 and "members_present" in refused.stderr
    unknown = carnet("new-record", venue, "--template", "assemblee")
    assert unknown.returncode == 2 and "Modèle inconnu" in unknown.stderr
    bad_date = carnet("new-record", venue, "--template", GOVERNANCE, "--date", "31/02/2026")
    assert bad_date.returncode == 2 and "--date" in bad_date.stderr
    sheet = tmp_path / "pv.pdf"
    assert carnet("pdf", record, "-o", str(sheet)).returncode == 0
    assert "Bureau" in pdf_text(sheet.read_bytes())
    into_folder = carnet("pdf", record, "-o", f"{tmp_path / 'fiches'}/")
    assert into_folder.stdout.splitlines()[0].endswith(
        "2026-03-12_La-Fabrique-du-Val_governance-meeting.pdf"
    )  # never « …_visite.pdf »
    exported = carnet("export", "--format", "csv", "-o", str(tmp_path / "x.csv"))
    assert "Autres fiches : 1 « Instances de gouvernance »" in exported.stdout
    header = (tmp_path / "x-governance-meeting.csv").read_text("utf-8-sig").splitlines()[0]
    assert header.startswith("Lieu;Commune;Date de la réunion;")


def test_the_signatures_never_stand_alone_on_a_page(workspace, store):
    """Agendas of every length push the signatures across a page break in turn: the page
    that holds them always holds the minutes' last words too."""
    venue = store.create_venue({"name": "La Fabrique du Val", "commune": "Morteau"})
    meeting = record_meeting(store, venue.id)
    moved = 0
    for points in range(1, 30, 2):
        agenda = [{"topic": f"Point {i} : budget, tarifs et convention d'occupation",
                   "presenter": "Paul Girard"} for i in range(points)]  # fmt: skip
        store.update_visit(meeting.id, {"agenda": agenda, "next_meeting_notes": "Bilan."})
        pages = PdfReader(io.BytesIO(make_sheet(workspace, meeting.id, "interne").data)).pages
        signed = [p.extract_text() for p in pages if "Nom, date et signature" in p.extract_text()]
        assert len(signed) == 1
        assert "Prochaine réunion" in signed[0] or "Bilan." in signed[0], points
        moved += len(pages) > 1 and "Nom, date et signature" not in pages[0].extract_text()
    assert moved  # some lengths did put the signatures on a later page


def test_a_long_block_of_an_earlier_version_flows_and_keeps_its_last_rows_signed(workspace, store):
    """Fields of an earlier template version close the internal minutes: a long block of
    them is not pushed whole to a new page (which left a page half empty, then the
    signatures alone on the last one); its heading keeps its first rows, the signatures
    its last ones."""
    venue = store.create_venue({"name": "La Fabrique du Val", "commune": "Morteau"})
    meeting = record_meeting(store, venue.id)
    words = "Texte d'une version précédente du modèle, avec des mots assez longs. " * 3
    for count in (1, 4, 9, 14, 20):
        old = {f"ancien_champ_{i:02}": words for i in range(count)}
        store.update_visit(meeting.id, {**MEETING, **old})
        pages = PdfReader(io.BytesIO(make_sheet(workspace, meeting.id, "interne").data)).pages
        texts = [page.extract_text() for page in pages]
        (signed,) = [t for t in texts if "Nom, date et signature" in t]
        assert f"ancien_champ_{count - 1:02}" in signed, count
        (headed,) = [t for t in texts if "Champs d'une version précédente" in t]
        assert "ancien_champ_00" in headed, count
        if count >= 9:  # too long to move whole: it starts right after the last section
            assert "Documents présentés" in headed, count
        store.update_visit(meeting.id, {key: None for key in old})


def test_short_minutes_print_on_one_page_with_their_signatures(workspace, store):
    """Minutes with only their date: the signatures' own block, kept inside the ending's,
    moved everything but the venue's name to a page 2."""
    venue = store.create_venue({"name": "Le Grand Atelier", "commune": "Besançon"})
    meeting = store.create_record(venue.id, GOVERNANCE, "2026-06-03")
    pages = PdfReader(io.BytesIO(make_sheet(workspace, meeting.id, "interne").data)).pages
    assert len(pages) == 1
    assert "3 juin 2026" in pages[0].extract_text() and "Signatures" in pages[0].extract_text()
