"""The local database never goes on a network share or inside a synced folder."""

from pathlib import Path

import pytest

from desktop.core.storage.data_dir import (
    DataDirError,
    check_data_dir,
    mount_type_in,
    network_share_reason,
)
from desktop.core.storage.workspace import open_workspace

# Real /proc/self/mounts lines: a laptop with an SMB share and an NFS home.
MOUNTS = r"""
/dev/nvme0n1p2 / ext4 rw,relatime 0 0
tmpfs /tmp tmpfs rw,nosuid,nodev 0 0
/dev/nvme0n1p1 /boot/efi vfat rw,relatime,fmask=0077,dmask=0077 0 0
//nas.reseau.local/partage /mnt/partage cifs rw,relatime,vers=3.1.1,cache=strict,username=camille,uid=1000 0 0
srv-fichiers:/export/home /home/camille/nfs nfs4 rw,relatime,vers=4.2,rsize=1048576,proto=tcp 0 0
//nas/Visites\040terrain /media/camille/Visites\040terrain cifs rw,relatime 0 0
/dev/sdb1 /mnt/partage/cle-usb ext4 rw,relatime 0 0
gvfsd-fuse /run/user/1000/gvfs fuse.gvfsd-fuse rw,nosuid,nodev,user_id=1000 0 0
"""


def _refusal(path, **kwargs) -> str:
    with pytest.raises(DataDirError) as info:
        check_data_dir(path, **kwargs)
    message = str(info.value)
    assert "doit rester sur le disque de cet ordinateur" in message
    return message


@pytest.mark.parametrize(
    ("marker", "client"),
    [
        (".stfolder", "Syncthing"),
        ("._sync_abc.db", "Nextcloud"),
        (".sync_4f2e1a.db", "Nextcloud"),
        (".dropbox", "Dropbox"),
        (".nextcloudsync.log", "Nextcloud"),
    ],
)
def test_a_folder_inside_a_synced_folder_is_refused(tmp_path, marker, client):
    synced = tmp_path / "Partage réseau"
    (synced / "sous-dossier").mkdir(parents=True)
    (synced / marker).touch()
    data = synced / "sous-dossier" / "Carnet"
    message = _refusal(data)
    assert f"dossier synchronisé par {client}" in message
    assert str(data) in message
    assert not data.exists()


def test_a_stfolder_marker_directory_is_recognised(tmp_path):
    (tmp_path / "Sync" / ".stfolder").mkdir(parents=True)
    assert "Syncthing" in _refusal(tmp_path / "Sync" / "carnet")


@pytest.mark.parametrize(
    ("folder", "client"),
    [
        ("OneDrive", "OneDrive"),
        ("OneDrive - Réseau Tiers-Lieux", "OneDrive"),
        ("Dropbox", "Dropbox"),
    ],
)
def test_a_folder_named_after_a_sync_client_is_refused(tmp_path, folder, client):
    assert f"dossier synchronisé par {client}" in _refusal(tmp_path / folder / "Documents" / "data")


def test_a_folder_inside_the_shared_folder_is_refused(tmp_path):
    shared = tmp_path / "partage"
    shared.mkdir()
    assert "dossier partagé du réseau" in _refusal(shared / "carnet", shared_folder=shared)
    assert "dossier partagé du réseau" in _refusal(shared, shared_folder=shared)


def test_a_plain_local_folder_is_accepted(tmp_path):
    folder = tmp_path / "donnees"
    assert check_data_dir(folder) == folder.resolve()
    assert check_data_dir(folder, shared_folder=tmp_path / "partage") == folder.resolve()
    # A sibling whose name merely starts like the shared folder is not inside it.
    assert check_data_dir(tmp_path / "partage-local", shared_folder=tmp_path / "partage")


@pytest.mark.parametrize(
    ("path", "fs_type"),
    [
        ("/mnt/partage/carnet", "cifs"),
        ("/mnt/partage", "cifs"),
        ("/home/camille/nfs/Carnet/data", "nfs4"),
        ("/media/camille/Visites terrain/carnet", "cifs"),  # \040 in the table is a space
        ("/mnt/partage/cle-usb/carnet", "ext4"),  # the innermost mount wins
        ("/mnt/partage-bis/carnet", "ext4"),  # a prefix of the name is not the mount
        ("/home/camille/.local/share/Carnet", "ext4"),
        ("/tmp/pytest/data", "tmpfs"),
    ],
)
def test_the_mount_holding_a_path_is_read_from_the_mounts_table(path, fs_type):
    assert mount_type_in(MOUNTS, Path(path)) == fs_type


@pytest.mark.parametrize(
    ("path", "reason"),
    [
        ("/mnt/partage/carnet", "partage réseau (cifs)"),
        ("/home/camille/nfs/Carnet", "partage réseau (nfs4)"),
        ("/run/user/1000/gvfs/smb-share:server=nas/carnet", "partage réseau (fuse.gvfsd-fuse)"),
        ("/home/camille/.local/share/Carnet", None),
        ("/mnt/partage/cle-usb/carnet", None),
    ],
)
def test_network_shares_are_recognised(path, reason):
    assert network_share_reason(Path(path), mounts=MOUNTS) == reason


def test_a_mounts_table_without_a_match_gives_no_reason():
    assert mount_type_in("", Path("/home/camille")) is None
    assert mount_type_in("ligne cassée\n", Path("/home/camille")) is None


def test_this_machines_temporary_folder_is_not_a_network_share(tmp_path):
    assert network_share_reason(tmp_path) is None


def test_open_workspace_refuses_a_synced_folder_and_creates_nothing(tmp_path):
    (tmp_path / "Nextcloud-like").mkdir()
    (tmp_path / "Nextcloud-like" / "._sync_abc.db").touch()
    data = tmp_path / "Nextcloud-like" / "data"
    with pytest.raises(DataDirError, match="dossier synchronisé par Nextcloud"):
        open_workspace(data)
    assert not data.exists()
