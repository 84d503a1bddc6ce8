"""A realistic data folder for benchmarks: 1,500 venues from the national list, N visits."""

from __future__ import annotations

import json
import random
import sqlite3
from pathlib import Path

from desktop.core.forms.venue_directory import bundled_directory_path, read_directory_csv
from desktop.core.storage.device_binding import HOME_KEY, current_home
from desktop.core.storage.directory_store import ensure_bundled_directory, identity_from_entry
from desktop.core.storage.workspace import open_workspace
from tests.benchmarks import french


def same_laptop(folder: Path) -> Path:
    """A copy of a benchmark's data folder kept as the same laptop (its device id, its
    sheets), as a folder moved rather than copied: the benchmark measures the laptop's
    work, not a fresh device id's (core/storage/device_binding.py). Before any opening,
    so no writer is there yet to go through."""
    conn = sqlite3.connect(folder / "carnet.sqlite")
    try:
        with conn:
            home = json.dumps(current_home(folder), ensure_ascii=False, sort_keys=True)
            conn.execute("UPDATE meta SET value = ? WHERE key = ?", (home, HOME_KEY))
    finally:
        conn.close()
    return folder


NOTES_VERSION = "notes-fr"  # the notes' generator: change it when they change

# The Suivi benchmark's filler (followup.py): its figures do not depend on the words.

WORDS = [
    "association",
    "collectif",
    "bénévoles",
    "économie",
    "sociale",
    "solidaire",
    "subvention",
    "région",
    "commune",
    "convention",
    "occupation",
    "temporaire",
    "friche",
    "atelier",
    "fablab",
    "coworking",
    "café",
    "jardin",
    "partagé",
    "gouvernance",
    "collégiale",
    "conseil",
    "administration",
    "adhérents",
    "équilibre",
    "budget",
    "loyer",
    "bail",
    "travaux",
    "sécurité",
    "accessibilité",
    "fibre",
    "habitants",
    "artistes",
    "formation",
    "médiation",
    "numérique",
]


def sentence(rng: random.Random, words: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(words)).capitalize() + "."


def folder(cache: Path, visits: int) -> Path:
    """The cached data folder of `visits` visits; named after the notes' version, so that
    a folder cached with the earlier notes (37 words) is never taken for this one."""
    return cache / f"big-{visits}-{NOTES_VERSION}"


def build(data_dir: Path, visits: int, venues: int = 1500, seed: int = 7) -> Path:
    """Create the folder once (kept between runs when it already holds enough visits):
    `visits` visits over `venues` venues of the national list, with notes in French
    (french.py) naming the venue's people and some communes."""
    workspace = open_workspace(data_dir)
    store = workspace.store
    have = workspace.db.conn.execute("SELECT count(*) FROM visits").fetchone()[0]
    if have >= visits:
        workspace.close()
        return data_dir
    rng = random.Random(seed)
    notes = french.Notes(rng)
    ensure_bundled_directory(workspace, bundled_directory_path())
    entries = read_directory_csv(bundled_directory_path())[:venues]
    communes = sorted({e.commune for e in entries if e.commune})
    venue_ids = [store.create_venue(identity_from_entry(e)).id for e in entries]
    people = {v: [notes.person() for _ in range(rng.randint(2, 4))] for v in venue_ids}
    for index in range(visits):
        venue_id = rng.choice(venue_ids)
        visit = store.create_visit(
            venue_id, f"20{rng.randint(19, 25)}-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}"
        )
        store.update_visit(visit.id, _visit_values(rng, notes, people[venue_id], communes))
        if index % 1000 == 999:
            print(f"  … {index + 1} visites créées", flush=True)
    workspace.close()
    return data_dir


def _visit_values(rng, notes, people: list[str], communes: list[str]) -> dict:
    """One visit's fields: 100 to 400 words of notes over six fields, as a facilitator
    writes them (some fields left empty), the people met, two to four actions."""
    names = people + rng.sample(communes, 2)
    values = {
        "visit_type": rng.choice(["suivi", "diagnostic", "premier_contact"]),
        "staff_fte": rng.randint(0, 8),
        "people_met": [
            {"role": rng.choice(french.ROLES), "name": name}
            for name in rng.sample(people, rng.randint(1, len(people)))
        ],
        "decision_making": notes.text(15, 70, names),
        "economic_notes": notes.text(20, 90, names),
        "strengths": notes.text(10, 50, names),
        "actions": [
            {"what": notes.sentence(rng.randint(4, 12)), "status": "a_faire",
             "who": rng.choice([*people, "Camille"]).split()[0]}
            for _ in range(rng.randint(2, 4))
        ],
    }  # fmt: skip
    for key in ("governance_notes", "obstacles", "site_future"):
        if rng.random() < 0.6:
            values[key] = notes.text(10, 60, names)
    return values


def build_cloned(data_dir: Path, source: Path, visits: int) -> Path:
    """A folder of `visits` visits made of copies of `source`'s (built by build(), with
    new ids), in one mutation of the writer: minutes less than creating each visit, for
    figures that only need the rows and the search index (search at 100,000 visits)."""
    if not data_dir.exists():
        import shutil

        shutil.copytree(source, data_dir)
    workspace = open_workspace(data_dir)

    def clone(writer) -> None:
        conn = writer.db.conn
        have = conn.execute("SELECT count(*) FROM visits").fetchone()[0]
        columns = [row[1] for row in conn.execute("PRAGMA table_info(visits)")]
        chosen = ", ".join("id || printf('c%06d', n)" if c == "id" else c for c in columns)
        conn.execute(
            f"WITH RECURSIVE copies(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM copies "
            f"WHERE n < ?) INSERT INTO visits ({', '.join(columns)}) SELECT {chosen} "
            "FROM (SELECT * FROM visits ORDER BY rowid LIMIT ?) JOIN copies",
            (-(-(visits - have) // have), have),
        )
        extra = conn.execute("SELECT count(*) FROM visits").fetchone()[0] - visits
        conn.execute(
            "DELETE FROM visits WHERE rowid IN (SELECT rowid FROM visits ORDER BY rowid DESC "
            "LIMIT ?)",
            (max(0, extra),),
        )

    if workspace.db.conn.execute("SELECT count(*) FROM visits").fetchone()[0] < visits:
        workspace.service.call(clone)
    workspace.close()
    return data_dir
