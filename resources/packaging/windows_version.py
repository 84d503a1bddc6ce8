"""The Windows executable's version resource (file properties), in French, for PyInstaller."""

from __future__ import annotations

from pathlib import Path

TEMPLATE = """VSVersionInfo(
  ffi=FixedFileInfo(filevers={numbers}, prodvers={numbers}, mask=0x3f, flags=0x0, OS=0x40004,
                    fileType=0x1, subtype=0x0, date=(0, 0)),
  kids=[
    StringFileInfo([StringTable('040C04B0', [
      StringStruct('CompanyName', 'Réseau des tiers-lieux'),
      StringStruct('FileDescription', 'Carnet — visites de tiers-lieux'),
      StringStruct('FileVersion', '{version}'),
      StringStruct('InternalName', 'Carnet'),
      StringStruct('LegalCopyright', 'Licence EUPL-1.2'),
      StringStruct('OriginalFilename', 'Carnet.exe'),
      StringStruct('ProductName', 'Carnet'),
      StringStruct('ProductVersion', '{version}')])]),
    VarFileInfo([VarStruct('Translation', [0x040C, 1200])])
  ]
)
"""


def write_version_file(path: Path, version: str) -> Path:
    parts = [int(p) if p.isdigit() else 0 for p in version.split(".")[:4]]
    numbers = tuple(parts + [0] * (4 - len(parts)))
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(TEMPLATE.format(numbers=numbers, version=version), "utf-8")
    return path
