"""Woordenlijst and leervragen (under /netwerken/<slug>/leren/)."""

learning = "netwerken/<slug:slug>/leren/"

urlpatterns = []  # fmt: skip
