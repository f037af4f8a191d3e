"""`make soak`: the product under load and under a database restart, as production runs it.

Run as `python -m tests.soak` (not collected by pytest: its files are not named test_*).
See tests/soak/__main__.py for what it does and what it checks.
"""
