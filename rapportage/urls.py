from django.urls import path

from rapportage import views

report = "netwerken/<slug:slug>/rapportage/"

urlpatterns = [
    path(report, views.report_page, name="report_page"),
    path(report + "voortgangsrapportage.pdf", views.progress_report_pdf, name="progress_pdf"),
]
