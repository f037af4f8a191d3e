from django.db import models
from django.utils.translation import gettext_lazy as _

from liso import method


class RoleProfile(models.Model):
    """What the method says about a role: its tasks and the hours it takes (reference)."""

    code = models.CharField(_("rol"), max_length=30, choices=method.Role.choices, unique=True)
    summary = models.CharField(_("samenvatting"), max_length=300)
    tasks = models.JSONField(_("taken"), default=list)
    min_hours_per_week = models.DecimalField(
        _("minimaal uren per week"), max_digits=4, decimal_places=1
    )
    hours_note = models.CharField(_("toelichting uren"), max_length=300, blank=True)
    order = models.PositiveSmallIntegerField(_("volgorde"))

    class Meta:
        verbose_name = _("rolprofiel")
        verbose_name_plural = _("rolprofielen")
        ordering = ["order"]

    def __str__(self):
        return self.get_code_display()


class PerspectiveProfile(models.Model):
    """Why the method wants a perspective at the table (reference content)."""

    code = models.CharField(
        _("perspectief"), max_length=20, choices=method.Perspective.choices, unique=True
    )
    summary = models.CharField(_("samenvatting"), max_length=300)
    why = models.TextField(_("waarom dit perspectief"))
    examples = models.JSONField(_("voorbeelden"), default=list)
    order = models.PositiveSmallIntegerField(_("volgorde"))

    class Meta:
        verbose_name = _("perspectief")
        verbose_name_plural = _("perspectieven")
        ordering = ["order"]

    def __str__(self):
        return self.get_code_display()


class ChecklistItem(models.Model):
    """A question on one of the method's checklists: is the issue suited to a learning
    network (start), and is what the network achieved anchored (afsluiting)."""

    class Checklist(models.TextChoices):
        START = "start", _("Past een leernetwerk? (start)")
        AFSLUITING = "afsluiting", _("Borging bij het afsluiten")

    checklist = models.CharField(_("lijst"), max_length=20, choices=Checklist.choices)
    code = models.SlugField(_("code"), max_length=80, unique=True)
    order = models.PositiveSmallIntegerField(_("volgorde"))
    question = models.CharField(_("vraag"), max_length=300)
    explanation = models.TextField(_("toelichting"))

    class Meta:
        verbose_name = _("checklistvraag")
        verbose_name_plural = _("checklistvragen")
        ordering = ["checklist", "order"]

    def __str__(self):
        return self.question
