"""The woordenlijst as a PDF: a title page, then every term under its letter, with page
numbers and the date in Dutch (pdf/base.html and liso/print.css)."""

from django.utils.text import slugify

from liso.pdf import render_pdf
from networks.models import Network
from phases.words import by_letter, terms_matching


def glossary_context(network: Network) -> dict:
    """The whole glossary, in one query."""
    terms = list(terms_matching(network))
    return {"network": network, "letters": by_letter(terms), "count": len(terms)}


def glossary_pdf(network: Network) -> tuple[bytes, str]:
    """PDF bytes, and a file name that says what and for which network."""
    pdf = render_pdf("pdf/woordenlijst.html", glossary_context(network))
    return pdf, f"woordenlijst-{slugify(network.name)}.pdf"
