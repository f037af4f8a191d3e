"""Django's password rules in the product's own Dutch words. Django's Dutch catalogue misses
the minimum length message of Django 6 (it showed in English), and the rest says "uw" where
the product says "je" ("lijkt te veel op de e-mailadres")."""

from django.contrib.auth import password_validation
from django.utils.translation import gettext, ngettext


class MinimumLength(password_validation.MinimumLengthValidator):
    def get_error_message(self):
        return (
            ngettext(
                "Dit wachtwoord is te kort: gebruik minstens %d teken.",
                "Dit wachtwoord is te kort: gebruik minstens %d tekens.",
                self.min_length,
            )
            % self.min_length
        )

    def get_help_text(self):
        return ngettext(
            "Je wachtwoord moet minstens %(min_length)d teken lang zijn.",
            "Je wachtwoord moet minstens %(min_length)d tekens lang zijn.",
            self.min_length,
        ) % {"min_length": self.min_length}


class LikeYourDetails(password_validation.UserAttributeSimilarityValidator):
    def get_error_message(self):
        # Django fills in the field's verbose name: "naam" or "e-mailadres".
        return gettext("Dit wachtwoord lijkt te veel op je %(verbose_name)s.")

    def get_help_text(self):
        return gettext("Je wachtwoord mag niet te veel op je naam of e-mailadres lijken.")


class NotCommon(password_validation.CommonPasswordValidator):
    def get_error_message(self):
        return gettext("Dit wachtwoord wordt te vaak gebruikt: kies een ander.")

    def get_help_text(self):
        return gettext("Kies geen wachtwoord dat veel mensen gebruiken.")


class NotOnlyDigits(password_validation.NumericPasswordValidator):
    def get_error_message(self):
        return gettext("Dit wachtwoord bestaat alleen uit cijfers: gebruik ook letters.")

    def get_help_text(self):
        return gettext("Je wachtwoord mag niet alleen uit cijfers bestaan.")
