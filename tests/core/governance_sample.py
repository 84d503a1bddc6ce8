"""A governance meeting as a venue records it: a collégiale with its collèges, quorum,
decisions with their votes, actions, documents and the next meeting."""

from __future__ import annotations

GOVERNANCE = "governance-meeting"

MEETING = {
    "instance_type": "conseil_administration",
    "instance_details": "Collégiale de printemps",
    "meeting_place": "La Fabrique du Val, salle commune",
    "meeting_format": "presentiel",
    "chair": "Marie Durand, présidente",
    "secretary": "Karim Benali, secrétaire",
    "participants": [
        {"college": "fondateurs", "organisation": "Association Val Commun",
         "role": "Présidente", "name": "Marie Durand", "presence": "present"},
        {"college": "salaries", "organisation": "SCIC La Fabrique du Val",
         "role": "Coordinateur", "name": "Paul Girard", "presence": "present"},
        {"college": "collectivites", "organisation": "Commune de Morteau",
         "role": "Adjointe à la vie associative", "name": "Hélène Roy", "presence": "represente"},
    ],
    "voting_members": 14,
    "quorum_rule": "La moitié des membres présents ou représentés",
    "members_present": 12,
    "proxies": 2,
    "quorum_reached": True,
    "agenda": [{"topic": "Budget 2026 et tarifs du coworking", "presenter": "Paul Girard"}],
    "decisions": [
        {"wording": "Adoption du budget 2026", "mode": "vote", "votes_for": 9,
         "votes_against": 1, "abstentions": 2, "outcome": "adoptee", "owner": "Paul Girard"},
        {"wording": "Demander une convention de 3 ans", "mode": "consensus",
         "outcome": "adoptee"},
    ],
    "actions": [
        {"what": "Envoyer la demande de convention à la mairie", "who": "Marie Durand",
         "due": "2026-04-01", "status": "a_faire"},
    ],
    "documents_presented": [
        {"doc_type": "comptes_annuels", "name": "Comptes 2025", "status": "approuve"}
    ],
    "next_meeting": "2026-06-18",
}  # fmt: skip
