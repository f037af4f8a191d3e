from django.contrib import admin

from networks.models import ChecklistItem, PerspectiveProfile, RoleProfile


@admin.register(RoleProfile)
class RoleProfileAdmin(admin.ModelAdmin):
    list_display = ["__str__", "min_hours_per_week", "order"]


@admin.register(PerspectiveProfile)
class PerspectiveProfileAdmin(admin.ModelAdmin):
    list_display = ["__str__", "summary", "order"]


@admin.register(ChecklistItem)
class ChecklistItemAdmin(admin.ModelAdmin):
    list_display = ["question", "checklist", "order"]
    list_filter = ["checklist"]
