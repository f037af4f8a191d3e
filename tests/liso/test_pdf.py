import subprocess

import pytest
from django.template import engines

from liso.pdf import StaticFilesOnlyFetcher, html_to_pdf
from tests.pdftext import pdf_text

DOCUMENT = """{% extends "pdf/base.html" %}
{% block title %}Proefdocument{% endblock %}
{% block heading %}Proefdocument{% endblock %}
{% block subtitle %}Leernetwerk Jeugdhulp Zuidoost{% endblock %}
{% block content %}
<h2>Geleerde lessen</h2>
<p>Één café-bezoek met ervaringsdeskundigen — “samen” kost € 25,00.</p>
<table><thead><tr><th>Fase</th><th>Stand</th></tr></thead>
<tbody><tr><td>Samen begrijpen</td><td>afgerond</td></tr></tbody></table>
{% endblock %}
"""


def _fonts(pdf: bytes, tmp_path) -> str:
    path = tmp_path / "fonts.pdf"
    path.write_bytes(pdf)
    return subprocess.run(["pdffonts", str(path)], capture_output=True, text=True).stdout


def test_pdf_has_a_title_page_dutch_text_and_page_numbers(tmp_path):
    html = engines["django"].from_string(DOCUMENT).render({})
    pdf = html_to_pdf(html)
    text = pdf_text(pdf, tmp_path)
    assert pdf.startswith(b"%PDF")
    assert "Leernetwerk Jeugdhulp Zuidoost" in text
    assert "Één café-bezoek met ervaringsdeskundigen — “samen” kost € 25,00." in text
    assert "pagina 2 van 2" in text
    assert "pagina 1 van 2" not in text  # the title page carries no number
    assert "Source-Sans-3" in _fonts(pdf, tmp_path)  # our web font, embedded


def test_pdf_fetches_nothing_but_our_own_static_files():
    fetcher = StaticFilesOnlyFetcher()
    assert fetcher.fetch("https://pdf.invalid/static/liso/print.css").status == 200
    for url in (
        "http://169.254.169.254/latest/meta-data/",
        "file:///etc/passwd",
        "https://pdf.invalid/static/../../liso/settings.py",
    ):
        with pytest.raises(ValueError):
            fetcher.fetch(url)
