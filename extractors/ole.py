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
            data: bytes = self.ole.openstream(name).read()
        except BROKEN as err:
            raise broken(self.path, err) from err
        if len(data) < size:
            detail = f"stream {name!r} is cut short ({len(data)} of {size} bytes)"
            raise InputError(ErrorCode.CORRUPT_FILE, self.path, detail)
        return data


def broken(path: str, err: Exception) -> InputError:
    """Given an olefile failure, return the typed error: a looping chain or plain damage."""
    message = str(err)
    if any(word in message.lower() for word in LOOP_WORDS):
        return InputError(ErrorCode.OLE_BOMB, path, f"sector chain: {message}")
    return InputError(ErrorCode.CORRUPT_FILE, path, f"broken Office 97–2003 file: {message}")
