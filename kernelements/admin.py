from django.contrib import admin

from kernelements.models import Aandachtspunt, Kernelement, Struikelblok
from werkvormen.admin import SharedWerkvormenOnly


class AandachtspuntInline(SharedWerkvormenOnly, admin.StackedInline):
    model = Aandachtspunt
    extra = 0
    filter_horizontal = ["werkvormen"]


@admin.register(Kernelement)
class KernelementAdmin(admin.ModelAdmin):
    list_display = ["__str__", "tagline", "order"]
    inlines = [AandachtspuntInline]


@admin.register(Struikelblok)
class StruikelblokAdmin(SharedWerkvormenOnly, admin.ModelAdmin):
    list_display = ["number", "title", "shipped"]
    filter_horizontal = ["kernelementen", "werkvormen"]
