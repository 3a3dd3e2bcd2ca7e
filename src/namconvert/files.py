"""The one bounded reader every input goes through: the source and its settings.

A path may name anything: a FIFO (open blocks until a writer comes, then reads for as long as
it writes), a device (``/dev/zero`` never ends), a file that grows while it is read. Only a
regular file is read, and never more than the limit: the size is checked before reading and
the read stops one byte past the limit whatever ``stat`` said.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

CHUNK = 1 << 20


class NotAFile(OSError):
    """PATH is a folder, device, FIFO or socket: nothing a programme or its settings can be."""


class TooLarge(OSError):
    """The file holds more than the limit (SIZE is what was found: at least limit + 1)."""

    def __init__(self, size: int) -> None:
        super().__init__(f"{size} bytes")
        self.size = size


def kind_of(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "not a regular file"


def read_bounded(path: Path, limit: int) -> bytes:
    """The bytes of the regular file PATH, at most LIMIT of them.

    Raises :class:`NotAFile` (its ``strerror`` says what PATH is), :class:`TooLarge`, or the
    ``OSError`` of opening or reading (a missing file, no permission).
    """
    # O_NONBLOCK: opening a FIFO must not wait for a writer; it is refused just below.
    descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    try:
        info = os.fstat(descriptor)
        if not stat.S_ISREG(info.st_mode):
            raise NotAFile(0, f"is {kind_of(info.st_mode)}, not a file to read", str(path))
        if info.st_size > limit:
            raise TooLarge(info.st_size)
        os.set_blocking(descriptor, True)
        chunks: list[bytes] = []
        remaining = limit + 1  # one byte more than allowed tells a file that grew
        while remaining > 0:
            chunk = os.read(descriptor, min(CHUNK, remaining))
            if not chunk:
                break
            chunks.append(chunk)
            remaining -= len(chunk)
        data = b"".join(chunks)
    finally:
        os.close(descriptor)
    if len(data) > limit:
        raise TooLarge(len(data))
    return data
