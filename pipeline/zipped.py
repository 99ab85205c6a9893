"""A `.zip` of documents read as a folder, safely.

Nothing is extracted where the zip says: a member is streamed, within
MAX_MEMBER_BYTES, into a temporary file of the worker that reads it, so a name
like `../../x` can point nowhere. Zip bombs are bounded three ways: how many
members are listed, how many bytes a member may hold (Python's zipfile never
inflates past the size the zip declares), and only stored or deflated members
are read (bzip2 and LZMA inflate without a bound per read).
"""

from __future__ import annotations

import zipfile
from contextlib import contextmanager
from pathlib import Path, PurePosixPath
from tempfile import TemporaryDirectory
from typing import BinaryIO, Iterator

from ocr import SUPPORTED

from .document import FileError

ZIP_SUFFIX = ".zip"
MAX_MEMBERS = 20_000
MAX_MEMBER_BYTES = 512 << 20
_READABLE_COMPRESSION = {zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED}
_UTF8_NAME_FLAG = 0x800


class MemberTooLarge(Exception):
    pass


def _member_name(info: zipfile.ZipInfo) -> str:
    """The member's name as text: zipfile reads names without the UTF-8 flag as
    cp437; Windows zips often hold UTF-8 or the local code page there."""
    if info.flag_bits & _UTF8_NAME_FLAG:
        return info.filename
    raw = info.filename.encode("cp437", "replace")
    return raw.decode("utf-8", "backslashreplace")


def _problem(info: zipfile.ZipInfo, name: str) -> tuple[str, str] | None:
    path = PurePosixPath(name.replace("\\", "/"))
    if path.is_absolute() or ".." in path.parts or ":" in path.parts[0]:
        return "unsafe-name", "a name that points outside the zip: not read"
    if info.flag_bits & 0x1:
        return "password", "encrypted in the zip: it cannot be read without its password"
    if info.compress_type not in _READABLE_COMPRESSION:
        return "unsupported", f"compressed with method {info.compress_type}; only stored and deflated members are read"
    if info.file_size > MAX_MEMBER_BYTES:
        return "too-large", f"{info.file_size} bytes unpacked, more than the limit of {MAX_MEMBER_BYTES}"
    return None


def zip_members(path: Path, source_path: str) -> tuple[list[tuple[str, str]], list[FileError], int]:
    """The documents in the zip at `path`: (source_path, member name) pairs, error
    rows for members that cannot be read, and how many files were skipped as not
    documents (nested zips among them)."""
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        return [], [FileError(source_path, "read", "damaged", f"not a readable zip ({exc})")], 0
    if len(infos) > MAX_MEMBERS:
        return [], [FileError(source_path, "read", "too-large",
                              f"{len(infos)} files in the zip, more than the limit of {MAX_MEMBERS}")], 0
    members, errors, skipped = [], [], 0
    for info in infos:
        name = _member_name(info)
        if info.is_dir():
            continue
        member_path = f"{source_path}/{name}"
        problem = _problem(info, name)
        if problem is not None and problem[0] == "unsafe-name":
            errors.append(FileError(member_path, "read", *problem))
        elif any(part.startswith(".") or part == "__MACOSX" for part in PurePosixPath(name).parts):
            skipped += 1  # hidden files and macOS metadata, as in folders
        elif problem is not None:
            errors.append(FileError(member_path, "read", *problem))
        elif PurePosixPath(name).suffix.lower() in SUPPORTED:
            members.append((member_path, info.filename))
        else:
            skipped += 1
    return members, errors, skipped


def _copy_bounded(source: BinaryIO, target: BinaryIO) -> None:
    copied = 0
    while block := source.read(1 << 20):
        copied += len(block)
        if copied > MAX_MEMBER_BYTES:
            raise MemberTooLarge
        target.write(block)


@contextmanager
def open_member(path: Path, member: str) -> Iterator[BinaryIO]:
    """The member's bytes as a stream (never more than its declared size)."""
    with zipfile.ZipFile(path) as archive, archive.open(member) as stream:
        yield stream


@contextmanager
def extracted(path: Path, member: str) -> Iterator[Path]:
    """The member as a temporary file with its own suffix, removed afterwards."""
    with TemporaryDirectory(prefix="decrees-") as folder:
        target = Path(folder) / f"member{PurePosixPath(member).suffix.lower()}"
        with open_member(path, member) as stream, target.open("wb") as handle:
            _copy_bounded(stream, handle)
        yield target
