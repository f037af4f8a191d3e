from django.contrib import admin

from werkvormen.models import Werkvorm, WerkvormLabel


class WerkvormLabelInline(admin.TabularInline):
    model = WerkvormLabel
    extra = 1


class SharedWerkvormenOnly:
    """For the method's reference content (phases, aandachtspunten, struikelblokken): it
    is public, so it may point at shared werkvormen only, never at a network's own."""

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.related_model is Werkvorm:
            kwargs["queryset"] = Werkvorm.objects.shared()
        return super().formfield_for_manytomany(db_field, request, **kwargs)


@admin.register(Werkvorm)
class WerkvormAdmin(admin.ModelAdmin):
    list_display = ["name", "code", "network", "source", "duration_min", "duration_max", "shipped"]
    list_filter = ["shipped", "source", "network", "labels__kind"]
    list_select_related = ["network"]
    search_fields = ["name", "summary", "code"]
    readonly_fields = ["network", "based_on", "updated_by"]
    prepopulated_fields = {"code": ["name"]}
    inlines = [WerkvormLabelInline]

    def save_related(self, request, form, formsets, change):
        # The labels are saved with the inline; only then is the search text complete.
        super().save_related(request, form, formsets, change)
        werkvorm = form.instance
        werkvorm.refresh_search_text()
        werkvorm.save(update_fields=["search_text"])
        Werkvorm.objects.filter(pk=werkvorm.pk).update_search_vectors()
