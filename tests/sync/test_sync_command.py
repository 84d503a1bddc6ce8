"""The headless « sync » command on two data folders sharing one real folder."""

from __future__ import annotations

from tests.headless import LineReader, start_carnet, stop_with_ctrl_c
from tests.headless import run_carnet as carnet


def test_one_pass_publishes_then_imports_and_prints_a_summary(tmp_path):
    share, alice, bob = tmp_path / "partage", tmp_path / "alice", tmp_path / "bob"
    share.mkdir()
    venue = carnet(alice, "new-venue", "--name", "La Ferme du Bourg").stdout.strip()
    carnet(alice, "new-visit", venue, "--date", "2026-11-20")
    result = carnet(alice, "sync", "--shared", str(share))
    assert result.returncode == 0, result.stderr
    assert "Publié : 2 enregistrement(s)" in result.stdout and "1 PDF" in result.stdout
    result = carnet(bob, "sync", "--shared", str(share), "--no-sheets")
    assert result.returncode == 0, result.stderr
    assert "Importé : 2 nouveau(x)" in result.stdout
    assert "La Ferme du Bourg" in carnet(bob, "list").stdout
    (share / "Carnet" / "devices" / "x" / "records" / "visits").mkdir(parents=True)
    (share / "Carnet" / "devices" / "x" / "records" / "visits" / "abc.json").write_text("{")
    result = carnet(bob, "sync")  # the folder is remembered
    assert result.returncode == 0
    assert "Ignoré : devices/x/records/visits/abc.json — JSON incomplet" in result.stdout


def test_a_missing_share_fails_the_pass_and_keeps_everything(tmp_path):
    alice = tmp_path / "alice"
    carnet(alice, "new-venue", "--name", "Le Relais")
    result = carnet(alice, "sync", "--shared", str(tmp_path / "absent"))
    assert result.returncode == 1
    assert "Échec : Dossier partagé introuvable" in result.stdout
    assert "En attente de publication : 1" in result.stdout
    assert "Traceback" not in result.stderr


def test_a_share_holding_the_data_is_refused(tmp_path):
    result = carnet(tmp_path / "partage" / "donnees", "sync", "--shared", str(tmp_path / "partage"))
    assert result.returncode == 2
    assert "ne doivent pas être l'un dans l'autre" in result.stderr


def test_watch_picks_up_a_colleagues_file_and_stops_on_ctrl_c(tmp_path):
    share, alice, bob = tmp_path / "partage", tmp_path / "alice", tmp_path / "bob"
    share.mkdir()
    carnet(alice, "sync", "--shared", str(share), "--no-sheets")
    watcher = start_carnet(bob, "sync", "--shared", str(share), "--watch", "--no-sheets")
    output = LineReader(watcher)
    try:
        output.wait_for("Surveillance prête.")  # the observer is on: no timer to guess
        carnet(alice, "new-venue", "--name", "L'Escale")
        carnet(alice, "sync", "--no-sheets")
        output.wait_for("Importé : 1 nouveau(x)")
        assert "L'Escale" in _venues(bob)
    finally:
        stop_with_ctrl_c(watcher)
    out = output.rest()
    assert "Surveillance arrêtée." in out, watcher.stderr.read()


def _venues(data_dir) -> str:
    import sqlite3

    with sqlite3.connect(data_dir / "carnet.sqlite") as conn:
        return " ".join(r[0] for r in conn.execute("SELECT name FROM venues"))
