"""`migrate` on a database made by an older layout of the code stops with what to do."""

import pytest
from django.db import connection
from django.db.migrations.recorder import MigrationRecorder

from liso.checks import database_matches_the_migrations


@pytest.mark.django_db
def test_a_database_of_the_current_layout_passes():
    assert database_matches_the_migrations(databases=["default"]) == []


@pytest.mark.django_db
def test_a_database_with_migrations_of_the_old_layout_is_told_what_to_do():
    recorder = MigrationRecorder(connection)
    recorder.record_applied("journey", "0001_initial")
    recorder.record_applied("phases", "0009_reflections")
    errors = database_matches_the_migrations(databases=["default"])
    assert [error.id for error in errors] == ["liso.E001"]
    assert "journey 0001_initial, phases 0009_reflections" in errors[0].msg
    assert "rm db.sqlite3" in errors[0].hint


@pytest.mark.django_db
def test_the_check_leaves_other_packages_migrations_alone():
    recorder = MigrationRecorder(connection)
    recorder.record_applied("auth", "0099_not_ours_to_judge")
    recorder.record_applied("a_removed_package", "0001_initial")
    assert database_matches_the_migrations(databases=["default"]) == []


def test_the_check_runs_only_where_a_database_is_named():
    assert database_matches_the_migrations(databases=None) == []
