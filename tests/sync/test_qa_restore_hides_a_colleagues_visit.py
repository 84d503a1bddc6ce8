"""QA finding (session 8): a restore hides a colleague's visit made since the backup.

Laptop A is backed up, then creates a venue; colleague B records a visit there (2 hours of
notes) and both sync. A restores its backup: the venue « created on this laptop since »
goes to the trash on every laptop, and B's visit with it. On B the visit is still live
(`show` says deleted: false) but it leaves B's `list` (and the app's lists, the Suivi),
it is not in B's trash on its own, and its sheet leaves the share's Fiches/. B is told
nothing (« 1 mis à jour »), while the restore says colleagues' work is kept."""

from tests.headless import run_carnet


def ok(data_dir, *args: str) -> str:
    done = run_carnet(data_dir, *args)
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def test_a_colleagues_visit_on_a_venue_made_since_the_backup_stays_listed(tmp_path):
    a, b, share = tmp_path / "A", tmp_path / "B", tmp_path / "share"
    share.mkdir()
    ok(a, "new-venue", "--name", "Premier lieu", "--commune", "Tulle")
    ok(a, "sync", "--shared", str(share))
    ok(b, "sync", "--shared", str(share))
    backup = tmp_path / "avant.sqlite"
    ok(a, "backup", "-o", str(backup))
    venue = ok(a, "new-venue", "--name", "Nouveau lieu de A", "--commune", "Guéret")
    ok(a, "sync")
    ok(b, "sync")
    visit = ok(b, "new-visit", venue, "--date", "28/11/2026")
    ok(b, "set", visit, "governance_notes=Visite de B, 2 h d'entretien")
    ok(b, "sync")
    ok(a, "sync")
    assert visit in ok(b, "list")

    ok(a, "restore", str(backup))
    ok(a, "sync")
    ok(b, "sync")

    assert visit in ok(b, "list")  # B's own visit, made after A's backup, still in view
    assert list((share / "Carnet" / "Fiches").rglob("2026-11-28*.pdf"))  # and its sheet
