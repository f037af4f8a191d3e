from django.contrib import admin

from werkvormen.models import Werkvorm, WerkvormLabel


class WerkvormLabelInline(admin.TabularInline):
    model = WerkvormLabel
    extra = 1


@admin.register(Werkvorm)
class WerkvormAdmin(admin.ModelAdmin):
    list_display = ["name", "code", "duration_min", "duration_max", "shipped"]
    list_filter = ["shipped", "labels__kind"]
    search_fields = ["name", "summary", "code"]
    prepopulated_fields = {"code": ["name"]}
    inlines = [WerkvormLabelInline]

    def save_related(self, request, form, formsets, change):
        # The labels are saved with the inline; only then is the search text complete.
        super().save_related(request, form, formsets, change)
        werkvorm = form.instance
        werkvorm.refresh_search_text()
        werkvorm.save(update_fields=["search_text"])
        Werkvorm.objects.filter(pk=werkvorm.pk).update_search_vectors()
