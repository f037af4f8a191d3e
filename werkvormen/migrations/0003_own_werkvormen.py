import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("networks", "0004_organisation_labels"),
        ("werkvormen", "0002_search_vector"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name="werkvorm",
            name="version",
            field=models.PositiveIntegerField(default=0, editable=False),
        ),
        migrations.AddField(
            model_name="werkvorm",
            name="updated_at",
            field=models.DateTimeField(
                auto_now=True, default=django.utils.timezone.now, verbose_name="laatst gewijzigd"
            ),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="werkvorm",
            name="updated_by",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
                verbose_name="laatst gewijzigd door",
            ),
        ),
        migrations.AddField(
            model_name="werkvorm",
            name="network",
            field=models.ForeignKey(
                blank=True,
                editable=False,
                help_text="Leeg: voor iedereen in de bibliotheek.",
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="werkvormen",
                to="networks.network",
                verbose_name="eigen werkvorm van",
            ),
        ),
        migrations.AddField(
            model_name="werkvorm",
            name="based_on",
            field=models.ForeignKey(
                blank=True,
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to="werkvormen.werkvorm",
                verbose_name="gebaseerd op",
            ),
        ),
        migrations.AddConstraint(
            model_name="werkvorm",
            constraint=models.CheckConstraint(
                condition=models.Q(("shipped", False), ("network__isnull", True), _connector="OR"),
                name="werkvorm_shipped_is_shared",
            ),
        ),
    ]
