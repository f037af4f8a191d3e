from django.core.management import call_command
from django.db import migrations


def create_cache_table(apps, schema_editor):
    # The login throttle counts failures in the database cache, shared by every app
    # server; creating its table here means `migrate` is all an install needs.
    call_command("createcachetable", database=schema_editor.connection.alias, verbosity=0)


class Migration(migrations.Migration):
    dependencies = [("liso", "0001_initial")]

    operations = [migrations.RunPython(create_cache_table, migrations.RunPython.noop)]
