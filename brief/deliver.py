"""Briefs -> files in the output folder, atomically, never overwriting a different brief silently.

All targets are checked before anything is written; each file is written to a temporary file in
the same folder and renamed into place, so a crash leaves either the old file or the new one.
Briefs and digests get the mode any new file would (0644 under umask 022, so a web server can
serve them), also when they replace an older file; private files (the outbox, the HTTP cache)
are written 0600.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from brief.errors import OutputError

PRIVATE = 0o600  # for this user only: mkstemp's own mode


@dataclass(frozen=True, slots=True)
class Written:
    path: Path
    status: str  # "written" | "unchanged" | "replaced"


def name(date: str, slug: str, fmt: str) -> str:
    return f"{date}-{slug}.{fmt}"


def write(files: Mapping[Path, str], *, force: bool = False) -> tuple[Written, ...]:
    """Write every file or none: an existing file with other content needs ``force``."""
    plan: list[tuple[Path, str, str]] = []
    mode = public_mode()
    for path, content in files.items():
        if path.is_dir():
            raise OutputError(f"{path} is a folder, not a file")
        if path.exists():
            if path.read_text("utf-8", errors="replace") == content:
                plan.append((path, content, "unchanged"))
                continue
            if not force:
                raise OutputError(
                    f"{path} already exists with other content: nothing was written "
                    "(use --force to replace it, or --out for another folder)"
                )
            plan.append((path, content, "replaced"))
        else:
            plan.append((path, content, "written"))
    staged: list[tuple[Path, Path]] = []
    try:
        for path, content, status in plan:
            if status == "unchanged":
                continue
            staged.append((stage(path, content.encode("utf-8"), mode), path))
        for temp, path in staged:
            os.replace(temp, path)
    except OSError as error:
        for temp, _ in staged:
            temp.unlink(missing_ok=True)
        raise OutputError(
            f"could not write {error.filename or 'the brief'}: {error.strerror}"
        ) from None
    return tuple(Written(path, status) for path, _, status in plan)


def public_mode() -> int:
    """The mode a new file gets from ``open()``: 0o666 less the umask (0644 under 022)."""
    umask = os.umask(0o022)  # reading the umask means setting it: set it straight back
    os.umask(umask)
    return 0o666 & ~umask


def stage(path: Path, data: bytes, mode: int = PRIVATE) -> Path:
    """``data`` in a temporary file beside ``path`` (same file system, so a rename is atomic).

    The temporary file is hidden and ends in .tmp, so no glob for the real files matches it,
    and it is removed again if writing fails. It has ``mode`` before any data is in it.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    temp = Path(name)
    try:
        with os.fdopen(fd, "wb") as handle:
            if mode != PRIVATE:
                os.fchmod(handle.fileno(), mode)
            handle.write(data)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    return temp


def atomic_write(path: Path, data: bytes, mode: int = PRIVATE) -> None:
    """Replace ``path`` with ``data`` whole or not at all; raises OSError."""
    temp = stage(path, data, mode)
    try:
        os.replace(temp, path)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
