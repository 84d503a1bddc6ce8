"""A generated network for the figures' tests: venues in a few régions, visits over two
years, written through the store (the one writer), and the same records kept in plain
Python so that tests can count them independently of the code under test."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta

PLACES = [  # région, département, commune, lat, lon
    ("Bourgogne-Franche-Comté", "25", "Besançon", 47.2378, 6.0241),
    ("Bourgogne-Franche-Comté", "21", "Dijon", 47.3220, 5.0415),
    ("Bretagne", "29", "Brest", 48.3904, -4.4861),
    ("Bretagne", "35", "Rennes", 48.1173, -1.6778),
    ("Occitanie", "34", "Montpellier", 43.6108, 3.8767),
]
LEGAL = ["association_loi_1901", "scic", "scop", None]
TENURE = ["proprietaire", "locataire_loyer_modere", "mise_a_disposition_gracieuse"]
NEEDS = ["acces_au_foncier", "communication_visibilite", "constitution_du_collectif"]
TYPES = ["premier_contact", "suivi", "diagnostic"]
OWNERS = ["Camille", "Sami", ""]


@dataclass
class Network:
    venues: dict[str, dict] = field(default_factory=dict)  # id -> identity (+ "deleted")
    visits: list[dict] = field(default_factory=list)  # venue_id, date, type, data, deleted


def build_network(store, seed: int = 7, venues: int = 24, visits: int = 90) -> Network:
    rng = random.Random(seed)
    net = Network()
    for index in range(venues):
        region, dep, commune, lat, lon = PLACES[index % len(PLACES)]
        identity = {"name": f"Lieu {index:02d}", "commune": commune, "region": region,
                    "department": dep}  # fmt: skip
        if index % 6 != 5:  # a few venues without coordinates
            identity |= {
                "lat": lat + rng.uniform(-0.05, 0.05),
                "lon": lon + rng.uniform(-0.05, 0.05),
            }
        venue = store.create_venue(identity)
        net.venues[venue.id] = {**identity, "deleted": False}
    ids = list(net.venues)[:-2]  # the last two are never visited
    for _ in range(visits):
        venue_id = rng.choice(ids)
        day = date(2025, 1, 1) + timedelta(days=rng.randint(0, 700))
        data = _visit_data(rng, day)
        visit = store.create_visit(venue_id, day.isoformat(), carry_over=False)
        store.update_visit(visit.id, data)
        record = {"id": visit.id, "venue_id": venue_id, "date": day.isoformat(),
                  "type": data["visit_type"], "data": data, "deleted": False}  # fmt: skip
        net.visits.append(record)
    gone = net.visits[3]
    store.delete_visit(gone["id"])
    gone["deleted"] = True
    return net


def _visit_data(rng: random.Random, day: date) -> dict:
    data = {
        "visit_type": rng.choice(TYPES),
        "tenure": rng.choice(TENURE),
        "support_needs": rng.sample(NEEDS, rng.randint(0, 2)),
        "public_funding_pct": rng.choice([10, 30, 55, 80, None]),
        "end_date": (day + timedelta(days=rng.randint(30, 900))).isoformat(),
        "actions": [
            {
                "what": "Relancer",
                "who": rng.choice(OWNERS),
                "due": (day + timedelta(days=rng.randint(-20, 200))).isoformat(),
                "status": rng.choice(["a_faire", "en_cours", "fait"]),
            }
            for _ in range(rng.randint(0, 3))
        ],  # fmt: skip
    }
    legal = rng.choice(LEGAL)
    if legal:
        data["legal_form"] = legal
    return {k: v for k, v in data.items() if v is not None}
