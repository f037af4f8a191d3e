"""What a network writes down when it closes: why now, how its results stay in use
(borging), the story of its journey (reisverslag), and the final status and date."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from liso import method
from liso.markdown import markdown_field
from networks.models import Membership, Network, Organisation, Versioned


class Closing(Versioned):
    """The closing of one network, written over the weeks it takes; `closed_on` is set
    when the trekker closes the network and cleared when they reopen it."""

    class Reason(models.TextChoices):
        NO_QUESTIONS = "geen-vragen", _("Er zijn geen vragen meer die ertoe doen")
        NORMAL_PRACTICE = "gewoon-werk", _("Wat we leerden is gewoon werk geworden")
        EARLY = "eerder", _("We stoppen eerder dan gepland")

    network = models.OneToOneField(Network, on_delete=models.CASCADE, related_name="closing")
    reason = models.CharField(
        _("waarom nu afsluiten"), max_length=20, choices=Reason.choices, blank=True
    )
    reason_notes = models.TextField(_("toelichting"), blank=True)
    story = markdown_field(_("het verhaal van de reis"))
    crucial_moments = markdown_field(_("cruciale momenten"))
    # Per perspective (its code): what those of that perspective learned.
    lessons = models.JSONField(_("wat elk perspectief leerde"), default=dict, blank=True)
    last_session = models.ForeignKey(
        "bijeenkomsten.Session",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("laatste bijeenkomst"),
    )
    final_status = models.CharField(
        _("eindstatus"),
        max_length=20,
        blank=True,
        choices=[
            (Network.Status.AFGEROND, Network.Status.AFGEROND.label),
            (Network.Status.GESTOPT, Network.Status.GESTOPT.label),
        ],
    )
    closed_on = models.DateField(_("afgesloten op"), null=True, blank=True)
    reopen_reason = models.TextField(_("reden om te heropenen"), blank=True)

    class Meta:
        verbose_name = _("afsluiting")
        verbose_name_plural = _("afsluitingen")

    def __str__(self):
        return str(_("Afsluiting van %(network)s") % {"network": self.network.name})

    def lesson(self, perspective: str) -> str:
        return self.lessons.get(perspective, "")

    def get_lessons_display(self) -> str:
        """The lessons as a person reads them, for the history."""
        return "\n".join(
            f"{perspective.label}: {text}"
            for perspective in method.Perspective
            if (text := self.lesson(perspective.value))
        )


class Safeguard(models.Model):
    """One of the method's three borging questions, answered for one kennisproduct or
    for one member organisation: how far it is, who takes care of it, where it is kept."""

    class Question(models.TextChoices):
        FINDABLE = "vindbaar", _("Vindbaar in tekst, beeld of geluid")
        ANCHORED = "verankerd", _("Verankerd in de structuren van de organisatie")
        EDUCATION = "onderwijs", _("Onderdeel van de opleiding van toekomstige professionals")

    class State(models.TextChoices):
        OPEN = "open", _("Nog niet")
        BUSY = "bezig", _("Mee bezig")
        DONE = "geregeld", _("Geregeld")
        NOT_APPLICABLE = "nvt", _("Niet van toepassing")

    network = models.ForeignKey(Network, on_delete=models.CASCADE, related_name="safeguards")
    product = models.ForeignKey(
        "phases.Kennisproduct",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="safeguards",
    )
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    question = models.CharField(_("vraag"), max_length=20, choices=Question.choices)
    state = models.CharField(_("stand"), max_length=20, choices=State.choices, default=State.OPEN)
    caretaker = models.ForeignKey(
        Membership,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("wie zorgt ervoor"),
    )
    kept_where = models.CharField(_("waar het staat of geregeld is"), max_length=300, blank=True)
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )

    class Meta:
        verbose_name = _("borging")
        verbose_name_plural = _("borging")
        constraints = [
            models.CheckConstraint(
                condition=Q(product__isnull=True) ^ Q(organisation__isnull=True),
                name="safeguard_of_a_product_or_an_organisation",
            ),
            models.UniqueConstraint(
                fields=["network", "product", "question"],
                condition=Q(product__isnull=False),
                name="safeguard_once_per_product",
            ),
            models.UniqueConstraint(
                fields=["network", "organisation", "question"],
                condition=Q(organisation__isnull=False),
                name="safeguard_once_per_organisation",
            ),
        ]

    def __str__(self):
        return f"{self.product or self.organisation}: {self.get_question_display()}"


class ChosenReflection(models.Model):
    """A shared reflection that its author chose for the reisverslag. Only the author
    chooses; unsharing the reflection leaves it out again."""

    reflection = models.OneToOneField(
        "phases.Reflection", on_delete=models.CASCADE, related_name="in_reisverslag"
    )
    chosen_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("reflectie in het reisverslag")
        verbose_name_plural = _("reflecties in het reisverslag")

    def __str__(self):
        return str(self.reflection)
