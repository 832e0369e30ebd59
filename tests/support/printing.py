"""A real browser and poppler, for the tests that print the HTML export and read the PDF back.

They are never skipped: without Debian's `chromium` and `poppler-utils` the
test fails and says how to get them, so a machine that cannot check printing
never passes by saying nothing.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

from trustlog.render.export import pdf

INSTALL = (
    "`.ci/run` installs Debian's chromium and poppler-utils; "
    "locally: apt-get install -y chromium poppler-utils"
)


def require(program: str) -> str:
    found = shutil.which(program)
    if found is None:
        pytest.fail(f"{program} is not installed, and this test needs it. {INSTALL}.")
    return found


def print_html(page: str, folder: Path) -> Path:
    """Print `page` with headless Chromium, as `--format pdf` does, and give the PDF's path."""
    browser = require("chromium")
    source = folder / "page.html"
    source.write_text(page, encoding="utf-8")
    target = folder / "page.pdf"
    with tempfile.TemporaryDirectory() as profile:
        pdf.print_to_pdf(browser, source, target, Path(profile))
    assert target.read_bytes().startswith(b"%PDF-")
    return target


def pages(path: Path) -> list[str]:
    """The PDF's text, page by page (pdftotext ends each page with a form feed)."""
    done = subprocess.run(
        [require("pdftotext"), "-layout", str(path), "-"],
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout.split("\f")[:-1]


def info(path: Path) -> dict[str, str]:
    done = subprocess.run(
        [require("pdfinfo"), str(path)], capture_output=True, text=True, check=True
    )
    pairs = (line.split(":", 1) for line in done.stdout.splitlines() if ":" in line)
    return {key.strip(): value.strip() for key, value in pairs}


def words(path: Path, page: int = 1) -> list[tuple[str, float, float]]:
    """The words of one page with where they sit: (text, left, top) in points. A word
    clipped by its drawing is read as far as it shows ("No" for a cut "Nov")."""
    import html
    import re

    done = subprocess.run(
        [require("pdftotext"), "-bbox", "-f", str(page), "-l", str(page), str(path), "-"],
        capture_output=True,
        text=True,
        check=True,
    )
    found = re.findall(r'<word xMin="([\d.]+)" yMin="([\d.]+)"[^>]*>([^<]*)</word>', done.stdout)
    return [(html.unescape(word), float(left), float(top)) for left, top, word in found]
