"""Who may reach the journey's words URLs (merged into tests/access.py ROUTES)."""

ROUTES: dict = {}
