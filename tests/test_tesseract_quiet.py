"""Leptonica's own messages never reach parscore's stderr (extractors/tesseract.py)."""

from __future__ import annotations

import subprocess
import sys

import pytest

pytest.importorskip("tesserocr")

#: Asks Leptonica to clip a missing box: it prints "Error in boxClipToRectangle: …".
PROBE = """
import ctypes, glob, os, sys
import tesserocr
from parscore.extractors import tesseract
if sys.argv[1] == "quiet":
    tesseract._quiet_leptonica()
libs = os.path.join(os.path.dirname(tesserocr.__file__), os.pardir, "tesserocr.libs")
for name in sorted(glob.glob(os.path.join(libs, "libleptonica*.so*"))):
    ctypes.CDLL(name).boxClipToRectangle(None, 10, 10)
"""


def stderr_of(mode: str) -> str:
    """Given "quiet" or "loud", return what the probe printed on stderr."""
    done = subprocess.run([sys.executable, "-c", PROBE, mode], capture_output=True, text=True,
                          timeout=60, check=True)
    return done.stderr


def test_leptonica_speaks_unless_silenced() -> None:
    loud = stderr_of("loud")
    if "boxClipToRectangle" not in loud:
        pytest.skip("this tesserocr's Leptonica is not bundled or prints nothing")
    assert stderr_of("quiet") == ""
