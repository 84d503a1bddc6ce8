"""`report` refuses what used to crash or mislead, in French with exit 2: a folder or a
read-only folder as -o (no temp file left behind), a région or département no venue and
no list knows (with the close names). `pdf --all` into a read-only folder too."""

from __future__ import annotations

import io

from pypdf import PdfReader

from tests.read_only_folder import read_only


def refused(result) -> str:
    assert result.returncode == 2, (result.stdout, result.stderr)
    assert result.stderr.startswith("Erreur : ") and "Traceback" not in result.stderr
    return result.stderr


def text_of(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def test_a_folder_as_output_is_refused_and_leaves_nothing(carnet, tmp_path):
    out = tmp_path / "out"
    (out / "bilans").mkdir(parents=True)
    for given in (f"{out / 'bilans'}/", str(out / "bilans")):
        error = refused(carnet("report", "--year", "2025", "-o", given))
        assert "est un dossier : donnez le nom du fichier PDF" in error, error
    assert list(out.rglob("*")) == [out / "bilans"]  # no « .bilans.partiel » beside it


def test_a_read_only_folder_is_refused_and_leaves_nothing(carnet, tmp_path):
    carnet("new-visit", carnet("new-venue", "--name", "Le Moulin").stdout.strip())
    shut = tmp_path / "shut"
    shut.mkdir()
    with read_only(shut):
        error = refused(carnet("report", "--year", "2025", "-o", str(shut / "bilan.pdf")))
        assert f"Impossible d'écrire « {shut / 'bilan.pdf'} » : disque en lecture seule" in error
        sheets = refused(carnet("pdf", "--all", "-o", str(shut / "fiches")))
        assert "Impossible d'écrire les fiches dans" in sheets and "lecture seule" in sheets
    assert list(shut.iterdir()) == []
    written = carnet("report", "--year", "2025", "-o", str(shut / "bilan.pdf"))
    assert written.returncode == 0 and (shut / "bilan.pdf").read_bytes().startswith(b"%PDF")
    assert list(shut.iterdir()) == [shut / "bilan.pdf"]  # the temp file renamed, not left


def test_an_unknown_region_is_refused_with_close_names(carnet, tmp_path):
    out = tmp_path / "bilan.pdf"
    error = refused(carnet("report", "--year", "2025", "--region", "Bourgogne", "-o", str(out)))
    assert "--region « Bourgogne » : aucun lieu ni la liste nationale" in error
    assert "Vouliez-vous dire : « Bourgogne-Franche-Comté »" in error
    typo = refused(carnet("report", "--year", "2025", "--region", "Bretagen", "-o", str(out)))
    assert "« Bretagne »" in typo
    assert not out.exists()


def test_regions_of_the_venues_and_of_the_national_list_are_accepted(carnet, tmp_path, workspace):
    """A venue's own « Région » text counts, as in the dashboard's filter (any case)."""
    workspace.store.create_venue({"name": "La Ruche", "region": "Pays de Morlaix"})
    out = tmp_path / "bilan.pdf"
    for region in ("pays de morlaix", "Bretagne", "Île-de-France", "Auvergne et Rhône-Alpes"):
        done = carnet("report", "--year", "2025", "--region", region, "-o", str(out),
                      data_dir=workspace.data_dir)  # fmt: skip
        assert done.returncode == 0, (region, done.stderr)
    mine = carnet("report", "--year", "2025", "--region", "pays de morlaix", "-o", str(out),
                  data_dir=workspace.data_dir)  # fmt: skip
    assert mine.returncode == 0 and "Pays de Morlaix" in text_of(out.read_bytes())


def test_an_unknown_department_is_refused(carnet, tmp_path):
    out = tmp_path / "bilan.pdf"
    error = refused(carnet("report", "--year", "2025", "--departement", "99", "-o", str(out)))
    assert "--departement « 99 » : ce n'est pas un département connu" in error
    assert "Vouliez-vous dire" in error and not out.exists()
    for code in ("25", "2a", "974", "52"):  # 52, 974: no tiers-lieu in the 2019 list
        done = carnet("report", "--year", "2025", "--departement", code, "-o", str(out))
        assert done.returncode == 0, (code, done.stderr)


def test_the_other_commands_writing_a_file_refuse_a_folder_or_a_read_only_one(carnet, tmp_path):
    """export, backup and pdf: exit 2 in French, nothing left behind (their temp files
    are removed by files.atomic_target, as the report's now)."""
    visit = carnet("new-visit", carnet("new-venue", "--name", "Le Moulin").stdout.strip())
    folder, shut = tmp_path / "sorties", tmp_path / "shut"
    folder.mkdir()
    shut.mkdir()
    writers = [["export"], ["export", "--format", "xlsx"], ["export", "--format", "csv"],
               ["backup"], ["pdf", visit.stdout.strip()]]  # fmt: skip
    for command in writers[:4]:  # pdf -o DOSSIER puts the sheet in it: documented
        assert "Erreur : " in refused(carnet(*command, "-o", str(folder)))
    with read_only(shut):
        for command in writers:
            error = refused(carnet(*command, "-o", str(shut / "sortie.fichier")))
            assert "lecture seule" in error, (command, error)
    assert list(folder.iterdir()) == [] and list(shut.iterdir()) == []
