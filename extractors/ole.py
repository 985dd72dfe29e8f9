"""Open an OLE compound file (.doc, .ppt) without trusting it.

olefile parses the directory and the sector tables; before any stream is read its declared
size is checked against the file itself (a stream cannot hold more than the file that holds
it: a claim beyond it is an OLE bomb or damage), the number of directory entries is capped
(``Limits.max_ole_streams``), and a sector chain that loops or leaves the file, which olefile
reports as an OSError, becomes the typed ``ole-bomb`` / ``corrupt-file`` error.
"""

from __future__ import annotations

import io
import logging
import struct

import olefile

from parscore.extractors.errors import ErrorCode, InputError
from parscore.extractors.limits import Limits

#: What olefile raises on a damaged compound file.
BROKEN = (OSError, struct.error, IndexError, ValueError, KeyError, TypeError, AssertionError)
#: Words of olefile's messages that mean a sector chain loops or points outside the file.
LOOP_WORDS = ("loop", "cycle", "already used", "incorrect ole sector index", "out of range")

logging.getLogger("olefile").setLevel(logging.CRITICAL)  # its warnings are not the user's


class OleFile:
    """An opened compound file whose streams are read with their declared sizes checked."""

    def __init__(self, data: bytes, path: str, limits: Limits) -> None:
        self.path = path
        self.size = len(data)
        try:
            self.ole = olefile.OleFileIO(io.BytesIO(data))
        except BROKEN as err:
            raise broken(path, err) from err
        entries = len(self.ole.direntries)
        if entries > limits.max_ole_streams:
            detail = f"{entries} directory entries > {limits.max_ole_streams}"
            raise InputError(ErrorCode.OLE_BOMB, path, detail)

    def exists(self, name: str) -> bool:
        """Given a stream name, return whether the file holds it."""
        return bool(self.ole.exists(name))

    def read(self, name: str) -> bytes:
        """Given a stream name, return its bytes, or raise a typed error."""
        if not self.exists(name):
            raise InputError(ErrorCode.CORRUPT_FILE, self.path, f"no {name!r} stream")
        try:
            size = self.ole.get_size(name)
            if size > self.size:
                detail = f"stream {name!r} claims {size} bytes in a file of {self.size}"
                raise InputError(ErrorCode.OLE_BOMB, self.path, detail)
            self.check_chain(name, size)
            data: bytes = self.ole.openstream(name).read()
        except BROKEN as err:
            raise broken(self.path, err) from err
        if len(data) < size:
            detail = f"stream {name!r} is cut short ({len(data)} of {size} bytes)"
            raise InputError(ErrorCode.CORRUPT_FILE, self.path, detail)
        return data

    def check_chain(self, name: str, size: int) -> None:
        """Given a stream and its declared size, raise when its sector chain loops or stops short.

        olefile reads a looping chain without end-of-chain checks (the declared size bounds it,
        so the stream comes back as the same sectors over and over): the chain is walked first.
        Streams under the mini-stream cutoff live in 64-byte mini sectors and are left to
        olefile; their size is below 4 KiB anyway.
        """
        if size < self.ole.minisectorcutoff:
            return
        entry = self.ole.direntries[self.ole._find(name)]
        fat, sector, seen = self.ole.fat, entry.isectStart, set()
        for _ in range(-(-size // self.ole.sectorsize)):
            if sector in seen:
                raise InputError(
                    ErrorCode.OLE_BOMB, self.path, f"stream {name!r}: its sectors loop"
                )
            if sector >= len(fat):
                detail = f"stream {name!r} stops short of its {size} bytes (truncated file?)"
                raise InputError(ErrorCode.CORRUPT_FILE, self.path, detail)
            seen.add(sector)
            sector = fat[sector]


def broken(path: str, err: Exception) -> InputError:
    """Given an olefile failure, return the typed error: a looping chain or plain damage."""
    message = str(err)
    if any(word in message.lower() for word in LOOP_WORDS):
        return InputError(ErrorCode.OLE_BOMB, path, f"sector chain: {message}")
    return InputError(ErrorCode.CORRUPT_FILE, path, f"broken Office 97–2003 file: {message}")
