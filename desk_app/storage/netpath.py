"""Is a path on a network share? SQLite's file locking is not safe there."""

from __future__ import annotations

import os
import sys
from pathlib import Path, PurePath

# File systems on which SQLite's POSIX locks are unreliable.
_NETWORK_FS_TYPES = {
    "nfs",
    "nfs4",
    "cifs",
    "smb",
    "smb2",
    "smb3",
    "smbfs",
    "sshfs",
    "fuse.sshfs",
    "afs",
    "9p",
    "davfs",
    "fuse.davfs2",
    "ncpfs",
    "glusterfs",
    "ceph",
}


def is_unc_path(path: str | PurePath) -> bool:
    text = str(path)
    if text.startswith(("\\\\?\\UNC\\", "//?/UNC/")):
        return True
    if text.startswith(("\\\\?\\", "\\\\.\\")):
        return False  # a local device path such as \\?\C:\...
    return text.startswith(("\\\\", "//"))


def _windows_drive_is_remote(path: Path) -> bool:
    import ctypes

    drive = os.path.splitdrive(str(path.resolve()))[0]
    if not drive:
        return False
    drive_remote = 4
    return ctypes.windll.kernel32.GetDriveTypeW(drive + "\\") == drive_remote  # type: ignore[attr-defined]


def _posix_fs_type(path: Path) -> str | None:
    mounts = Path("/proc/mounts")
    if not mounts.exists():
        return None
    target = str(path.resolve())
    best_mount, best_type = "", None
    for line in mounts.read_text(errors="replace").splitlines():
        fields = line.split()
        if len(fields) < 3:
            continue
        mount_point = fields[1].replace("\\040", " ")
        if (target == mount_point or target.startswith(mount_point.rstrip("/") + "/")) and len(
            mount_point
        ) > len(best_mount):
            best_mount, best_type = mount_point, fields[2]
    return best_type


def is_network_path(path: str | PurePath) -> bool:
    if is_unc_path(path):
        return True
    local = Path(path)
    try:
        if sys.platform == "win32":
            return _windows_drive_is_remote(local)
        probe = local if local.exists() else local.parent
        while not probe.exists() and probe != probe.parent:
            probe = probe.parent
        return (_posix_fs_type(probe) or "") in _NETWORK_FS_TYPES
    except OSError:
        return False
