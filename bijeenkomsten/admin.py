from django.contrib import admin

from bijeenkomsten.models import PreparationStep


@admin.register(PreparationStep)
class PreparationStepAdmin(admin.ModelAdmin):
    list_display = ["title", "weeks", "role"]
    list_filter = ["role"]
