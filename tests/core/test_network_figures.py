"""The network's figures (dashboard, map, annual report) against counts made here, in
plain Python, on the same generated records."""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import date

import pytest

from desktop.core.forms.french import months_between
from desktop.core.network_figures.compute import compute_figures
from desktop.core.network_figures.model import Period, Territory
from desktop.core.privacy.audiences import PUBLIC, RESEAU
from tests.core.network_dataset import build_network

TODAY = date(2026, 6, 1)
YEAR = Period.year(2025)
REFERENCE = "2025-12-31"  # the period is over: figures are seen from its last day


@pytest.fixture
def network(store):
    return build_network(store)


def live(network, region=""):
    return [v for v in network.visits if not v["deleted"]
            and (not region or network.venues[v["venue_id"]]["region"] == region)]  # fmt: skip


def latest_in(visits, start, end):
    """Each venue's latest visit between start and end (creation order breaks ties)."""
    latest = {}
    for visit in sorted(visits, key=lambda v: v["date"]):
        if start <= visit["date"] <= end:
            latest[visit["venue_id"]] = visit
    return latest


def bars(figure):
    return {bar.label: bar.total for bar in figure.bars if bar.total}


def test_visits_per_month_stacked_by_type(store, network):
    figures = compute_figures(store.db, store.templates.visit, YEAR, today=TODAY)
    expected = Counter((v["date"][:7], v["type"]) for v in live(network) if v["date"][:4] == "2025")
    figure = figures.figure("visits_per_month")
    assert figure.kind == "timeline" and len(figure.bars) == 12
    assert figure.series == ("Premier contact", "Suivi", "Diagnostic",
                             "Accompagnement", "Visite apprenante")  # fmt: skip
    kinds = ["premier_contact", "suivi", "diagnostic", "accompagnement", "visite_apprenante"]
    for bar in figure.bars:
        assert bar.values == tuple(expected[(bar.key, k)] for k in kinds)
    assert figures.visits_in_period == sum(expected.values()) == figure.total
    assert figure.bars[0].label == "janv."


def test_venue_counts_by_latest_visit_of_the_period(store, network):
    figures = compute_figures(store.db, store.templates.visit, YEAR, today=TODAY)
    latest = latest_in(live(network), "2025-01-01", "2025-12-31")
    legal = Counter(v["data"].get("legal_form", "") for v in latest.values())
    got = {bar.key: bar.total for bar in figures.figure("legal_form").bars}
    assert got == {k: n for k, n in legal.items() if n} | {
        k: 0 for k in got if k not in legal
    }  # every value of the enumeration is a bar, zero or not
    assert figures.figure("legal_form").bars[-1].label == "Non renseigné"
    assert figures.venues_visited == len(latest)
    scic = next(b for b in figures.figure("legal_form").bars if b.key == "scic")
    names = sorted(network.venues[vid]["name"] for vid, v in latest.items()
                   if v["data"].get("legal_form") == "scic")  # fmt: skip
    assert [figures.venue(vid).name for vid in scic.venue_ids] == names


def test_needs_count_any_visit_of_the_period_and_a_territory(store, network):
    figures = compute_figures(store.db, store.templates.visit, YEAR,
                              Territory(region="bretagne"), today=TODAY)  # fmt: skip
    needs = defaultdict(set)
    for visit in live(network, "Bretagne"):
        if visit["date"][:4] == "2025":
            for need in visit["data"]["support_needs"]:
                needs[need].add(visit["venue_id"])
    got = {bar.key: set(bar.venue_ids) for bar in figures.figure("support_needs").bars if bar.key}
    assert got == {k: needs.get(k, set()) for k in got}
    assert {v.region for v in figures.venues} == {"Bretagne"}
    by_dep = compute_figures(store.db, store.templates.visit, YEAR, Territory(department="35"),
                             today=TODAY)  # fmt: skip
    assert {v.department for v in by_dep.venues} == {"35"}


def test_public_funding_share_in_bands(store, network):
    figures = compute_figures(store.db, store.templates.visit, YEAR, today=TODAY)
    latest = latest_in(live(network), "2025-01-01", "2025-12-31")
    shares = Counter(v["data"].get("public_funding_pct") for v in latest.values())
    assert bars(figures.figure("public_funding_pct")) == {
        label: n for label, n in [("0 à 25 %", shares[10]), ("25 à 50 %", shares[30]),
                                  ("50 à 75 %", shares[55]), ("75 à 100 %", shares[80]),
                                  ("Non renseigné", shares[None])] if n
    }  # fmt: skip


def test_agreements_ending_and_venues_not_visited(store, network):
    figures = compute_figures(store.db, store.templates.visit, YEAR, today=TODAY)
    latest = latest_in(live(network), "0000", REFERENCE)
    ends = {vid: v["data"]["end_date"] for vid, v in latest.items()}
    ended = sum(1 for end in ends.values() if end < REFERENCE)
    within = sorted(e for e in ends.values() if REFERENCE <= e <= "2026-12-31")
    quarters = Counter(f"T{(int(e[5:7]) - 1) // 3 + 1} {e[:4]}" for e in within)
    assert bars(figures.figure("agreements_by_quarter")) == {
        k: n for k, n in [("Déjà échue", ended), *quarters.items()] if n
    }
    assert [item[0] for item in figures.ending] == within
    idle = Counter()
    for vid in network.venues:
        if vid not in latest:
            idle["Jamais visité"] += 1
            continue
        months = months_between(date.fromisoformat(latest[vid]["date"]), date(2025, 12, 31))
        if months >= 12:
            idle[
                "12 à 17 mois"
                if months < 18
                else "18 à 23 mois"
                if months < 24
                else "24 mois et plus"
            ] += 1
    assert bars(figures.figure("not_visited")) == dict(idle) and idle["Jamais visité"] >= 2


def test_overdue_actions_by_owner(store, network):
    figures = compute_figures(store.db, store.templates.visit, YEAR, today=TODAY)
    owners = Counter()
    for visit in live(network):
        for action in visit["data"]["actions"] if visit["date"] <= REFERENCE else ():
            if action["status"] != "fait" and action["due"] < REFERENCE:
                owners[action["who"] or "Sans responsable"] += 1
    assert bars(figures.figure("overdue_by_owner")) == dict(owners)


def test_only_what_the_audience_may_see(store, network):
    template = store.templates.visit
    for_network = compute_figures(store.db, template, YEAR, audience=RESEAU, today=TODAY)
    public = compute_figures(store.db, template, YEAR, audience=PUBLIC, today=TODAY)
    keys = {f.key for f in for_network.figures}
    assert {"financial_status", "support_needs", "overdue_by_owner"} <= keys
    assert not {"financial_status", "support_needs", "overdue_by_owner"} & {
        f.key for f in public.figures
    }


def test_a_deleted_venue_and_its_visits_are_not_counted(store, network):
    visited = next(v["venue_id"] for v in live(network) if v["date"][:4] == "2025")
    before = compute_figures(store.db, store.templates.visit, YEAR, today=TODAY)
    store.delete_venue(visited)
    after = compute_figures(store.db, store.templates.visit, YEAR, today=TODAY)
    own = sum(1 for v in live(network) if v["venue_id"] == visited and v["date"][:4] == "2025")
    assert after.visits_in_period == before.visits_in_period - own
    assert after.venue(visited) is None and len(after.venues) == len(before.venues) - 1


def test_copied_figures_are_a_tab_separated_table(store, network):
    figure = compute_figures(store.db, store.templates.visit, YEAR, today=TODAY).figure(
        "visits_per_month"
    )
    lines = figure.tsv().split("\n")
    assert lines[0].split("\t") == ["Visites par mois", *figure.series, "Total"]
    first = figure.bars[0]
    assert lines[1].split("\t") == [first.label, *map(str, first.values), str(first.total)]


def test_a_date_kept_as_typed_does_not_break_the_figures(store, network):
    venue_id = next(iter(network.venues))
    visit = store.create_visit(venue_id, "2025-03-03", carry_over=False)
    store.update_visit(visit.id, {"visit_date": "2025-1-5"})  # invalid, saved anyway
    figures = compute_figures(store.db, store.templates.visit, YEAR, today=TODAY)
    expected = sum(1 for v in live(network) if v["date"][:4] == "2025")
    assert figures.figure("visits_per_month").total == expected
