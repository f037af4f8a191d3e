from django.contrib import admin

from phases.models import Phase, ReflectionPrompt
from werkvormen.admin import SharedWerkvormenOnly


@admin.register(Phase)
class PhaseAdmin(SharedWerkvormenOnly, admin.ModelAdmin):
    list_display = ["__str__", "goal"]
    filter_horizontal = ["werkvormen"]


@admin.register(ReflectionPrompt)
class ReflectionPromptAdmin(admin.ModelAdmin):
    list_display = ["question", "level", "kernelement"]
    list_filter = ["level", "kernelement"]
