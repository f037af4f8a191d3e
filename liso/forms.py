"""Form plumbing shared by every app: NL Design System markup for each field, and the
account forms (login with throttling, profile)."""

from django import forms
from django.conf import settings
from django.contrib.auth import forms as auth_forms
from django.contrib.auth import password_validation
from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models.fields import BLANK_CHOICE_LABEL
from django.forms.models import ModelChoiceIterator
from django.forms.renderers import TemplatesSetting
from django.template.loader import render_to_string
from django.utils.functional import SimpleLazyObject
from django.utils.safestring import SafeString
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from liso import form_markup, outbox, ranges, texts, throttle
from liso.html import escape
from liso.models import User

# Widgets every form uses alike: a date and time picker in the browser, text areas by height.
DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
TIME = forms.TimeInput(attrs={"type": "time"}, format="%H:%M")


def text_area(rows: int = 6) -> forms.Textarea:
    return forms.Textarea(attrs={"rows": rows})


class FormRenderer(TemplatesSetting):
    """Renders `{{ form }}` and `{{ field.as_field_group }}` with the design system's
    form-field markup, so no template repeats the label/help/error markup. The field and the
    plain controls are made in Python (liso/form_markup.py), the rest by the templates."""

    form_template_name = "components/form.html"
    field_template_name = form_markup.FIELD_TEMPLATE

    def render(self, template_name, context, request=None):
        in_python = form_markup.IN_PYTHON.get(template_name)
        if in_python is not None:
            return in_python(context)
        return super().render(template_name, context, request)


# The design system's class per kind of control; one place decides how a widget looks.
WIDGET_CLASSES = {
    "checkbox": "utrecht-checkbox utrecht-checkbox--html-input",
    "radio": "utrecht-radio-button utrecht-radio-button--html-input",
    "select": "utrecht-select utrecht-select--html-select",
    "textarea": "utrecht-textarea utrecht-textarea--html-textarea",
    "text": "utrecht-textbox utrecht-textbox--html-input",
}


def widget_kind(widget: forms.Widget) -> str:
    if isinstance(widget, forms.CheckboxInput | forms.CheckboxSelectMultiple):
        return "checkbox"
    if isinstance(widget, forms.RadioSelect):
        return "radio"
    if isinstance(widget, forms.Select):
        return "select"
    if isinstance(widget, forms.Textarea):
        return "textarea"
    return "text"


class FastSelect(forms.Select):
    """A plain <select> rendered in Python. Django renders every <option> through its own
    template, which made a filter form with a few dozen options the slowest part of a page.
    Plain string joins, not format_html per option: that was most of a long list's cost."""

    def render(self, name, value, attrs=None, renderer=None):
        widget = self.get_context(name, value, attrs)["widget"]
        options = "".join(
            f'<option value="{escape(option["value"])}"'
            f"{' selected' if option['selected'] else ''}>{escape(option['label'])}</option>"
            for _group, group_options, _index in widget["optgroups"]
            for option in group_options
        )
        attributes = form_markup.attributes(widget["attrs"])
        return SafeString(f'<select name="{escape(widget["name"])}"{attributes}>{options}</select>')


class FastChoiceInputs:
    """A group of checkboxes or radio buttons rendered in Python, with the markup Django's
    templates give (a checkbox per member of a network made a form with sixty members
    slow, and Django renders each option through three templates)."""

    def render(self, name, value, attrs=None, renderer=None):
        widget = self.get_context(name, value, attrs)["widget"]
        input_type = escape(self.input_type)
        inputs = "".join(
            f'<div><label for="{escape(option["attrs"]["id"])}"><input type="{input_type}"'
            f' name="{escape(option["name"])}" value="{escape(option["value"])}"'
            f"{form_markup.attributes(option['attrs'])}> {escape(option['label'])}</label></div>"
            for _group, group_options, _index in widget["optgroups"]
            for option in group_options
        )
        # The wrapper keeps only the group's id and class, in the template's order.
        attrs = widget["attrs"]
        wrapper = "".join(
            f' {key}="{escape(attrs[key])}"' for key in ("id", "class") if attrs.get(key)
        )
        return SafeString(f"<div{wrapper}>{inputs}</div>")


class FastCheckboxes(FastChoiceInputs, forms.CheckboxSelectMultiple):
    pass


class FastRadios(FastChoiceInputs, forms.RadioSelect):
    pass


class OptionsInOneQuery(ModelChoiceIterator):
    """A model choice field's options read with one plain query. Django reads them with
    `queryset.iterator()`, which on PostgreSQL opens a server-side cursor: four round trips
    (declare, two fetches, close) for a list of a few options, 1 ms of a form page."""

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        for instance in self.queryset.all():
            yield self.choice(instance)


def offer(field, rows, label=None) -> None:
    """Give a model choice field's widget its options from `rows`, a values_list of the
    pk and the label (or what `label` makes the label of): the same options and markup,
    without a model instance (and its related ones) per option. They are read when the
    widget is rendered, as before; the field keeps its queryset, which checks what is sent."""
    empty = [] if field.empty_label is None else [("", field.empty_label)]

    def options():
        return [*empty, *(rows if label is None else ((pk, label(*row)) for pk, *row in rows))]

    field.widget.choices = options  # called when rendered (Django's CallableChoiceIterator)


def offer_read_once(field, read) -> None:
    """`offer` the rows the function `read` gives (a query compiled once, say), read when
    the widget is rendered and once only, however often the widget looks at its options."""
    offer(field, SimpleLazyObject(read))


class StyledFormMixin:
    """Gives every visible widget the design system's class for its kind."""

    # Say "(niet verplicht)" beside optional fields; a search or filter form, where every
    # field is optional, turns it off.
    mark_optional = True
    # Date fields with a stricter range than ranges.ANY, by name (liso/ranges.py).
    DATE_RANGES: dict = {}
    # Fields the form demands only in some cases, by name, with the case in a few words
    # ("nodig bij een meetbare indicator"): the label says that instead of "(niet
    # verplicht)", so it never promises what clean() then refuses.
    CONDITIONS: dict = {}

    @staticmethod
    def _dutch_blank_choice(field) -> None:
        # Django 6's new blank label has no Dutch translation yet.
        if isinstance(field, forms.ModelChoiceField):
            # Its empty label is an attribute; reading its choices would cost a query.
            if field.empty_label is not None and str(field.empty_label) == str(BLANK_CHOICE_LABEL):
                field.empty_label = _("Maak een keuze")
            return
        choices = getattr(field, "choices", None)
        if choices and str(choices[0][1]) == str(BLANK_CHOICE_LABEL):
            field.choices = [("", _("Maak een keuze")), *list(choices)[1:]]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._prepare_fields()

    def _prepare_fields(self) -> None:
        """Each field once: the fast widgets, the design system's classes, the ranges of
        dates (liso/ranges.py) and the rules of text (liso/texts.py). Run at init, and again
        before a field is rendered or the form cleaned, for fields a subclass added after
        this init (a lesson per perspective, a finding per kernelement)."""
        for name, field in self.fields.items():
            if not getattr(field, "prepared", False):
                self._prepare(name, field)
                field.prepared = True
        if self.is_bound:
            one_line = {
                self.add_prefix(name)
                for name, field in self.fields.items()
                if texts.is_one_line(field)
            }
            self.data = texts.cleaned_data_of(self.data, one_line)

    def _prepare(self, name: str, field: forms.Field) -> None:
        if isinstance(field, forms.ModelChoiceField) and field.iterator is ModelChoiceIterator:
            field.iterator = OptionsInOneQuery
            if isinstance(field.widget.choices, ModelChoiceIterator):  # not given by offer()
                field.widget.choices = field.choices
        if type(field.widget) is forms.Select:
            field.widget = FastSelect(attrs=field.widget.attrs, choices=field.widget.choices)
        elif type(field.widget) is forms.CheckboxSelectMultiple:
            field.widget = FastCheckboxes(attrs=field.widget.attrs, choices=field.widget.choices)
        elif type(field.widget) is forms.RadioSelect:
            field.widget = FastRadios(attrs=field.widget.attrs, choices=field.widget.choices)
        self._dutch_blank_choice(field)
        field.condition = self.CONDITIONS.get(name)
        css_class = WIDGET_CLASSES[widget_kind(field.widget)]
        existing = field.widget.attrs.get("class", "")
        field.widget.attrs["class"] = f"{existing} {css_class}".strip()
        if isinstance(field, forms.DateField):
            ranges.limit_date_field(field, self.DATE_RANGES.get(name, ranges.ANY))
        texts.limit_text_field(field)

    def __getitem__(self, name):
        field = self.fields.get(name)
        if field is not None and not getattr(field, "prepared", False):
            self._prepare(name, field)
            field.prepared = True
        return super().__getitem__(name)

    def full_clean(self):
        self._prepare_fields()
        super().full_clean()


class LoginForm(StyledFormMixin, auth_forms.AuthenticationForm):
    """Log in with e-mail and password. Every try is counted before the password is checked
    (liso/throttle.py): after too many failures for that address, or from that client, a
    try is refused for a while without checking the password. A login that works takes its
    try back; a new password chosen through "Wachtwoord vergeten?" lifts the address's
    block (SetPasswordForm), so whoever guesses at someone's account cannot keep its owner
    out.

    An account that signed up but has not confirmed its address yet is inactive, so Django
    refuses it like a wrong password. That is on purpose: a separate message would tell
    anyone who types an address that it signed up here. The message for a wrong password
    reminds a new person to open the link in their mail first instead. An address without
    an account costs the same work as one with: Django hashes the typed password either way.
    """

    username = auth_forms.UsernameField(
        label=_("E-mailadres"),
        widget=forms.EmailInput(attrs={"autofocus": True, "autocomplete": "username"}),
    )
    error_messages = {
        "invalid_login": _(
            "Dit e-mailadres en wachtwoord horen niet bij elkaar. Controleer ze en probeer "
            "het opnieuw. Heb je je net aangemeld? Open dan eerst de link in de mail die we "
            "je stuurden."
        ),
        "inactive": _(
            "Dit account is uitgeschakeld. Neem contact op met de trekker van je netwerk."
        ),
        throttle.ADDRESS: ngettext_lazy(
            "Er is te vaak een verkeerd wachtwoord ingevuld voor dit e-mailadres. Probeer het "
            "over %(minutes)s minuut opnieuw. Is dit jouw account? Kies dan via “Wachtwoord "
            "vergeten?” een nieuw wachtwoord: daarna kun je meteen weer inloggen.",
            "Er is te vaak een verkeerd wachtwoord ingevuld voor dit e-mailadres. Probeer het "
            "over %(minutes)s minuten opnieuw. Is dit jouw account? Kies dan via “Wachtwoord "
            "vergeten?” een nieuw wachtwoord: daarna kun je meteen weer inloggen.",
            "minutes",
        ),
        throttle.CLIENT: ngettext_lazy(
            "Vanaf deze internetverbinding is te vaak een verkeerd wachtwoord ingevuld. "
            "Probeer het over %(minutes)s minuut opnieuw.",
            "Vanaf deze internetverbinding is te vaak een verkeerd wachtwoord ingevuld. "
            "Probeer het over %(minutes)s minuten opnieuw.",
            "minutes",
        ),
    }

    def clean(self):
        email = self.cleaned_data.get("username")
        if not (email and self.cleaned_data.get("password")):
            return super().clean()  # nothing is checked; the fields say what is missing
        refused = throttle.LOGIN.attempt(self.request, email)
        if refused:
            minutes = max(1, settings.LOGIN_FAILURE_WINDOW_SECONDS // 60)
            raise forms.ValidationError(
                self.error_messages[refused], code="throttled", params={"minutes": minutes}
            )
        cleaned = super().clean()  # a wrong password raises here and stays counted
        throttle.LOGIN.forgive(self.request, email)
        return cleaned


class PasswordResetForm(StyledFormMixin, auth_forms.PasswordResetForm):
    """Ask for a link to choose a new password. What follows is the same page whether the
    address has an account or not, and whether or not a mail goes out."""

    email = forms.EmailField(
        label=_("E-mailadres"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )

    def save(self, **kwargs):
        if self.mail_allowed(kwargs.get("request")):
            super().save(**kwargs)

    def mail_allowed(self, request) -> bool:
        """Whether this request may send its mail: a few per address and per client in a
        window (PASSWORD_RESET_LIMIT, PASSWORD_RESET_CLIENT_LIMIT). Every request counts
        alike, before anyone is looked up, so the limit tells nothing about which addresses
        have an account and costs the same for both."""
        return throttle.PASSWORD_RESETS.attempt(request, self.cleaned_data["email"]) is None

    def send_mail(
        self,
        subject_template_name,
        email_template_name,
        context,
        from_email,
        to_email,
        html_email_template_name=None,
    ):
        """Queued like every mail (liso/outbox.py): the request never waits for the mail
        server, so how long it takes tells nothing about whether the address has an
        account."""
        subject = "".join(render_to_string(subject_template_name, context).splitlines())
        body = render_to_string(email_template_name, context)
        message = EmailMessage(subject, body, from_email, [to_email])
        outbox.queue(message, user=context.get("user"))


NEW_PASSWORD_HELP = _(
    "Minstens 8 tekens. Niet alleen cijfers, geen veelgebruikt wachtwoord en niet te veel "
    "zoals je naam of e-mailadres."
)


class NewPasswordMixin:
    """Says in one plain sentence what a new password must be, instead of Django's list."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["new_password1"].help_text = NEW_PASSWORD_HELP
        self.fields["new_password2"].help_text = _("Typ hetzelfde wachtwoord nog een keer.")


class SetPasswordForm(NewPasswordMixin, StyledFormMixin, auth_forms.SetPasswordForm):
    """A new password through the link mailed by "Wachtwoord vergeten?". Whoever opened
    that link holds the account's mailbox, so the block that failed logins put on the
    address ends here: a stranger's wrong guesses cannot keep the owner out."""

    @transaction.atomic
    def save(self, commit=True):
        user = super().save(commit=commit)
        throttle.LOGIN.forget_address(user.email)
        return user


class PasswordChangeForm(NewPasswordMixin, StyledFormMixin, auth_forms.PasswordChangeForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["old_password"].label = _("Huidig wachtwoord")


class NewAccountForm(StyledFormMixin, forms.Form):
    """A name and a password of one's own, for someone new: signing up, or accepting an
    invitation without an account. The password is checked by the install's rules
    (AUTH_PASSWORD_VALIDATORS), against the name and the address too."""

    full_name = forms.CharField(
        label=_("Je naam"),
        max_length=150,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
        help_text=_("Zo zien de andere leden van je netwerken je."),
    )
    password1 = forms.CharField(
        label=_("Kies een wachtwoord"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=NEW_PASSWORD_HELP,
    )
    password2 = forms.CharField(
        label=_("Herhaal het wachtwoord"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=_("Typ hetzelfde wachtwoord nog een keer."),
    )

    def account_email(self) -> str:
        """The address the account will have, for the password check: the one typed on
        the form (an invitation's form knows it from the invitation instead)."""
        return self.cleaned_data.get("email", "")

    def clean(self):
        cleaned = super().clean()
        first, second = cleaned.get("password1"), cleaned.get("password2")
        if first and second and first != second:
            self.add_error("password2", _("De twee wachtwoorden zijn niet gelijk."))
        elif first:
            person = User(email=self.account_email(), full_name=cleaned.get("full_name", ""))
            try:
                password_validation.validate_password(first, person)
            except forms.ValidationError as error:
                self.add_error("password1", error)
        return cleaned


class SignupForm(NewAccountForm):
    """Signing up: the address is confirmed by a link before the account works
    (liso/signup.py), and whether it has an account already is never told here."""

    email = forms.EmailField(
        label=_("E-mailadres"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        help_text=_("Hiermee log je in. We sturen er een link naar om het te bevestigen."),
    )
    field_order = ["full_name", "email", "password1", "password2"]

    def __init__(self, *args, request, **kwargs):
        super().__init__(*args, **kwargs)
        self.request = request

    def clean_email(self):
        return User.objects.normalize_email(self.cleaned_data["email"])

    def clean(self):
        cleaned = super().clean()
        email = cleaned.get("email")
        # Counted only for a sign-up that goes through (each sends a mail), and counted
        # before it does, so sign-ups sent at once cannot pass the limit together.
        if email and not self.errors and throttle.SIGNUP.attempt(self.request, email):
            raise forms.ValidationError(
                _(
                    "Er is de laatste tijd te vaak een aanmelding verstuurd, voor dit "
                    "e-mailadres of vanaf deze computer. Wacht een uur en probeer het dan "
                    "opnieuw. Kijk intussen ook in je mail: misschien is de link er al."
                ),
                code="throttled",
            )
        return cleaned


class ProfileForm(StyledFormMixin, forms.ModelForm):
    class Meta:
        model = User
        fields = ["full_name", "email"]
        labels = {"full_name": _("Naam"), "email": _("E-mailadres")}
        help_texts = {
            "full_name": _("Zo zien de andere leden van je netwerken je."),
            "email": _(
                "Hiermee log je in; berichten van het netwerk komen op dit adres. Een nieuw "
                "adres bevestig je met een link die we naar dat adres mailen."
            ),
        }
        widgets = {
            "full_name": forms.TextInput(attrs={"autocomplete": "name"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
        }

    # The model's own checks would tell whether the new address has an account; this
    # form takes any valid address, and liso/email_change.py tells only the address's
    # owner. The change itself waits for the link, so the saved row never holds the new
    # address here.
    def validate_unique(self):
        self._validate_without_email(self.instance.validate_unique)

    def validate_constraints(self):
        self._validate_without_email(self.instance.validate_constraints)

    def _validate_without_email(self, validate) -> None:
        try:
            validate(exclude=self._get_validation_exclusions() | {"email"})
        except forms.ValidationError as error:
            self._update_errors(error)

    def clean_email(self):
        return User.objects.normalize_email(self.cleaned_data["email"])


class PasswordCheckForm(StyledFormMixin, forms.Form):
    """Asks for the person's own password before a step only they may take."""

    password = forms.CharField(
        label=_("Je wachtwoord"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        help_text=_("Ter bevestiging dat jij het bent."),
    )
    WRONG = _("Dit wachtwoord klopt niet.")

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(self.WRONG, code="wrong_password")
        return password


class AccountRemoveForm(PasswordCheckForm):
    """Removing one's account asks for the password: whoever finds a computer still logged
    in cannot do it."""

    WRONG = _("Dit wachtwoord klopt niet. Je account is niet verwijderd.")


class SignupConfirmForm(PasswordCheckForm):
    """Confirming a sign-up asks for the password chosen then (liso/signup.py says why)."""

    WRONG = _(
        "Dit is niet het wachtwoord dat bij deze aanmelding hoort. Heb jij je niet zelf "
        "aangemeld? Meld je dan opnieuw aan met je eigen wachtwoord: deze link vervalt dan."
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["password"].help_text = _("Het wachtwoord dat je bij het aanmelden koos.")
