from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.utils.translation import gettext_lazy as _

from liso import sitepages
from liso.models import SitePage, User


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    ordering = ["email"]
    list_display = ["email", "full_name", "is_staff", "is_active"]
    search_fields = ["email", "full_name"]
    fieldsets = [
        (None, {"fields": ["email", "full_name", "password"]}),
        (_("Rechten"), {"fields": ["is_active", "is_staff", "is_superuser", "groups"]}),
        (_("Datums"), {"fields": ["last_login", "date_joined", "removed_at"]}),
    ]
    readonly_fields = ["removed_at"]  # set only by removing the account (liso/account.py)
    add_fieldsets = [
        (None, {"classes": ["wide"], "fields": ["email", "full_name", "password1", "password2"]})
    ]


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
