from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class UserManager(BaseUserManager):
    use_in_migrations = True

    def get_by_natural_key(self, username):
        # People type their address in any case; "Anna@Example.org" is the same person.
        return self.get(email__iexact=username)

    def create_user(self, email, full_name="", password=None, **extra_fields):
        if not email:
            raise ValueError("A user needs an e-mail address.")
        user = self.model(email=self.normalize_email(email), full_name=full_name, **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_superuser(self, email, full_name="", password=None, **extra_fields):
        extra_fields.update(is_staff=True, is_superuser=True)
        return self.create_user(email, full_name, password, **extra_fields)


class User(AbstractBaseUser, PermissionsMixin):
    """A person who logs in with their e-mail address.

    Roles are not stored here: what someone may do depends on the network, so it lives
    on their membership of that network.
    """

    email = models.EmailField(
        _("e-mailadres"),
        max_length=254,
        unique=True,
        error_messages={"unique": _("Er is al een account met dit e-mailadres.")},
    )
    full_name = models.CharField(_("naam"), max_length=150)
    is_active = models.BooleanField(_("actief"), default=True)
    is_staff = models.BooleanField(_("beheerder"), default=False)
    date_joined = models.DateTimeField(_("aangemaakt op"), default=timezone.now)
    # Set when the person removed their account (liso/account.py): the row stays, so what
    # they wrote for their networks keeps an author, shown as REMOVED_NAME.
    removed_at = models.DateTimeField(_("account verwijderd op"), null=True, blank=True)
    # Set by signing up (liso/signup.py) until the address is confirmed by the link in the
    # mail; such an account is inactive, so nobody can log in with it before that.
    awaiting_confirmation = models.BooleanField(_("wacht op bevestiging"), default=False)
    # Set when a new address is confirmed (liso/email_change.py): a confirmation link is
    # signed with it, so a link works once, also after changing back.
    email_changed_at = models.DateTimeField(_("e-mailadres gewijzigd op"), null=True, blank=True)

    objects = UserManager()

    # The name every page, PDF, list and history shows for a removed account: stored in
    # `full_name`, the one field all of them read.
    REMOVED_NAME = "oud-lid"

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["full_name"]

    class Meta:
        verbose_name = _("gebruiker")
        verbose_name_plural = _("gebruikers")
        constraints = [
            models.UniqueConstraint(
                Lower("email"),
                name="user_email_unique_ignoring_case",
                violation_error_message=_("Er is al een account met dit e-mailadres."),
            ),
        ]

    def __str__(self):
        return self.full_name or self.email

    def clean(self):
        super().clean()
        self.email = self.__class__.objects.normalize_email(self.email)

    @property
    def is_removed(self) -> bool:
        return self.removed_at is not None

    def get_full_name(self):
        return self.full_name

    def get_short_name(self):
        return self.full_name.split(" ")[0] if self.full_name else self.email


class PlatformSettings(models.Model):
    """Choices platform staff make for the whole install, in the admin, without a deploy.
    There is one row (pk 1), made with its defaults the first time it is read."""

    signup_open = models.BooleanField(
        _("aanmelden staat open"),
        default=True,
        help_text=_(
            "Aan: iedereen kan zelf een account aanmaken. Uit: alleen wie een uitnodiging "
            "krijgt van een trekker, komt erin. Uitnodigingen werken altijd."
        ),
    )

    class Meta:
        verbose_name = _("instellingen van het platform")
        verbose_name_plural = _("instellingen van het platform")

    def __str__(self):
        return str(_("Instellingen van het platform"))

    @classmethod
    def current(cls) -> "PlatformSettings":
        settings, _created = cls.objects.get_or_create(pk=1)
        return settings

    @classmethod
    def signup_is_open(cls) -> bool:
        """One query, and nothing written: before staff first save the row, the default
        holds."""
        chosen = cls.objects.filter(pk=1).values_list("signup_open", flat=True).first()
        return cls._meta.get_field("signup_open").default if chosen is None else chosen


class NotificationSetting(models.Model):
    """How a person wants to hear about one kind of news (liso/notifications.py)."""

    user = models.ForeignKey(
        "liso.User", on_delete=models.CASCADE, related_name="notification_settings"
    )
    kind = models.CharField(_("soort bericht"), max_length=30)
    frequency = models.CharField(_("hoe vaak"), max_length=10)

    class Meta:
        verbose_name = _("meldingsvoorkeur")
        verbose_name_plural = _("meldingsvoorkeuren")
        constraints = [
            models.UniqueConstraint(fields=["user", "kind"], name="notification_setting_once")
        ]

    def __str__(self):
        return f"{self.user}: {self.kind} {self.frequency}"


class QueuedNotice(models.Model):
    """A message for someone who wants it in their daily mail, waiting for that mail."""

    user = models.ForeignKey("liso.User", on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=30)
    text = models.TextField()
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.user}: {self.kind}"


class DailyMail(models.Model):
    """That someone's daily mail of `day` was sent: the command sends it once per day,
    however often it runs."""

    user = models.ForeignKey("liso.User", on_delete=models.CASCADE, related_name="+")
    day = models.DateField()
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "day"], name="daily_mail_once")]

    def __str__(self):
        return f"{self.user}: {self.day}"


class SitePage(models.Model):
    """The text of one of the footer's public pages (contact, privacy statement,
    accessibility statement, colofon), as the install sets it in the admin. A page without
    a row shows the product's own default text (liso/sitepages.py)."""

    class Key(models.TextChoices):
        CONTACT = "contact", _("Contact")
        PRIVACY = "privacy", _("Privacyverklaring")
        ACCESSIBILITY = "toegankelijkheid", _("Toegankelijkheidsverklaring")
        COLOFON = "colofon", _("Colofon")

    key = models.CharField(_("pagina"), max_length=20, choices=Key.choices, unique=True)
    title = models.CharField(_("titel"), max_length=120)
    body = models.TextField(
        _("tekst"),
        help_text=_(
            "In Markdown: **vet**, *schuin*, een regel met - voor een opsomming, "
            "[tekst](https://adres) voor een link, een regel met # voor een kop."
        ),
    )
    updated_at = models.DateTimeField(_("bijgewerkt op"), auto_now=True)

    class Meta:
        verbose_name = _("pagina in de voettekst")
        verbose_name_plural = _("pagina's in de voettekst")
        ordering = ["key"]

    def __str__(self):
        return self.title


class OutgoingMail(models.Model):
    """One mail to one address, kept from the moment it is written until the mail server
    took it (or we gave up): the worker sends it, tries again later when the server
    refuses, and pages tell from it whether a mail went out (liso/outbox.py)."""

    class Status(models.TextChoices):
        QUEUED = "wacht", _("wacht op versturen")
        SENT = "verstuurd", _("aangekomen bij de mailserver")
        FAILED = "mislukt", _("niet verstuurd")

    # What the mail is about, so a page can list who got mail about it, e.g.
    # "bijeenkomst-12-uitnodiging" (liso/outbox.py).
    topic = models.CharField(max_length=100, blank=True, db_index=True)
    user = models.ForeignKey(
        "liso.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    to = models.EmailField(max_length=254)
    subject = models.CharField(max_length=300)
    body = models.TextField()
    html = models.TextField(blank=True)
    reply_to = models.EmailField(max_length=254, blank=True)
    # [{"filename", "mimetype", "content" (base64)}]: a calendar file, say.
    attachments = models.JSONField(default=list, blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    attempts = models.PositiveSmallIntegerField(default=0)
    last_error = models.CharField(max_length=300, blank=True)
    next_attempt_at = models.DateTimeField(default=timezone.now)
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["status", "next_attempt_at"], name="mail_due")]

    def __str__(self):
        return f"{self.to}: {self.subject}"


class ThrottleCount(models.Model):
    """How often something was tried in a window (failed logins, sign-ups, password-reset
    mail...) for one address or one client, counted by liso/throttle.py. The key holds
    hashes, never an address itself; the daily job forgets a count once its window is over."""

    key = models.CharField(max_length=100, primary_key=True)
    count = models.PositiveIntegerField()
    expires_at = models.DateTimeField(db_index=True)

    def __str__(self):
        return f"{self.key}: {self.count}"


class Submission(models.Model):
    """That someone sent a creation form with this one-time token, and where it led: the
    same form sent again (a double click, a resent POST) creates nothing new (liso/once.py)."""

    user = models.ForeignKey("liso.User", on_delete=models.CASCADE, related_name="+")
    token = models.CharField(max_length=64)
    url = models.CharField(max_length=500, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "token"], name="submission_once")]

    def __str__(self):
        return f"{self.user}: {self.token}"
