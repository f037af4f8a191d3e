"""Turning an uploaded file into what is kept: within the size limit, of a type we take as
its content says (a renamed file is refused), and rewritten from what was understood of
it, so nothing rides along. Every form that takes a photo or a document goes through
`kept`.

An image is refused above MAX_PIXELS before its pixels are decoded (a few KB of PNG can
hold 10,000 x 10,000 pixels, and the session report's PDF would spend a gigabyte on it),
turned upright as its camera said, made no larger than a page or an A4 PDF needs, and
encoded anew in its own format without the camera's metadata (GPS position, device).
A PDF is parsed and written anew (pypdf): one that cannot be parsed is refused, and
whatever trailed after it is gone either way."""

import io
import warnings

from django import forms
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.http import FileResponse, Http404
from django.utils.translation import gettext as _
from PIL import Image, ImageOps
from pypdf import PdfReader, PdfWriter

# The format as the content says it is, with the type we store and serve it as.
IMAGE_FORMATS = {"JPEG": "image/jpeg", "PNG": "image/png", "WEBP": "image/webp"}
PDF_TYPE = "application/pdf"
IMAGE_ACCEPT = "image/jpeg,image/png,image/webp"
MB = 1024 * 1024
# More than any phone takes (a 200 MP camera saves 50 MP by default); a page and an A4
# PDF at 200 dpi need no more than MAX_SIDE on the longest side.
MAX_PIXELS = 40_000_000
MAX_SIDE = 2000
QUALITY = 85  # JPEG and WebP: no visible loss for a photo of a flip-over


def limit_mb() -> int:
    return settings.UPLOAD_MAX_BYTES // MB


def _too_many_pixels() -> forms.ValidationError:
    return forms.ValidationError(
        _(
            "Deze afbeelding heeft te veel beeldpunten: hoogstens %(megapixels)s miljoen "
            "mag, bijvoorbeeld 8000 bij 5000. Maak hem kleiner en probeer het opnieuw."
        )
        % {"megapixels": MAX_PIXELS // 1_000_000},
        code="too_many_pixels",
    )


def content_type_of(upload) -> str | None:
    """The upload's real type, from its content: an image or a PDF; None for others. An
    image of a type we take with more than MAX_PIXELS is refused here, before a pixel
    of it is decoded."""
    upload.seek(0)
    if upload.read(5) == b"%PDF-":
        upload.seek(0)
        return PDF_TYPE
    upload.seek(0)
    try:
        # Pillow's own bomb warning fires far above our limit; ours is checked below.
        with (
            warnings.catch_warnings(action="ignore", category=Image.DecompressionBombWarning),
            Image.open(upload) as image,
        ):
            kind = IMAGE_FORMATS.get(image.format)
            if kind and image.width * image.height > MAX_PIXELS:
                raise _too_many_pixels()
            image.verify()
    except Image.DecompressionBombError:
        raise _too_many_pixels() from None
    except (OSError, SyntaxError, ValueError):
        kind = None
    finally:
        upload.seek(0)
    return kind


def _checked_type(upload, *, pdf_allowed: bool, refusal: str) -> str:
    """The type of an acceptable upload, or a ValidationError in plain Dutch: too big,
    or not a type we take (`refusal` says what is taken)."""
    limit = settings.UPLOAD_MAX_BYTES
    if upload.size > limit:
        sizes = {"size": round(upload.size / MB, 1), "limit": limit // MB}
        raise forms.ValidationError(
            _("Dit bestand is te groot (%(size)s MB). Het mag hoogstens %(limit)s MB zijn.") % sizes
        )
    content_type = content_type_of(upload)
    if content_type is None or (content_type == PDF_TYPE and not pdf_allowed):
        raise forms.ValidationError(refusal)
    return content_type


def kept(upload, *, pdf_allowed: bool, refusal: str) -> tuple[SimpleUploadedFile, str]:
    """What to store for an upload, and its type; or a ValidationError in plain Dutch for
    the field: too big, too many pixels, not a type we take (`refusal` says what is
    taken), or a PDF that cannot be read."""
    content_type = _checked_type(upload, pdf_allowed=pdf_allowed, refusal=refusal)
    upload.seek(0)
    original = upload.read()
    if content_type == PDF_TYPE:
        content = _pdf_rewritten(original)
    else:
        content = _image_rewritten(original, refusal=refusal)
    return SimpleUploadedFile(upload.name, content, content_type), content_type


def _image_rewritten(original: bytes, *, refusal: str) -> bytes:
    """The image upright, at most MAX_SIDE on its longest side, encoded anew in its own
    format with only its colour profile kept."""
    try:
        with Image.open(io.BytesIO(original)) as image:
            kind = image.format
            if kind == "JPEG":  # decode at a reduced scale where the shrinking allows it
                image.draft(image.mode, (MAX_SIDE, MAX_SIDE))
            profile = image.info.get("icc_profile")
            upright = ImageOps.exif_transpose(image)
        if max(upright.size) > MAX_SIDE:
            if upright.mode in ("1", "P"):  # a palette would shrink without smoothing
                upright = upright.convert("RGBA" if "transparency" in upright.info else "RGB")
            upright.thumbnail((MAX_SIDE, MAX_SIDE), Image.Resampling.LANCZOS)
        # Only what drawing needs travels on: no EXIF, XMP or text chunks.
        upright.info = {k: v for k, v in upright.info.items() if k == "transparency"}
        options = {"icc_profile": profile} if profile else {}
        if kind in ("JPEG", "WEBP"):
            options["quality"] = QUALITY
        buffer = io.BytesIO()
        upright.save(buffer, kind, **options)
    except (OSError, SyntaxError, ValueError):  # it passed the check but does not decode
        raise forms.ValidationError(refusal) from None
    return buffer.getvalue()


def _pdf_rewritten(original: bytes) -> bytes:
    """The PDF as pypdf understood it, written anew: what trailed after it is gone."""
    unreadable = forms.ValidationError(
        _(
            "Deze pdf kunnen we niet lezen: misschien is hij beschadigd, of is het geen "
            "echte pdf. Sla hem opnieuw op als pdf en probeer het nog eens."
        ),
        code="unreadable_pdf",
    )
    locked = forms.ValidationError(
        _("Deze pdf is beveiligd met een wachtwoord. Kies een pdf zonder wachtwoord."),
        code="locked_pdf",
    )
    # A hostile file can make a parser fail in any way it likes; each is a refusal.
    try:
        reader = PdfReader(io.BytesIO(original), strict=False)
        if reader.is_encrypted:
            try:
                opened = reader.decrypt("")  # many PDFs carry an empty password
            except Exception:
                opened = False
            if not opened:
                raise locked
        if len(reader.pages) == 0:
            raise unreadable
        buffer = io.BytesIO()
        PdfWriter(clone_from=reader).write(buffer)
    except forms.ValidationError:
        raise
    except Exception:
        raise unreadable from None
    return buffer.getvalue()


def forget_on_commit(file) -> None:
    """Remove a stored file once the transaction that let go of it has committed (never
    the other way round: a rolled-back change must still find its file)."""
    if file:
        storage, name = file.storage, file.name
        transaction.on_commit(lambda: storage.delete(name))


def served(file, *, content_type: str, filename: str) -> FileResponse:
    """A stored upload as the answer to a request that passed its permission check: a
    photo to look at, a PDF to download; 404 when the file is gone from the storage."""
    try:
        handle = file.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    return FileResponse(
        handle,
        content_type=content_type,
        filename=filename,
        as_attachment=not content_type.startswith("image/"),
    )
