"""The sheet's own words (not the template's) in the sheet's language: French, the
contract, or English. The template's texts come from its catalogue
(core/forms/template_language.py)."""

from __future__ import annotations

from desktop.core.forms import french

MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August",
             "September", "October", "November", "December")  # fmt: skip
ENGLISH = {
    "Date de la visite": "Visit date",
    "Type de visite": "Visit type",
    "Facilitateur·rice": "Facilitator",
    "Personnes rencontrées": "People met",
    "Adresse": "Address",
    "Site web": "Website",
    "Oui": "Yes",
    "Non": "No",
    "fin le": "ends on",
    "Suites à donner": "Next steps",
    "en retard": "overdue",
    "Photos": "Photos",
    "Type": "Type",
    "Document": "Document",
    "Date": "Date",
    "Fin": "End",
    "Documents de gouvernance du lieu": "The venue's governance documents",
    "Fiche de visite": "Visit sheet",
    "Fiche de visite d'un tiers-lieu": "Visit sheet of a third place",
    "Visite du": "Visit of",
    "date à préciser": "date to be set",
    "diffusion": "audience",
    "interne": "internal",
    "réseau": "network",
    "public": "public",
    "Statuts": "Articles of association",
    "Règlement intérieur": "Internal rules",
    "Charte": "Charter",
    "Convention d'occupation / bail": "Occupancy agreement / lease",
    "Délibération": "Council decision",
    "Comptes annuels": "Annual accounts",
    "PV d'assemblée": "Minutes of a general meeting",
    "Autre": "Other",
    "Signatures": "Signatures",
    "Nom, date et signature": "Name, date and signature",
    "Modèle": "Template",
    "version": "version",
    "version en service": "version in use",
    "Champs d'une version précédente": "Fields of a previous version",
    "repris dans": "now in",
}


class Wording:
    """say("Suites à donner") in the sheet's language; dates the same way."""

    def __init__(self, language: str = "fr") -> None:
        self.english = language == "en"

    def __call__(self, words: str) -> str:
        return ENGLISH.get(words, words) if self.english else words

    def long_date(self, iso: str | None) -> str:
        if not self.english:
            return french.long_date(iso)
        value = french.parse_date(iso)
        return f"{value.day} {MONTHS_EN[value.month - 1]} {value.year}" if value else (iso or "")

    def months_left(self, visit_day: str | None, end_day: str | None) -> str:
        if not self.english:
            return french.months_left_text(visit_day, end_day)
        start, end = french.parse_date(visit_day), french.parse_date(end_day)
        if start is None or end is None:
            return ""
        months = french.months_between(start, end)
        if end < start:
            return (
                f"ended {abs(months)} month(s) before the visit" if months else "ended at the visit"
            )
        if months == 0:
            return "less than a month left at the visit"
        return f"{months} month{'s' if months > 1 else ''} left at the visit"

    def photos_left_out(self, count: int, audience: str) -> str:
        if not self.english:
            photos = "1 photo non reproduite" if count == 1 else f"{count} photos non reproduites"
            return (
                f"{photos} : droit à l'image non vérifié, ou sans autorisation pour une "
                f"diffusion « {audience} »."
            )
        photos = "1 photo not shown" if count == 1 else f"{count} photos not shown"
        return f"{photos}: image rights not reviewed, or no permission for a “{audience}” audience."
