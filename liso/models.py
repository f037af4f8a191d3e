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

    objects = UserManager()

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

    def get_full_name(self):
        return self.full_name

    def get_short_name(self):
        return self.full_name.split(" ")[0] if self.full_name else self.email
