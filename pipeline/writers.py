"""Writing helpers: atomic replacement and the Frictionless datapackage.json."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from parscore.pipeline import __version__
from parscore.pipeline.datasets import columns, foreign_keys, schema


def atomic_write(path: Path, write: Callable[[Path], object]) -> None:
    """Given a target and a writer of a path, write to a temporary file, then rename.

    The file gets the mode a plain ``open`` would give it (0644 under the usual umask), not
    the temporary file's private 0600: outputs are read by other people's tools.
    """
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    os.close(fd)
    try:
        write(Path(tmp))
        os.chmod(tmp, file_mode())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def file_mode() -> int:
    """Return the mode a new file gets from ``open``: 0666 less the process's umask."""
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


def datapackage(names: list[str]) -> dict[str, Any]:
    """Given the table names, return a Frictionless data package describing their CSVs."""
    return {
        "name": "parscore-datasets",
        "title": "PAR Index notices parsed by parscore",
        "version": __version__,
        "resources": [resource(name) for name in names]
        + [parquet_resource(name) for name in names],
    }


#: Frictionless field types of the schema's types, per format (CSV joins lists into text).
CSV_FIELD_TYPES = {"list": "string"}
#: Parquet lists are lists of strings; Frictionless reads them back as arrays its "array" and
#: "list" types refuse, so the descriptor says "any" and the description says what they hold.
PARQUET_FIELD_TYPES = {"list": "any"}


def resource(name: str) -> dict[str, Any]:
    """Given a table name, return its Frictionless resource (the CSV) with the table schema."""
    spec = schema()[name]
    table_schema = table_schema_of(name, CSV_FIELD_TYPES)
    table_schema["missingValues"] = [""]
    if spec["primary_key"]:
        table_schema["primaryKey"] = spec["primary_key"]
    if keys := foreign_keys(name):
        table_schema["foreignKeys"] = [
            {"fields": [col], "reference": {"resource": other, "fields": [ref]}}
            for col, other, ref in keys
        ]
    return {
        "name": name,
        "path": f"{name}.csv",
        "format": "csv",
        "encoding": "utf-8",
        "mediatype": "text/csv",
        "description": spec["description"],
        "schema": table_schema,
    }


def table_schema_of(name: str, field_types: dict[str, str]) -> dict[str, Any]:
    """Given a table name and its format's field types, return the table schema's fields."""
    return {
        "fields": [
            {"name": n, "type": field_types.get(t, t), "description": d}
            for n, t, d in columns(name)
        ]
    }


def parquet_resource(name: str) -> dict[str, Any]:
    """Given a table name, return the resource of its Parquet file: the same rows, typed
    (dates as dates, lists as arrays of strings)."""
    return {
        "name": f"{name}-parquet",
        "path": f"{name}.parquet",
        "format": "parquet",
        "mediatype": "application/vnd.apache.parquet",
        "description": f"{schema()[name]['description']} Parquet, typed.",
        "schema": table_schema_of(name, PARQUET_FIELD_TYPES),
    }
