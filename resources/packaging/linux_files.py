"""The Linux bundle's desktop integration: desktop entry, AppStream metainfo, icon, installer."""

from __future__ import annotations

import datetime
import os
import shutil
import subprocess
from pathlib import Path

HERE = Path(__file__).resolve().parent
APP_ID = "fr.tierslieux.Carnet"


def release_date() -> str:
    """SOURCE_DATE_EPOCH when set (reproducible builds), else today."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    moment = (
        datetime.datetime.fromtimestamp(int(epoch), datetime.UTC)
        if epoch
        else datetime.datetime.now(datetime.UTC)
    )
    return moment.date().isoformat()


def add_desktop_files(bundle: Path, icon_png: Path, version: str) -> None:
    share = bundle / "share"
    applications, metainfo = share / "applications", share / "metainfo"
    icons = share / "icons" / "hicolor" / "256x256" / "apps"
    for folder in (applications, metainfo, icons):
        folder.mkdir(parents=True, exist_ok=True)
    shutil.copy(HERE / "linux" / f"{APP_ID}.desktop", applications)
    template = (HERE / "linux" / f"{APP_ID}.metainfo.xml").read_text("utf-8")
    metainfo_file = metainfo / f"{APP_ID}.metainfo.xml"
    metainfo_file.write_text(
        template.replace("@VERSION@", version).replace("@DATE@", release_date()), "utf-8"
    )
    shutil.copy(icon_png, icons / f"{APP_ID}.png")
    installer = bundle / "installer.sh"
    shutil.copy(HERE / "linux" / "installer.sh", installer)
    installer.chmod(0o755)
    validate(metainfo_file)


def validate(metainfo_file: Path) -> None:
    desktop_entry = metainfo_file.parents[1] / "applications" / f"{APP_ID}.desktop"
    if shutil.which("desktop-file-validate"):
        subprocess.run(["desktop-file-validate", str(desktop_entry)], check=True)
    if not shutil.which("appstreamcli"):
        print("appstreamcli absent : métadonnées AppStream non validées.")
        return
    subprocess.run(
        ["appstreamcli", "validate", "--no-net", "--explain", str(metainfo_file)], check=True
    )
