"""Action points belong to the network; a session is where most, not all, are agreed."""

import django.db.models.deletion
from django.db import migrations, models


def fill_network_and_date(apps, schema_editor):
    ActionPoint = apps.get_model("bijeenkomsten", "ActionPoint")
    for action in ActionPoint.objects.select_related("session"):
        action.network_id = action.session.network_id
        action.agreed_on = action.session.date
        action.save(update_fields=["network", "agreed_on"])


class Migration(migrations.Migration):
    dependencies = [
        ("bijeenkomsten", "0001_initial"),
        ("networks", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="actionpoint",
            name="network",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="actions",
                to="networks.network",
            ),
        ),
        migrations.AddField(
            model_name="actionpoint",
            name="agreed_on",
            field=models.DateField(null=True, verbose_name="afgesproken op"),
        ),
        migrations.RunPython(fill_network_and_date, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="actionpoint",
            name="network",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="actions",
                to="networks.network",
            ),
        ),
        migrations.AlterField(
            model_name="actionpoint",
            name="agreed_on",
            field=models.DateField(verbose_name="afgesproken op"),
        ),
        migrations.AlterField(
            model_name="actionpoint",
            name="session",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="actions",
                to="bijeenkomsten.session",
            ),
        ),
    ]
