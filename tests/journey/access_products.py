"""Who may reach the journey's products URLs (merged into tests/access.py ROUTES)."""

ROUTES: dict = {}
