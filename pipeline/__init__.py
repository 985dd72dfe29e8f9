"""parscore: Vietnamese PAR Index notices to validated datasets."""

__version__ = "0.1.0"
