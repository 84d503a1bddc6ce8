"""The headless commands delete, trash, person and erase-person, run for real."""

import json
import re
import subprocess

from PIL import Image

ID = re.compile(r"[0-9a-f]{32}")


def ok(result: subprocess.CompletedProcess) -> str:
    assert result.returncode == 0, (result.stdout, result.stderr)
    assert result.stderr == ""
    return result.stdout


def refused(result: subprocess.CompletedProcess) -> str:
    assert result.returncode == 2, (result.stdout, result.stderr)
    assert result.stderr.startswith("Erreur : ") and "Traceback" not in result.stderr
    return result.stderr


def new_visit(carnet, venue_name="Le Fournil", date="2025-03-14") -> tuple[str, str]:
    venue = ok(carnet("new-venue", "--name", venue_name, "--commune", "Felletin")).strip()
    return venue, ok(carnet("new-visit", venue, "--date", date)).strip()


def test_help_lists_the_new_commands(carnet):
    help_text = ok(carnet("--help"))
    for command in ("delete", "trash", "person", "erase-person"):
        assert re.search(rf"^\s+{command}\s", help_text, re.MULTILINE), command


def test_delete_puts_in_the_trash_and_trash_empty_purges_it(carnet, tmp_path):
    venue, visit = new_visit(carnet)
    Image.new("RGB", (60, 40), (10, 90, 10)).save(tmp_path / "cour.jpg")
    ok(carnet("attach", visit, str(tmp_path / "cour.jpg")))
    assert ok(carnet("delete", "visit", visit)) == f"Visite mise à la corbeille : {visit}\n"
    assert ok(carnet("delete", "visit", visit)) == f"Déjà dans la corbeille : {visit}\n"
    listing = ok(carnet("trash"))
    assert (
        listing.startswith(f"visit\t{visit}\t") and "Visite du 2025-03-14 — Le Fournil" in listing
    )
    assert visit not in ok(carnet("list"))

    purged = ok(carnet("trash", "--empty"))
    assert purged.splitlines() == [
        f"Supprimé définitivement : Visite du 2025-03-14 — Le Fournil ({visit})",
        "Supprimé(s) définitivement : 1 visite, 1 photo ; 1 fichier(s) effacé(s).",
    ]
    assert [p for p in (tmp_path / "data" / "media").rglob("*") if p.is_file()] == []
    assert ok(carnet("trash")) == "La corbeille est vide.\n"
    assert ok(carnet("trash", "--empty")) == "La corbeille est vide : rien à supprimer.\n"
    assert "introuvable" in refused(carnet("show", visit))
    assert f"Visite introuvable : {visit}" in refused(carnet("delete", "visit", visit))
    ok(carnet("delete", "venue", venue))


def test_trash_empty_takes_only_the_given_items(carnet):
    _, first = new_visit(carnet, "La Forge")
    _, second = new_visit(carnet, "La Grange")
    ok(carnet("delete", "visit", first))
    ok(carnet("delete", "visit", second))
    assert "Pas dans la corbeille : x-1" in refused(carnet("trash", "--empty", first, "x-1"))
    assert len(ok(carnet("trash")).splitlines()) == 2  # nothing purged on a refusal
    out = ok(carnet("trash", "--empty", first))
    assert f"({first})" in out and "1 visite." in out
    assert ok(carnet("trash")).startswith(f"visit\t{second}")
    refused(carnet("trash", first))  # ids without --empty


def test_delete_refuses_an_unknown_record_or_kind(carnet):
    assert "Photo introuvable : nope" in refused(carnet("delete", "photo", "nope"))
    result = carnet("delete", "chaise", "nope")  # argparse's own refusal, also exit code 2
    assert result.returncode == 2 and "'venue', 'visit', 'photo', 'document'" in result.stderr


def test_person_shows_what_is_held_and_erase_person_erases_it(carnet):
    venue, visit = new_visit(carnet)
    ok(carnet("set", visit, "strengths=Accueil par Zoé Lefèvre, très impliquée"))
    held = json.loads(ok(carnet("person", "zoe lefevre")))
    assert held == [
        {
            "table": "visits",
            "id": visit,
            "field": "strengths",
            "field_title": "Leviers / points forts",
            "excerpt": "Accueil par Zoé Lefèvre, très impliquée",
            "venue": "Le Fournil",
            "visit_date": "2025-03-14",
            "in_trash": False,
            "occurrences": 1,
            "conflict": False,
        }
    ]
    out = ok(carnet("erase-person", "Zoé Lefèvre"))
    assert out.startswith("« Zoé Lefèvre » effacé : 1 occurrence(s) dans 1 enregistrement(s)")
    assert "1 visite(s)" in out
    shown = json.loads(ok(carnet("show", visit)))
    assert shown["fields"]["strengths"] == "Accueil par [effacé], très impliquée"
    assert json.loads(ok(carnet("person", "Zoé Lefèvre"))) == []
    nothing = ok(carnet("erase-person", "Zoé Lefèvre"))
    assert nothing == "Aucune mention de « Zoé Lefèvre » : rien n'a été modifié.\n"
    assert "deux caractères" in refused(carnet("person", " z "))
