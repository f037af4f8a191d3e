"""Opbrengsten: kennisproducten and successes (under /netwerken/<slug>/opbrengsten/)."""

results = "netwerken/<slug:slug>/opbrengsten/"

urlpatterns = []  # fmt: skip
