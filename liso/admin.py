from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _

from liso import outbox, sitepages
from liso.models import OutgoingMail, PlatformSettings, SitePage, User


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    ordering = ["email"]
    list_display = ["email", "full_name", "is_staff", "is_active"]
    search_fields = ["email", "full_name"]
    fieldsets = [
        (None, {"fields": ["email", "full_name", "password"]}),
        (_("Rechten"), {"fields": ["is_active", "is_staff", "is_superuser", "groups"]}),
        (_("Datums"), {"fields": ["last_login", "date_joined", "removed_at"]}),
        (_("Aanmelding"), {"fields": ["awaiting_confirmation"]}),
    ]
    # Set only by removing the account (liso/account.py) and by signing up and confirming
    # (liso/signup.py).
    readonly_fields = ["removed_at", "awaiting_confirmation"]
    list_filter = ["is_active", "is_staff", "awaiting_confirmation"]
    add_fieldsets = [
        (None, {"classes": ["wide"], "fields": ["email", "full_name", "password1", "password2"]})
    ]


@admin.register(PlatformSettings)
class PlatformSettingsAdmin(admin.ModelAdmin):
    """The one row of choices for the whole install: staff change it, nobody adds another
    or deletes it (its list opens the row itself)."""

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def changelist_view(self, request, extra_context=None):
        settings = PlatformSettings.current()
        return redirect("admin:liso_platformsettings_change", settings.pk)


@admin.register(SitePage)
class SitePageAdmin(admin.ModelAdmin):
    """The footer's pages. A new one starts from the product's default text, so staff
    change what needs changing instead of starting from nothing."""

    list_display = ["title", "key", "updated_at"]
    readonly_fields = ["updated_at"]

    def get_changeform_initial_data(self, request):
        initial = super().get_changeform_initial_data(request)
        key = initial.get("key")
        if key in SitePage.Key.values:
            initial.setdefault("title", SitePage.Key(key).label)
            initial.setdefault("body", sitepages.default_body(key))
        return initial


@admin.register(OutgoingMail)
class OutgoingMailAdmin(admin.ModelAdmin):
    """Every mail of the install and whether it went out (liso/outbox.py): staff look,
    and send failed ones again; nobody writes or edits a mail here."""

    list_display = ["to", "subject", "status", "attempts", "last_error", "created_at", "sent_at"]
    list_filter = ["status"]
    search_fields = ["to", "subject", "topic"]
    date_hierarchy = "created_at"
    fields = ["to", "subject", "topic", "status", "attempts", "last_error", "next_attempt_at"]
    readonly_fields = fields
    actions = ["resend"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    @admin.action(description=_("Mislukte mails opnieuw versturen"))
    def resend(self, request, queryset):
        count = outbox.resend(queryset)
        self.message_user(
            request, _("%(n)s mails staan weer klaar om te versturen.") % {"n": count}
        )
