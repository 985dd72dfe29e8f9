"""Read the parts of an Office (OOXML) zip without trusting it.

Sizes and ratios are checked from the central directory BEFORE anything is inflated
(``Limits.max_inflated``, ``Limits.max_ratio``), each part is read with a hard cap, and XML is
parsed by a hardened lxml parser: no DTD, no entity resolution, no network; a part that
declares a DOCTYPE is refused outright, since no genuine OOXML part has one.
"""

from __future__ import annotations

import io
import zipfile

from lxml import etree

from parscore.extractors.errors import ErrorCode, InputError
from parscore.extractors.limits import Limits

MAX_MEMBERS = 5_000  # a Word file has tens of parts; thousands means abuse
RATIO_FLOOR = 64 * 1024  # parts smaller than this may compress as well as they like
DOCTYPE_MARKERS = (b"<!DOCTYPE", b"<!ENTITY")
SNIFF = 4096  # bytes of a part searched for a DOCTYPE before parsing


def _member_problem(info: zipfile.ZipInfo, limits: Limits) -> str | None:
    """Given one member's directory entry, return why it is a bomb, or None when it is fine."""
    if info.file_size > limits.max_inflated:
        return f"{info.filename} inflates to {info.file_size} bytes > {limits.max_inflated}"
    ratio = info.file_size // max(info.compress_size, 1)
    if info.file_size > RATIO_FLOOR and ratio > limits.max_ratio:
        return f"{info.filename} inflates {ratio}× > {limits.max_ratio}×"
    return None


def check_members(infos: list[zipfile.ZipInfo], path: str, limits: Limits) -> None:
    """Given a zip directory, raise ZIP_BOMB when its declared sizes break the limits."""
    if len(infos) > MAX_MEMBERS:
        raise InputError(ErrorCode.ZIP_BOMB, path, f"{len(infos)} members > {MAX_MEMBERS}")
    total = sum(i.file_size for i in infos)
    if total > limits.max_inflated:
        detail = f"parts inflate to {total} bytes > {limits.max_inflated}"
        raise InputError(ErrorCode.ZIP_BOMB, path, detail)
    for info in infos:
        problem = _member_problem(info, limits)
        if problem:
            raise InputError(ErrorCode.ZIP_BOMB, path, problem)


def open_archive(data: bytes, path: str, limits: Limits) -> zipfile.ZipFile:
    """Given zip bytes, return the archive once its directory passed the size checks."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError) as err:
        raise InputError(ErrorCode.CORRUPT_FILE, path, f"broken zip: {err}") from err
    check_members(archive.infolist(), path, limits)
    return archive


def read_part(archive: zipfile.ZipFile, name: str, path: str, limits: Limits) -> bytes | None:
    """Given an archive and a part name, return its bytes (None when absent), capped in size."""
    try:
        info = archive.getinfo(name)
    except KeyError:
        return None
    try:
        with archive.open(info) as stream:
            data = stream.read(min(info.file_size, limits.max_inflated) + 1)
    except (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError) as err:
        raise InputError(ErrorCode.CORRUPT_FILE, path, f"{name}: {err}") from err
    if len(data) > info.file_size:
        raise InputError(ErrorCode.ZIP_BOMB, path, f"{name} inflates past its declared size")
    return data


def _parser() -> etree.XMLParser:
    """Return an lxml parser that loads no DTD, resolves no entity and reaches no network."""
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_pis=True,
    )


def parse_xml(data: bytes, name: str, path: str) -> etree._Element:
    """Given a part's bytes, return its root element; refuse a DOCTYPE or broken XML."""
    if any(marker in data[:SNIFF] for marker in DOCTYPE_MARKERS):
        raise InputError(ErrorCode.CORRUPT_FILE, path, f"{name} declares a DOCTYPE (refused: XXE)")
    try:
        root = etree.fromstring(data, parser=_parser())
    except etree.XMLSyntaxError as err:
        raise InputError(ErrorCode.CORRUPT_FILE, path, f"{name}: {err}") from err
    if root.getroottree().docinfo.doctype:
        raise InputError(ErrorCode.CORRUPT_FILE, path, f"{name} declares a DOCTYPE (refused: XXE)")
    return root
