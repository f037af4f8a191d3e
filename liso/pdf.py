"""PDF documents: an HTML template with print CSS, rendered by WeasyPrint.

A report is a service that gathers its data and calls `render_pdf()`. WeasyPrint reads
our static files (print CSS, fonts, images) straight from disk and fetches nothing else:
text that members typed can never make the server reach out to another address.
"""

import mimetypes
from io import BytesIO
from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.exceptions import SuspiciousFileOperation
from django.http import FileResponse
from django.template.loader import render_to_string
from weasyprint import HTML
from weasyprint.urls import URLFetcher, URLFetcherResponse

# Relative URLs in a PDF template resolve against this made-up origin; `.invalid` is
# reserved, so it can never be a real host.
PDF_BASE_URL = "https://pdf.invalid/"


def _static_path(name: str) -> Path | None:
    try:
        found = finders.find(name)
        if found:
            return Path(found)
        if staticfiles_storage.exists(name):  # collected (hashed) names in production
            return Path(staticfiles_storage.path(name))
    except SuspiciousFileOperation:  # a path that climbs out of the static folders
        return None
    return None


class StaticFilesOnlyFetcher(URLFetcher):
    def fetch(self, url, headers=None):
        static_prefix = PDF_BASE_URL + settings.STATIC_URL.lstrip("/")
        if url.startswith("data:"):
            return super().fetch(url, headers)
        if url.startswith(static_prefix):
            path = _static_path(url.removeprefix(static_prefix).split("?")[0])
            if path is not None:
                content_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
                return URLFetcherResponse(url, path.read_bytes(), {"Content-Type": content_type})
        raise ValueError(f"A PDF may only use the product's own static files, not {url}")


def html_to_pdf(html: str) -> bytes:
    """Tagged PDF: headings, lists and tables keep their structure for a screen reader,
    with the title and language of the HTML."""
    return HTML(string=html, base_url=PDF_BASE_URL, url_fetcher=StaticFilesOnlyFetcher()).write_pdf(
        pdf_tags=True
    )


def render_pdf(template_name: str, context: dict) -> bytes:
    """Render a template that extends `pdf/base.html` into PDF bytes."""
    return html_to_pdf(render_to_string(template_name, context))


def pdf_response(pdf: bytes, filename: str) -> FileResponse:
    """A PDF as a download with a file name that says what it is."""
    return FileResponse(BytesIO(pdf), content_type="application/pdf", filename=filename)
