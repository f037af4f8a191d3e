"""Checking an uploaded file before it is kept: within the size limit, and of a type we
take, as its content says (a renamed file is refused). Used by every form that takes a
photo or a document."""

from django import forms
from django.conf import settings
from django.db import transaction
from django.http import FileResponse, Http404
from django.utils.translation import gettext as _
from PIL import Image

# The format as the content says it is, with the type we store and serve it as.
IMAGE_FORMATS = {"JPEG": "image/jpeg", "PNG": "image/png", "WEBP": "image/webp"}
PDF_TYPE = "application/pdf"
IMAGE_ACCEPT = "image/jpeg,image/png,image/webp"
MB = 1024 * 1024


def limit_mb() -> int:
    return settings.UPLOAD_MAX_BYTES // MB


def content_type_of(upload) -> str | None:
    """The upload's real type, from its content: an image or a PDF; None for others."""
    upload.seek(0)
    if upload.read(5) == b"%PDF-":
        upload.seek(0)
        return PDF_TYPE
    upload.seek(0)
    try:
        with Image.open(upload) as image:
            image.verify()
            kind = IMAGE_FORMATS.get(image.format)
    except (OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        kind = None
    upload.seek(0)
    return kind


def checked_type(upload, *, pdf_allowed: bool, refusal: str) -> str:
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
