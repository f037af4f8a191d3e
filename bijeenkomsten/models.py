import uuid
from datetime import date, datetime, timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from liso import method, ranges
from liso.markdown import markdown_field
from liso.sources import Sourced
from networks.models import Membership, Network, VersionChecked, Versioned


class StepFields(models.Model):
    """What a preparation step is: a task, by which role, how many weeks from the session.
    Shared by the catalogue's template and each network's own copy."""

    title = models.CharField(_("taak"), max_length=150)
    explanation = models.TextField(_("toelichting"), blank=True)
    weeks = models.SmallIntegerField(
        _("weken"), help_text=_("Negatief: weken vóór de bijeenkomst; positief: erna.")
    )
    role = models.CharField(_("rol"), max_length=30, choices=method.Role.choices)
    order = models.PositiveSmallIntegerField(_("volgorde"), default=0)

    class Meta:
        abstract = True

    def __str__(self):
        return self.title

    @property
    def distance(self) -> int:
        """How many weeks from the session, before or after."""
        return abs(self.weeks)


class PreparationStep(Sourced, StepFields):
    """One task of the default preparation timeline for a session (reference content)."""

    code = models.SlugField(_("code"), max_length=80, unique=True)

    class Meta:
        verbose_name = _("voorbereidingstaak")
        verbose_name_plural = _("voorbereidingstaken")
        ordering = ["weeks", "order"]


class SessionQuerySet(models.QuerySet):
    def upcoming(self, today: date | None = None) -> "SessionQuerySet":
        """Sessions from today on that are not called off, the first first."""
        return (
            self.filter(date__gte=today or date.today())
            .exclude(status=Session.Status.AFGELAST)
            .order_by("date", "start_time")
        )


class Session(Versioned):
    """A bijeenkomst of a network: when, where, what about, and who leads it."""

    objects = SessionQuerySet.as_manager()

    class Status(models.TextChoices):
        CONCEPT = "concept", _("Concept")
        GEPLAND = "gepland", _("Gepland")
        AFGELAST = "afgelast", _("Afgelast")

    network = models.ForeignKey(Network, on_delete=models.CASCADE, related_name="sessions")
    date = models.DateField(_("datum"))
    start_time = models.TimeField(_("begintijd"))
    planned_minutes = models.PositiveSmallIntegerField(
        _("duur in minuten"),
        default=180,
        validators=ranges.between(15, 720),
        help_text=_("Een bijeenkomst duurt vaak tweeënhalf tot drie uur."),
    )
    theme = models.CharField(_("thema"), max_length=200)
    phase = models.PositiveSmallIntegerField(
        _("fase"), choices=method.Phase.choices, null=True, blank=True
    )
    venue = models.ForeignKey(
        "opstart.Venue",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("locatie"),
    )
    place = models.CharField(
        _("plaats"),
        max_length=250,
        blank=True,
        help_text=_("Een adres of zaal, als die niet bij de locaties van het netwerk staat."),
    )
    online_link = models.URLField(_("link voor online meedoen"), blank=True)
    facilitators = models.ManyToManyField(
        Membership,
        related_name="facilitated_sessions",
        blank=True,
        verbose_name=_("facilitator(s)"),
    )
    capacity = models.PositiveSmallIntegerField(
        _("maximaal aantal deelnemers"), null=True, blank=True, validators=ranges.between(1, 1000)
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.GEPLAND
    )
    planned_from = models.OneToOneField(
        "opstart.PlannedSession",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="session",
        editable=False,
    )

    # Raised by every change to the draaiboek, so that two planners editing it at once
    # are told instead of undoing each other's work (bijeenkomsten/draaiboek.py).
    draaiboek_version = models.PositiveIntegerField(default=0, editable=False)
    # The iCalendar SEQUENCE: raised whenever what a calendar shows changes (when, where,
    # cancelled), so calendars that have the session update it (bijeenkomsten/calendar.py).
    sequence = models.PositiveIntegerField(default=0, editable=False)
    # When the procesbegeleider recorded who was there (None: not yet).
    attendance_recorded_at = models.DateTimeField(null=True, blank=True, editable=False)

    HISTORY_SKIPS = Versioned.HISTORY_SKIPS | {
        "planned_from",
        "draaiboek_version",
        "sequence",
        "attendance_recorded_at",
    }
    # What a calendar shows of a session: a change to any of these raises `sequence`.
    CALENDAR_FIELDS = {
        "date",
        "start_time",
        "planned_minutes",
        "theme",
        "venue",
        "place",
        "online_link",
        "status",
    }

    class Meta:
        verbose_name = _("bijeenkomst")
        verbose_name_plural = _("bijeenkomsten")
        ordering = ["date", "start_time"]

    def __str__(self):
        return self.theme

    @property
    def starts_at(self) -> datetime:
        return timezone.make_aware(datetime.combine(self.date, self.start_time))

    @property
    def ends_at(self) -> datetime:
        return self.starts_at + timedelta(minutes=self.planned_minutes)

    @property
    def status_label(self) -> str:
        """The status as time passes: a planned session whose day is over was held."""
        if self.status == self.Status.GEPLAND and self.date < timezone.localdate():
            return str(_("Geweest"))
        return self.get_status_display()

    @property
    def is_cancelled(self) -> bool:
        return self.status == self.Status.AFGELAST

    def where(self) -> str:
        parts = [self.venue.name if self.venue else "", self.place]
        if self.online_link:
            parts.append(str(_("online")))
        return " · ".join(part for part in parts if part)


class NetworkPreparationStep(StepFields, VersionChecked):
    """A network's own preparation template: a copy of the catalogue's, to change freely."""

    network = models.ForeignKey(Network, on_delete=models.CASCADE, related_name="preparation_steps")

    class Meta:
        verbose_name = _("voorbereidingstaak van het netwerk")
        verbose_name_plural = _("voorbereidingstaken van het netwerk")
        ordering = ["weeks", "order", "pk"]


class PreparationTask(VersionChecked):
    """A task for one session, due on a date and assigned to a member."""

    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="tasks")
    step = models.ForeignKey(
        NetworkPreparationStep,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="tasks",
    )
    title = models.CharField(_("taak"), max_length=150)
    explanation = models.TextField(_("toelichting"), blank=True)
    due_on = models.DateField(_("klaar op"))
    role = models.CharField(_("rol"), max_length=30, choices=method.Role.choices, blank=True)
    assignee = models.ForeignKey(
        Membership,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="tasks",
        verbose_name=_("wie"),
    )
    done_at = models.DateTimeField(_("afgevinkt op"), null=True, blank=True)
    done_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("voorbereidingstaak")
        verbose_name_plural = _("voorbereidingstaken")
        ordering = ["due_on", "pk"]

    def __str__(self):
        return self.title

    @property
    def is_done(self) -> bool:
        return self.done_at is not None

    def is_late(self, today: date) -> bool:
        return not self.is_done and self.due_on < today


class DraaiboekBlock(models.Model):
    """One block of a session's draaiboek: a werkvorm from the library, or a free block
    such as the welcome or a break. Start times follow from the order and the minutes."""

    class Kind(models.TextChoices):
        WERKVORM = "werkvorm", _("Werkvorm")
        WELKOM = "welkom", _("Welkom")
        PAUZE = "pauze", _("Pauze")
        MEDEDELINGEN = "mededelingen", _("Mededelingen")
        ANDERS = "anders", _("Ander onderdeel")

    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="blocks")
    position = models.PositiveIntegerField(default=0)
    kind = models.CharField(_("soort"), max_length=20, choices=Kind.choices)
    werkvorm = models.ForeignKey(
        "werkvormen.Werkvorm",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("werkvorm"),
    )
    title = models.CharField(_("titel"), max_length=150)
    minutes = models.PositiveSmallIntegerField(_("minuten"), validators=ranges.between(1, 480))
    responsible = models.ForeignKey(
        Membership,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("wie leidt dit"),
    )
    materials = models.TextField(_("materialen"), blank=True)
    notes = models.TextField(_("aantekeningen"), blank=True)

    class Meta:
        verbose_name = _("onderdeel van het draaiboek")
        verbose_name_plural = _("onderdelen van het draaiboek")
        ordering = ["position", "pk"]

    def __str__(self):
        return self.title

    @property
    def is_learning(self) -> bool:
        """Time for learning together, as opposed to logistics and announcements."""
        return self.kind in (self.Kind.WERKVORM, self.Kind.ANDERS)


class Registration(models.Model):
    """A member's answer to a session: komt, misschien or komt niet, with a note. Made
    when the member is invited (answer still open) or when they answer on their own. A
    "komt" beyond the session's capacity goes on the waiting list."""

    class Answer(models.TextChoices):
        OPEN = "open", _("Nog geen antwoord")
        KOMT = "komt", _("Komt")
        MISSCHIEN = "misschien", _("Misschien")
        KOMT_NIET = "komt-niet", _("Komt niet")

    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="registrations")
    membership = models.ForeignKey(
        Membership, on_delete=models.CASCADE, related_name="registrations"
    )
    answer = models.CharField(
        _("antwoord"), max_length=10, choices=Answer.choices, default=Answer.OPEN
    )
    waiting = models.BooleanField(_("op de wachtlijst"), default=False)
    note = models.CharField(_("toelichting"), max_length=300, blank=True)
    invited_at = models.DateTimeField(_("uitgenodigd op"), null=True, blank=True)
    answered_at = models.DateTimeField(_("geantwoord op"), null=True, blank=True)
    reminded_at = models.DateTimeField(_("herinnerd op"), null=True, blank=True)
    # The reminder a few days before the session went out (bijeenkomsten/notices.py).
    upcoming_reminder_at = models.DateTimeField(null=True, blank=True, editable=False)
    attended = models.BooleanField(_("was er"), null=True, blank=True)  # None: not recorded

    class Meta:
        verbose_name = _("aanmelding")
        verbose_name_plural = _("aanmeldingen")
        ordering = ["answered_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["session", "membership"], name="registration_once")
        ]

    def __str__(self):
        return f"{self.membership}: {self.get_answer_display()}"

    @property
    def is_coming(self) -> bool:
        return self.answer == self.Answer.KOMT and not self.waiting


class SessionGuest(models.Model):
    """Someone from outside the network, invited to one session by name and e-mail
    address. A guest has no account: the invitation (with the .ics) asks them to answer
    by replying to the mail. Their name and address belong to this session alone, so
    they stay behind in a network's export (transfer/graph.py). Whether their mail went
    out is kept with the mail itself (liso.OutgoingMail)."""

    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="guests")
    name = models.CharField(_("naam"), max_length=150)
    email = models.EmailField(_("e-mailadres"))  # stored in lower case: one guest per address
    invited_at = models.DateTimeField(_("uitgenodigd op"), default=timezone.now)
    attended = models.BooleanField(_("was er"), null=True, blank=True)  # None: not recorded

    class Meta:
        verbose_name = _("gast")
        verbose_name_plural = _("gasten")
        ordering = ["name", "pk"]
        constraints = [models.UniqueConstraint(fields=["session", "email"], name="guest_once")]

    def __str__(self):
        return self.name


class CalendarKey(models.Model):
    """Which version of a person's private calendar address is valid. The address itself
    is signed, not stored (bijeenkomsten/calendar.py); resetting raises the version, so every
    address given out before stops working."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="calendar_key"
    )
    version = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("agenda-adres")
        verbose_name_plural = _("agenda-adressen")

    def __str__(self):
        return f"{self.user} (versie {self.version})"


class SessionReport(Versioned):
    """What a session yielded: the minutes and the lessons learned (Markdown), and when
    they were shared with the members."""

    session = models.OneToOneField(Session, on_delete=models.CASCADE, related_name="report")
    minutes = markdown_field(_("verslag"))
    lessons = markdown_field(_("geleerde lessen"))
    shared_at = models.DateTimeField(_("gedeeld op"), null=True, blank=True, editable=False)

    HISTORY_SKIPS = Versioned.HISTORY_SKIPS | {"session", "shared_at"}

    class Meta:
        verbose_name = _("sessieverslag")
        verbose_name_plural = _("sessieverslagen")

    def __str__(self):
        return str(_("Verslag van %(theme)s") % {"theme": self.session.theme})


class ActionPoint(VersionChecked):
    """Something agreed: what, who, by when, and whether it is done. Most are agreed at a
    session; others in another talk of the network, such as its yearly review. Open ones
    come back in the next session's preparation and on their owner's task list."""

    network = models.ForeignKey(Network, on_delete=models.CASCADE, related_name="actions")
    # A deleted session leaves its action points with the network: they were agreed.
    session = models.ForeignKey(
        Session, on_delete=models.SET_NULL, null=True, blank=True, related_name="actions"
    )
    agreed_on = models.DateField(_("afgesproken op"))
    what = models.CharField(_("wat"), max_length=250)
    owner = models.ForeignKey(
        Membership,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="action_points",
        verbose_name=_("wie"),
    )
    due_on = models.DateField(_("klaar op"), null=True, blank=True)
    done_at = models.DateTimeField(_("gedaan op"), null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("actiepunt")
        verbose_name_plural = _("actiepunten")
        ordering = ["done_at", "due_on", "pk"]

    def __str__(self):
        return self.what

    def save(self, *args, **kwargs):
        # One place says where a session's action point belongs and when it was agreed.
        if self.session_id:
            self.network_id = self.session.network_id
            self.agreed_on = self.agreed_on or self.session.date
        super().save(*args, **kwargs)


def _photo_path(photo: "SessionPhoto", filename: str) -> str:
    # A random name with the suffix of what the file really is: the uploader's name says
    # nothing, and guessing one gets nothing (files are served only through the
    # session's permission check anyway).
    suffix = SessionPhoto.SUFFIXES[photo.content_type]
    return f"verslagen/{photo.session.network_id}/{photo.session_id}/{uuid.uuid4().hex}{suffix}"


class SessionPhoto(models.Model):
    """Visual minutes: a photo of a flip-over or drawing, or a PDF, kept with the report."""

    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="photos")
    file = models.FileField(_("bestand"), upload_to=_photo_path)
    caption = models.CharField(_("onderschrift"), max_length=200, blank=True)
    content_type = models.CharField(max_length=50, editable=False)
    size = models.PositiveIntegerField(editable=False)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        editable=False,
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)

    SUFFIXES = {
        "image/jpeg": ".jpg",
        "image/png": ".png",
        "image/webp": ".webp",
        "application/pdf": ".pdf",
    }

    class Meta:
        verbose_name = _("foto of bestand bij het verslag")
        verbose_name_plural = _("foto's en bestanden bij het verslag")
        ordering = ["uploaded_at", "pk"]

    def __str__(self):
        return self.caption or str(_("Foto bij het verslag"))

    @property
    def is_image(self) -> bool:
        return self.content_type.startswith("image/")


class Terugblik(models.Model):
    """A participant looking back on a session: what went well, and what they need for
    the next step. Read by the planners without names, grouped per question."""

    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="terugblikken")
    membership = models.ForeignKey(Membership, on_delete=models.CASCADE, related_name="+")
    went_well = models.TextField(_("wat ging goed?"), blank=True)
    needs = models.TextField(_("wat heb je nodig voor de volgende stap?"), blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("terugblik")
        verbose_name_plural = _("terugblikken")
        constraints = [
            models.UniqueConstraint(fields=["session", "membership"], name="terugblik_once")
        ]

    def __str__(self):
        return f"{self.membership}: {self.session}"


class WerkvormRating(models.Model):
    """How a participant rated a werkvorm used in a session, from 1 to 5."""

    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="ratings")
    membership = models.ForeignKey(Membership, on_delete=models.CASCADE, related_name="+")
    werkvorm = models.ForeignKey(
        "werkvormen.Werkvorm", on_delete=models.CASCADE, related_name="ratings"
    )
    score = models.PositiveSmallIntegerField(_("waardering"))

    class Meta:
        verbose_name = _("waardering van een werkvorm")
        verbose_name_plural = _("waarderingen van werkvormen")
        constraints = [
            models.UniqueConstraint(
                fields=["session", "membership", "werkvorm"], name="rating_once"
            ),
            models.CheckConstraint(
                condition=models.Q(score__gte=1, score__lte=5), name="rating_from_1_to_5"
            ),
        ]

    def __str__(self):
        return f"{self.werkvorm}: {self.score}"
