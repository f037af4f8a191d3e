"""What is kept of an upload (liso/uploads.py): images capped in pixels before they are
decoded, upright, shrunk to what a page and a PDF need and encoded anew without their
metadata; PDFs parsed and written anew. Whatever rode along after a valid file is gone."""

import io

import pytest
from django import forms
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import ExifTags, Image
from pypdf import PdfReader, PdfWriter

from liso import uploads
from tests.bijeenkomsten.world import pdf_bytes, png_bytes

REFUSAL = "Dit bestand kunnen we niet bewaren."
APPENDED = b"<html><script>alert(document.cookie)</script></html>"


def _image(size, kind="JPEG", mode="RGB", **options) -> bytes:
    buffer = io.BytesIO()
    Image.new(mode, size, "teal").save(buffer, kind, **options)
    return buffer.getvalue()


def _kept(content: bytes, *, pdf_allowed=True) -> tuple[bytes, str]:
    upload = SimpleUploadedFile("upload.bin", content)
    stored, content_type = uploads.kept(upload, pdf_allowed=pdf_allowed, refusal=REFUSAL)
    return stored.read(), content_type


def _refusal(content: bytes, *, pdf_allowed=True) -> forms.ValidationError:
    with pytest.raises(forms.ValidationError) as refused:
        _kept(content, pdf_allowed=pdf_allowed)
    return refused.value


def test_an_image_of_ten_thousand_by_ten_thousand_pixels_is_refused_before_decoding():
    bomb = _image((10_000, 10_000), "PNG", mode="1")  # a few KB on disk
    assert len(bomb) < 50_000
    refused = _refusal(bomb)
    assert refused.code == "too_many_pixels"
    assert "te veel beeldpunten" in refused.messages[0]
    # Beyond Pillow's own bomb limit too (it would raise rather than warn there).
    assert _refusal(_image((20_000, 10_000), "PNG", mode="1")).code == "too_many_pixels"


def test_a_large_photo_is_kept_at_most_two_thousand_pixels_wide_in_its_own_format():
    stored, content_type = _kept(_image((3000, 2000), "JPEG", quality=95))
    with Image.open(io.BytesIO(stored)) as image:
        assert (image.format, image.size) == ("JPEG", (2000, 1333))
    assert content_type == "image/jpeg"
    for kind, content_type in (("PNG", "image/png"), ("WEBP", "image/webp")):
        stored, told = _kept(_image((1200, 3600), kind))
        with Image.open(io.BytesIO(stored)) as image:
            assert (image.format, image.size, told) == (kind, (667, 2000), content_type)


def test_a_small_image_keeps_its_size_and_a_palette_image_shrinks_too():
    stored, _type = _kept(png_bytes((40, 30)))
    assert Image.open(io.BytesIO(stored)).size == (40, 30)
    stored, _type = _kept(_image((4000, 100), "PNG", mode="P"))
    assert Image.open(io.BytesIO(stored)).size == (2000, 50)


def test_a_photo_is_turned_upright_and_its_gps_position_and_camera_are_not_kept():
    exif = Image.Exif()
    exif[ExifTags.Base.Orientation] = 6  # the camera was held upright: turn 90 degrees
    exif[ExifTags.Base.Model] = "Telefoon van Dewi"
    exif.get_ifd(ExifTags.IFD.GPSInfo)[ExifTags.GPS.GPSLatitude] = (52.0, 5.0, 30.0)
    photo = _image((300, 200), "JPEG", exif=exif.tobytes())
    assert b"Telefoon van Dewi" in photo
    stored, _type = _kept(photo)
    with Image.open(io.BytesIO(stored)) as image:
        assert image.size == (200, 300)
        assert dict(image.getexif()) == {}
    assert b"Telefoon van Dewi" not in stored


def test_what_was_appended_to_a_valid_image_is_not_kept():
    for kind in ("PNG", "JPEG", "WEBP"):
        stored, _type = _kept(_image((40, 30), kind) + APPENDED)
        assert b"<html" not in stored and b"script" not in stored
        assert Image.open(io.BytesIO(stored)).format == kind


def test_a_file_that_only_starts_like_a_pdf_is_refused():
    for content in (b"%PDF-" + APPENDED, b"%PDF-1.7\n%%EOF\n", pdf_bytes()[:200]):
        refused = _refusal(content)
        assert refused.code == "unreadable_pdf"
        assert "Deze pdf kunnen we niet lezen" in refused.messages[0]


def test_a_real_pdf_is_kept_without_what_was_appended_to_it():
    stored, content_type = _kept(pdf_bytes(pages=2) + APPENDED)
    assert content_type == uploads.PDF_TYPE
    assert stored.startswith(b"%PDF-") and b"script" not in stored
    assert len(PdfReader(io.BytesIO(stored)).pages) == 2


def test_a_pdf_where_only_photos_are_taken_is_refused_as_before():
    assert _refusal(pdf_bytes(), pdf_allowed=False).messages == [REFUSAL]


def test_an_image_that_passes_the_first_look_but_does_not_decode_is_refused():
    truncated = _image((400, 300), "JPEG")[:600]
    assert _refusal(truncated).messages == [REFUSAL]


def _encrypted_pdf(user_password: str) -> bytes:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf_bytes())))
    writer.encrypt(user_password, owner_password="eigenaar", algorithm="RC4-128")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def test_a_pdf_with_a_password_is_refused_and_one_that_opens_without_is_kept():
    refused = _refusal(_encrypted_pdf("geheim"))
    assert refused.code == "locked_pdf" and "wachtwoord" in refused.messages[0]
    stored, _type = _kept(_encrypted_pdf(""))  # only the owner's rights are locked
    assert len(PdfReader(io.BytesIO(stored)).pages) == 1
