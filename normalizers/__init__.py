"""Pure normalisers: numbers, text, legacy encodings, labels."""

from pathlib import Path

#: The normalisers' vocabulary files (TOML), shipped with the package.
DATA_DIR = Path(__file__).resolve().parent / "data"
