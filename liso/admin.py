from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _

from liso.models import PlatformSettings, User


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
