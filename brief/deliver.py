"""Briefs -> files in the output folder: all of a brief's files or none, never overwriting a
different brief silently, and nothing half-written after a crash or a kill.

A set of files (one brief's .md, .html and .json) lands in four steps, under a lock on the
folder so concurrent runs take turns:

1. every file is written to a hidden temporary file beside its target and fsynced;
2. a *landing record* (``.<name>.landing``, JSON: temporary name -> target name) is written
   atomically and fsynced: from here on the set is complete on disk;
3. each temporary file is renamed over its target, and the folder is fsynced;
4. the landing record is removed.

A run killed before step 2 leaves only temporary files, which the next write in the folder
removes (under the lock no other writer has any). A run killed during step 3 leaves a landing
record, and the next write finishes its renames first, so the set lands whole: the .md, .html
and .json in a folder always come from the same run.

Briefs and digests get the mode any new file would (0644 under umask 022, so a web server can
serve them), also when they replace an older file; private files (the outbox, the HTTP cache,
landing records) are written 0600.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import tempfile
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from brief.errors import OutputError

log = logging.getLogger("brief")

PRIVATE = 0o600  # for this user only: mkstemp's own mode
TEMP_SUFFIX = ".tmp"
LANDING_SUFFIX = ".landing"


@dataclass(frozen=True, slots=True)
class Written:
    path: Path
    status: str  # "written" | "unchanged" | "replaced"


def name(date: str, slug: str, fmt: str) -> str:
    return f"{date}-{slug}.{fmt}"


def write(files: Mapping[Path, str], *, force: bool = False) -> tuple[Written, ...]:
    """Write every file or none: an existing file with other content needs ``force``.

    All files go to one folder (a brief's formats, a digest's); they land as one set.
    """
    folders = {path.parent for path in files}
    if len(folders) != 1:
        raise ValueError("deliver.write lands files of one folder at a time")
    (folder,) = folders
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with locked(folder):
            recover(folder)
            plan = _plan(files, force)
            _land(folder, [(path, text) for path, text, status in plan if status != "unchanged"])
    except OSError as error:
        raise OutputError(
            f"could not write {error.filename or 'the brief'}: {error.strerror or error}"
        ) from None
    return tuple(Written(path, status) for path, _, status in plan)


def _plan(files: Mapping[Path, str], force: bool) -> list[tuple[Path, str, str]]:
    plan: list[tuple[Path, str, str]] = []
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
                    "(the `force` setting replaces it; the `out` setting writes elsewhere)"
                )
            plan.append((path, content, "replaced"))
        else:
            plan.append((path, content, "written"))
    return plan


def _land(folder: Path, files: list[tuple[Path, str]]) -> None:
    """Steps 1-4 of the module docstring; the caller holds the folder's lock."""
    if not files:
        return
    staged: list[tuple[Path, Path]] = []
    mode = public_mode()
    try:
        for path, content in files:
            staged.append((stage(path, content.encode("utf-8"), mode), path))
        record = {temp.name: path.name for temp, path in staged}
        landing = folder / f".{files[0][0].stem}{LANDING_SUFFIX}"
        _replace(stage(landing, json.dumps(record, indent=1).encode("utf-8")), landing)
    except BaseException:
        for temp, _ in staged:
            temp.unlink(missing_ok=True)
        raise
    _finish(folder, landing, record)


def _finish(folder: Path, landing: Path, record: Mapping[str, str]) -> None:
    for temp, target in record.items():
        with contextlib.suppress(FileNotFoundError):  # renamed before a kill
            os.replace(folder / temp, folder / target)
    sync_folder(folder)
    landing.unlink(missing_ok=True)
    sync_folder(folder)


def recover(folder: Path) -> None:
    """Finish the sets a killed run left half-landed; remove its stray temporary files.

    Call with the folder's lock held: then no live writer has temporary files in it.
    """
    try:
        entries = list(os.scandir(folder))
    except FileNotFoundError:
        return
    for entry in sorted(entries, key=lambda e: e.name):
        if entry.name.startswith(".") and entry.name.endswith(LANDING_SUFFIX):
            landing = Path(entry.path)
            try:
                record = json.loads(landing.read_text("utf-8"))
                assert isinstance(record, dict)
            except (OSError, ValueError, AssertionError):
                log.warning("removed an unreadable landing record %s", landing)
                landing.unlink(missing_ok=True)
                continue
            log.warning("finished writing a set a killed run left half-written (%s)", landing)
            _finish(folder, landing, {str(k): str(v) for k, v in record.items()})
    for entry in os.scandir(folder):
        if entry.name.startswith(".") and entry.name.endswith(TEMP_SUFFIX):
            Path(entry.path).unlink(missing_ok=True)


@contextlib.contextmanager
def locked(folder: Path) -> Iterator[None]:
    """An exclusive lock on ``folder`` itself (flock on the folder: no lock file to leave
    behind), released on exit, and by the kernel when the process dies."""
    try:
        import fcntl
    except ImportError:  # not POSIX: no lock, writes are still atomic one by one
        yield
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # closing releases the lock


def public_mode() -> int:
    """The mode a new file gets from ``open()``: 0o666 less the umask (0644 under 022)."""
    umask = os.umask(0o022)  # reading the umask means setting it: set it straight back
    os.umask(umask)
    return 0o666 & ~umask


def stage(path: Path, data: bytes, mode: int = PRIVATE) -> Path:
    """``data`` in a temporary file beside ``path`` (same file system, so a rename is atomic),
    flushed to the disk.

    The temporary file is hidden and ends in .tmp, so no glob for the real files matches it,
    and it is removed again if writing fails. It has ``mode`` before any data is in it.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=TEMP_SUFFIX)
    temp = Path(name)
    try:
        with os.fdopen(fd, "wb") as handle:
            if mode != PRIVATE:
                os.fchmod(handle.fileno(), mode)
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    return temp


def _replace(temp: Path, path: Path) -> None:
    try:
        os.replace(temp, path)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise


def atomic_write(path: Path, data: bytes, mode: int = PRIVATE) -> None:
    """Replace ``path`` with ``data`` whole or not at all, durably; raises OSError.

    Under the folder's lock, and the first write to a folder in a process removes the
    temporary files a killed run left there.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    with locked(path.parent):
        if path.parent not in _swept:
            recover(path.parent)
            _swept.add(path.parent)
        _replace(stage(path, data, mode), path)
        sync_folder(path.parent)


_swept: set[Path] = set()


def sync_folder(folder: Path) -> None:
    """Flush a folder's entries (new names, renames) to the disk, where the OS allows it."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:  # some file systems cannot sync a folder; the renames are still atomic
        pass
    finally:
        os.close(fd)
