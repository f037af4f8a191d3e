"""Counting the SQL queries a page makes: the exact number is a normal test, constant
whatever the amount of data (quality.md)."""

from django.db import connection
from django.test.utils import CaptureQueriesContext


def count_queries(client, url: str) -> tuple[int, int]:
    """GET `url` with `client` and return (status code, number of SQL queries)."""
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    return response.status_code, len(captured.captured_queries)
