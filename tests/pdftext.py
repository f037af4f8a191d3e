"""The text of a PDF, as a reader would copy it (poppler's pdftotext)."""

import re
import shutil
import subprocess
import zlib

import pytest


def pdf_text(pdf: bytes, tmp_path) -> str:
    if shutil.which("pdftotext") is None:
        pytest.fail("pdftotext is missing: install poppler-utils (.ci/run does)")
    path = tmp_path / "document.pdf"
    path.write_bytes(pdf)
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


def pdf_image_count(pdf: bytes, tmp_path) -> int:
    """How many images the PDF holds (poppler's pdfimages)."""
    path = tmp_path / "images.pdf"
    path.write_bytes(pdf)
    listing = subprocess.run(
        ["pdfimages", "-list", str(path)], capture_output=True, text=True, check=True
    ).stdout.splitlines()
    return len(listing) - 2  # two header lines


def pdf_info(pdf: bytes, tmp_path) -> dict[str, str]:
    """What poppler's pdfinfo says of the PDF (Title, Tagged, ...)."""
    path = tmp_path / "info.pdf"
    path.write_bytes(pdf)
    lines = subprocess.run(
        ["pdfinfo", str(path)], capture_output=True, text=True, check=True
    ).stdout.splitlines()
    return {key.strip(): value.strip() for key, _, value in (line.partition(":") for line in lines)}


def pdf_language(pdf: bytes) -> str | None:
    """The document's language (/Lang of its catalogue), also when the catalogue sits in a
    compressed object stream, as WeasyPrint writes it."""
    chunks = [pdf]
    for match in re.finditer(rb"stream\r?\n(.*?)\r?\nendstream", pdf, re.DOTALL):
        try:
            chunks.append(zlib.decompress(match.group(1)))
        except zlib.error:
            continue  # not a Flate stream (an image, say)
    for chunk in chunks:
        if found := re.search(rb"/Lang\s*\(([^)]*)\)", chunk):
            return found.group(1).decode()
    return None
