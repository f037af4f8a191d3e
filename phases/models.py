from django.db import models
from django.utils.translation import gettext_lazy as _

from liso import method


class Phase(models.Model):
    """What the method says about one of its three phases (reference content)."""

    number = models.PositiveSmallIntegerField(_("fase"), choices=method.Phase.choices, unique=True)
    goal = models.CharField(_("doel"), max_length=300)
    description = models.TextField(_("beschrijving"))
    outputs = models.JSONField(_("wat het oplevert"), default=list)
    attention_points = models.JSONField(_("let op"), default=list)
    werkvormen = models.ManyToManyField(
        "werkvormen.Werkvorm", related_name="core_of_phases", verbose_name=_("kernwerkvormen")
    )

    class Meta:
        verbose_name = _("fase")
        verbose_name_plural = _("fasen")
        ordering = ["number"]

    def __str__(self):
        return f"{self.number}. {self.get_number_display()}"


class PreparationStep(models.Model):
    """One task of the default preparation timeline for a session: what, by whom, and how
    many weeks before (negative) or after (positive) the session."""

    code = models.SlugField(_("code"), max_length=80, unique=True)
    title = models.CharField(_("taak"), max_length=150)
    explanation = models.TextField(_("toelichting"), blank=True)
    weeks = models.SmallIntegerField(
        _("weken"), help_text=_("Negatief: weken vóór de bijeenkomst; positief: erna.")
    )
    role = models.CharField(_("rol"), max_length=30, choices=method.Role.choices)
    order = models.PositiveSmallIntegerField(_("volgorde"), default=0)

    class Meta:
        verbose_name = _("voorbereidingstaak")
        verbose_name_plural = _("voorbereidingstaken")
        ordering = ["weeks", "order"]

    def __str__(self):
        return self.title

    @property
    def distance(self) -> int:
        """How many weeks from the session, before or after."""
        return abs(self.weeks)


class ReflectionPrompt(models.Model):
    """A question that helps a member reflect: at a level of gelaagd leren, or about one
    kernelement in the yearly review."""

    code = models.SlugField(_("code"), max_length=80, unique=True)
    level = models.CharField(
        _("niveau"), max_length=20, choices=method.ReflectionLevel.choices, blank=True
    )
    kernelement = models.CharField(
        _("kernelement"), max_length=40, choices=method.Kernelement.choices, blank=True
    )
    question = models.CharField(_("vraag"), max_length=300)
    order = models.PositiveSmallIntegerField(_("volgorde"), default=0)

    class Meta:
        verbose_name = _("reflectievraag")
        verbose_name_plural = _("reflectievragen")
        ordering = ["kernelement", "level", "order"]

    def __str__(self):
        return self.question
