import sys

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login, logout
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.db import DatabaseError, InterfaceError, OperationalError, connection
from django.http import HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import defaults
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from liso import account, email_change, notifications, personal, sitepages
from liso import home as home_sections
from liso import signup as signups
from liso.forms import AccountRemoveForm, LoginForm, ProfileForm, SignupConfirmForm, SignupForm

# What the page after a sign-up tells: the address, and whether the mail went out.
SIGNUP_SESSION_KEY = "liso-signup"


@login_not_required
def home(request):
    """The front door: what the product does for a visitor, "Mijn netwerken" for a member."""
    if not request.user.is_authenticated:
        return render(request, "liso/landing.html", {"signup_open": signups.signup_open()})
    blocks, anything_next = home_sections.sections_for(request)
    return render(request, "liso/home.html", {"blocks": blocks, "anything_next": anything_next})


@login_not_required
@require_GET
@never_cache
def healthz(request):
    """For load balancers and monitoring: 200 when this server can reach its database."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return JsonResponse({"status": "error", "database": "unreachable"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})


EMAIL_CHANGE_QUEUED = gettext_lazy(
    "Je naam is opgeslagen. We sturen een mail naar %(email)s: open de link daarin om je "
    "nieuwe e-mailadres te bevestigen. Tot dan blijft je oude adres gelden."
)


def profile(request):
    """Name and e-mail address. A new address only counts once it is confirmed by mail."""
    user = request.user
    current_email = user.email
    form = ProfileForm(request.POST or None, instance=user)
    if request.method == "POST" and form.is_valid():
        new_email = form.cleaned_data["email"]
        user.email = current_email
        user.save(update_fields=["full_name"])
        if new_email.lower() != current_email.lower():
            # The same answer whether the address is taken or not (email_change says why).
            email_change.email_change_request(request=request, user=user, new_email=new_email)
            messages.info(request, EMAIL_CHANGE_QUEUED % {"email": new_email})
        else:
            messages.success(request, _("Je gegevens zijn opgeslagen."))
        return redirect("profile")
    return render(request, "liso/profile.html", {"form": form})


def email_confirm(request, token):
    try:
        email = email_change.email_change_confirm(request=request, user=request.user, token=token)
    except email_change.EmailChangeError as error:
        return render(request, "liso/email_confirm_failed.html", {"reason": str(error)}, status=400)
    text = _(
        "Je e-mailadres is nu %(email)s. We sturen je oude adres een mail dat het is gewijzigd."
    ) % {"email": email}
    messages.success(request, text)
    return redirect("profile")


@login_not_required
def signup(request):
    """Sign up with name, address and password; the account works once the link in the
    mail is opened (liso/signup.py). Whether the address has an account already, the
    visitor cannot tell from what follows."""
    if request.user.is_authenticated:
        return redirect("home")
    if not signups.signup_open():
        status = 403 if request.method == "POST" else 200
        return render(request, "registration/signup_closed.html", status=status)
    form = SignupForm(request.POST or None, request=request)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        signups.signup_request(
            full_name=data["full_name"],
            email=data["email"],
            password=data["password1"],
            base_url=notifications.base_url_of(request),
        )
        request.session[SIGNUP_SESSION_KEY] = {"email": data["email"]}
        return redirect("signup_done")
    return render(request, "registration/signup_form.html", {"form": form})


@login_not_required
def signup_done(request):
    if request.user.is_authenticated:
        return redirect("home")
    context = request.session.get(SIGNUP_SESSION_KEY, {})
    return render(request, "registration/signup_done.html", context)


@login_not_required
def signup_confirm(request, token):
    """The link in the confirmation mail: a page that asks for the password chosen at
    sign-up; with it, the account starts working and its owner is logged in."""
    try:
        user = signups.confirmable(token=token)
    except signups.SignupError as error:
        return _signup_link_failed(request, error)
    form = SignupConfirmForm(request.POST or None, user=user)
    if request.method == "POST" and form.is_valid():
        try:
            signups.signup_confirm(user)
        except signups.SignupError as error:
            return _signup_link_failed(request, error)
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        messages.success(
            request,
            _("Welkom, %(name)s! Je e-mailadres is bevestigd en je account is klaar.")
            % {"name": user.get_short_name()},
        )
        return redirect("home")
    return render(request, "registration/signup_confirm.html", {"form": form, "email": user.email})


def _signup_link_failed(request, error):
    context = {"reason": str(error), "signup_open": signups.signup_open()}
    return render(request, "registration/signup_confirm_failed.html", context, status=400)


class LoginView(auth_views.LoginView):
    """Log in; someone without an account is shown the way to one while signing up is open."""

    authentication_form = LoginForm
    redirect_authenticated_user = True

    def get_context_data(self, **kwargs):
        return super().get_context_data(signup_open=signups.signup_open(), **kwargs)


class LogoutView(auth_views.LogoutView):
    """Log out (POST only) and say so on the page the visitor lands on."""

    def post(self, request, *args, **kwargs):
        response = super().post(request, *args, **kwargs)
        messages.info(request, _("Je bent uitgelogd. Tot de volgende keer!"))
        return response


def notification_settings(request):
    """Per kind of news: right away, in one mail a day, or not at all."""
    if request.method == "POST":
        frequencies = {kind.code: request.POST.get(kind.code, "") for kind in notifications.kinds()}
        notifications.settings_save(user=request.user, frequencies=frequencies)
        messages.success(request, _("Je keuzes voor mail zijn opgeslagen."))
        return redirect("notification_settings")
    chosen = notifications.settings_of(request.user)
    rows = [
        (
            kind,
            [(code, notifications.FREQUENCY_LABELS[code]) for code in kind.choices],
            chosen[kind.code],
        )
        for kind in notifications.kinds()
    ]
    return render(
        request, "liso/notification_settings.html", {"rows": rows, "title": _("Mail die je krijgt")}
    )


def personal_data(request):
    """Everything kept about the person and all they wrote, as one file (AVG)."""
    return personal.personal_data_response(request.user)


def account_remove(request):
    """Remove one's own account, after saying what stays and what goes and asking for the
    password (liso/account.py does it)."""
    refusals = account.removal_refusals(request.user)
    form = AccountRemoveForm(request.POST or None, user=request.user)
    if request.method == "POST" and not refusals and form.is_valid():
        try:
            account.account_remove(user=request.user)
        except account.AccountRemovalRefused as refused:
            refusals = refused.reasons
        else:
            logout(request)
            messages.success(
                request,
                _(
                    "Je account is verwijderd en je bent uitgelogd. Wat je met je netwerken "
                    "deelde, staat er nog onder de naam “oud-lid”; je naam, je e-mailadres en "
                    "wat alleen jij kon lezen, zijn gewist."
                ),
            )
            return redirect("home")
    context = {"form": form, "refusals": refusals, "title": _("Account verwijderen")}
    return render(request, "liso/account_remove.html", context)


@login_not_required
@require_GET
def site_page(request, key):
    """One of the footer's pages (contact, privacy, accessibility, colofon): the install's
    text, or the product's default until staff write their own in the admin."""
    return render(
        request,
        "liso/site_page.html",
        {
            "page": sitepages.site_page(key),
            "contact_email": settings.CONTACT_EMAIL if key == sitepages.Key.CONTACT else "",
        },
    )


# How long a browser (or a person) should wait before trying again when the database is away.
RETRY_AFTER_SECONDS = 30


def server_error(request):
    """The 500 page, except when the database cannot be reached (a restart, an outage):
    then 503 with Retry-After and a page that says the service is briefly away and that
    what was just sent was not saved. Rendered without the request, as Django's own 500
    page is, so it needs no database to show."""
    if isinstance(sys.exc_info()[1], OperationalError | InterfaceError):
        response = HttpResponse(render_to_string("503.html"), status=503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response
    return defaults.server_error(request)
