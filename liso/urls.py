from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from liso import forms, views

# The database away answers 503 with Retry-After instead of 500 (liso/views.py).
handler500 = views.server_error

account_urls = [
    path("account/inloggen/", views.LoginView.as_view(), name="login"),
    path("account/uitloggen/", views.LogoutView.as_view(), name="logout"),
    path(
        "account/wachtwoord-vergeten/",
        auth_views.PasswordResetView.as_view(
            form_class=forms.PasswordResetForm,
            email_template_name="registration/password_reset_email.txt",
            subject_template_name="registration/password_reset_subject.txt",
        ),
        name="password_reset",
    ),
    path(
        "account/wachtwoord-vergeten/verstuurd/",
        auth_views.PasswordResetDoneView.as_view(),
        name="password_reset_done",
    ),
    path(
        "account/nieuw-wachtwoord/<uidb64>/<token>/",
        # Whoever chose a new password through the mailed link is logged in straight away,
        # so someone guessing at the account cannot block its owner in between.
        auth_views.PasswordResetConfirmView.as_view(
            form_class=forms.SetPasswordForm, post_reset_login=True
        ),
        name="password_reset_confirm",
    ),
    path(
        "account/nieuw-wachtwoord/klaar/",
        auth_views.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
    path(
        "account/wachtwoord/",
        auth_views.PasswordChangeView.as_view(form_class=forms.PasswordChangeForm),
        name="password_change",
    ),
    path(
        "account/wachtwoord/gewijzigd/",
        auth_views.PasswordChangeDoneView.as_view(),
        name="password_change_done",
    ),
    path("account/profiel/", views.profile, name="profile"),
    path("account/mijn-gegevens.json", views.personal_data, name="personal_data"),
    path("account/verwijderen/", views.account_remove, name="account_remove"),
    path("account/meldingen/", views.notification_settings, name="notification_settings"),
    path("account/e-mailadres-bevestigen/<str:token>/", views.email_confirm, name="email_confirm"),
    path("account/aanmelden/", views.signup, name="signup"),
    path("account/aanmelden/verstuurd/", views.signup_done, name="signup_done"),
    path("account/aanmelden/bevestigen/<str:token>/", views.signup_confirm, name="signup_confirm"),
]

# The footer's public pages, each with the text the install sets in the admin.
site_page_urls = [
    path("contact/", views.site_page, {"key": "contact"}, name="contact"),
    path("privacy/", views.site_page, {"key": "privacy"}, name="privacy"),
    path(
        "toegankelijkheid/",
        views.site_page,
        {"key": "toegankelijkheid"},
        name="accessibility_statement",
    ),
    path("colofon/", views.site_page, {"key": "colofon"}, name="colofon"),
]

admin.site.site_header = "LISO Leernetwerken: beheer"
admin.site.site_title = "LISO-beheer"
admin.site.index_title = "Catalogus en gebruikers"

urlpatterns = [
    path("", views.home, name="home"),
    path("healthz", views.healthz, name="healthz"),
    *account_urls,
    *site_page_urls,
    path("", include("networks.urls")),
    path("", include("opstart.urls")),
    path("", include("werkvormen.urls")),
    path("", include("bijeenkomsten.urls")),
    path("", include("phases.urls")),
    path("", include("kernelements.urls")),
    path("", include("rapportage.urls")),
    path("", include("afsluiting.urls")),
    path("", include("transfer.urls")),  # before the admin: it adds a page under beheer/
    path("beheer/", admin.site.urls),
]
