from django.db import models
from django.utils.translation import gettext_lazy as _

from liso import method


class Kernelement(models.Model):
    """What the method says about one of its five building blocks (reference content)."""

    code = models.CharField(
        _("kernelement"), max_length=40, choices=method.Kernelement.choices, unique=True
    )
    order = models.PositiveSmallIntegerField(_("volgorde"))
    tagline = models.CharField(_("kernzin"), max_length=200)
    description = models.TextField(_("beschrijving"))

    class Meta:
        verbose_name = _("kernelement")
        verbose_name_plural = _("kernelementen")
        ordering = ["order"]

    def __str__(self):
        return self.get_code_display()


class Aandachtspunt(models.Model):
    code = models.CharField(
        _("aandachtspunt"), max_length=40, choices=method.Aandachtspunt.choices, unique=True
    )
    kernelement = models.ForeignKey(
        Kernelement, on_delete=models.CASCADE, related_name="aandachtspunten"
    )
    order = models.PositiveSmallIntegerField(_("volgorde"))
    description = models.TextField(_("beschrijving"))
    werkzame_elementen = models.JSONField(_("wat werkt"), default=list)
    tips = models.JSONField(_("praktische tips"), default=list)
    werkvormen = models.ManyToManyField(
        "werkvormen.Werkvorm", related_name="aandachtspunten", blank=True
    )

    class Meta:
        verbose_name = _("aandachtspunt")
        verbose_name_plural = _("aandachtspunten")
        ordering = ["kernelement__order", "order"]

    def __str__(self):
        return self.get_code_display()


class Struikelblok(models.Model):
    """A known stumbling block of learning networks, with the method's approach and tips.
    The list is data: a tenth can be added without a code change."""

    code = models.SlugField(_("code"), max_length=80, unique=True)
    number = models.PositiveSmallIntegerField(_("nummer"), unique=True)
    title = models.CharField(_("titel"), max_length=150)
    situation = models.TextField(_("situatie"))
    approach = models.TextField(_("aanpak"))
    tips = models.JSONField(_("praktische tips"), default=list)
    kernelementen = models.ManyToManyField(Kernelement, related_name="struikelblokken")
    werkvormen = models.ManyToManyField(
        "werkvormen.Werkvorm", related_name="struikelblokken", blank=True
    )
    shipped = models.BooleanField(_("uit de LISO-catalogus"), default=False)

    class Meta:
        verbose_name = _("struikelblok")
        verbose_name_plural = _("struikelblokken")
        ordering = ["number"]

    def __str__(self):
        return f"{self.number}. {self.title}"
