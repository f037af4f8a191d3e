"""Password rules with Dutch words where Django's translation lags behind (its Dutch
catalogue misses the minimum length message of Django 6, which then shows in English)."""

from django.contrib.auth.password_validation import MinimumLengthValidator
from django.utils.translation import ngettext


class MinimumLength(MinimumLengthValidator):
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
