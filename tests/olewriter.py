"""A minimal OLE compound-file writer for tests: sound files and deliberately broken ones.

Version 3 layout, 512-byte sectors: the header, the FAT, the directory, then each stream in
its own chain. Streams are padded to the 4096-byte mini-stream cutoff so that no mini stream
is needed. ``loop`` makes a stream's chain point back at itself; ``claimed`` overrides the
size a stream's directory entry declares.
"""

from __future__ import annotations

import struct

import olefile

SECTOR = 512
CUTOFF = 4096
FREE, END, FATSECT, NOSTREAM = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD, 0xFFFFFFFF
ENTRIES_PER_SECTOR = SECTOR // 128


def _sectors(size: int) -> int:
    return -(-size // SECTOR)


def _entry(name: str, kind: int, right: int, child: int, start: int, size: int) -> bytes:
    """Return one 128-byte directory entry."""
    raw = (name + "\0").encode("utf-16-le")
    return struct.pack(
        "<64sHBBIII16sIQQIQ",
        raw,
        len(raw) if name else 0,
        kind,
        1,  # black
        NOSTREAM,
        right,
        child,
        b"\0" * 16,
        0,
        0,
        0,
        start,
        size,
    )


def ole_bytes(
    streams: dict[str, bytes],
    *,
    loop: str | None = None,
    claimed: dict[str, int] | None = None,
) -> bytes:
    """Given stream names and bytes, return an OLE file holding them at its root."""
    names = sorted(streams, key=lambda n: (len(n), n.upper()))
    padded = {n: streams[n].ljust(CUTOFF, b"\0") for n in names}
    dir_sectors = _sectors(128 * (len(names) + 1))
    data_sectors = sum(_sectors(len(b)) for b in padded.values())
    fat_sectors = 1
    while fat_sectors * (SECTOR // 4) < fat_sectors + dir_sectors + data_sectors:
        fat_sectors += 1
    fat = [FATSECT] * fat_sectors
    first_dir = len(fat)
    fat += [*range(first_dir + 1, first_dir + dir_sectors), END]
    starts: dict[str, int] = {}
    for name in names:
        count = _sectors(len(padded[name]))
        start = len(fat)
        starts[name] = start
        chain = [*range(start + 1, start + count), END]
        if name == loop:
            chain[-1] = start  # the last sector leads back to the first
        fat += chain
    fat += [FREE] * (fat_sectors * (SECTOR // 4) - len(fat))
    sizes = {n: len(streams[n]) if len(streams[n]) >= CUTOFF else CUTOFF for n in names}
    sizes.update(claimed or {})
    directory = _entry("Root Entry", 5, NOSTREAM, 1 if names else NOSTREAM, END, 0)
    for i, name in enumerate(names, start=1):
        right = i + 1 if i < len(names) else NOSTREAM
        directory += _entry(name, 2, right, NOSTREAM, starts[name], sizes[name])
    directory = directory.ljust(dir_sectors * SECTOR, b"\0")
    difat = list(range(fat_sectors)) + [FREE] * (109 - fat_sectors)
    header = struct.pack(
        "<8s16sHHHHH6sIIIIIIIII109I",
        olefile.MAGIC,
        b"\0" * 16,
        0x3E,
        3,
        0xFFFE,
        9,
        6,
        b"\0" * 6,
        0,
        fat_sectors,
        first_dir,
        0,
        CUTOFF,
        END,
        0,
        END,
        0,
        *difat,
    )
    body = struct.pack(f"<{len(fat)}I", *fat) + directory
    body += b"".join(padded[n].ljust(_sectors(len(padded[n])) * SECTOR, b"\0") for n in names)
    return header + body


def streams_of(data: bytes) -> dict[str, bytes]:
    """Given an OLE file, return its root streams by name."""
    import io

    ole = olefile.OleFileIO(io.BytesIO(data))
    return {"/".join(e): ole.openstream(e).read() for e in ole.listdir() if len(e) == 1}
