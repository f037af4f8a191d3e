"""Who may reach the journey's learning URLs: phases, rounds, experiments, reflections
(merged into tests/access.py ROUTES)."""

ROUTES: dict = {}
