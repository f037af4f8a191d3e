"""Phases, experiments with their rounds, and reflections (under /netwerken/<slug>/leren/)."""

from django.urls import path

from phases import views_experiments as experiments
from phases import views_learning as learning
from phases import views_reflections as reflections

base = "netwerken/<slug:slug>/leren/"
experiment = base + "experimenten/<int:pk>/"

urlpatterns = [
    path(base, learning.journey_home, name="journey_home"),
    path(base + "panelen/", learning.journey_panels_view, name="journey_panels"),
    path(base + "fase-<int:number>/", learning.phase_detail, name="phase_detail"),
    path(base + "fase/wijzigen/", learning.phase_change, name="phase_change"),
    path(base + "experimenten/", experiments.experiment_list, name="experiment_list"),
    path(base + "experimenten.csv", experiments.experiment_csv, name="experiment_csv"),
    path(base + "experimenten/nieuw/", experiments.experiment_add, name="experiment_add"),
    path(experiment, experiments.experiment_detail, name="experiment_detail"),
    path(experiment + "wijzigen/", experiments.experiment_edit, name="experiment_edit"),
    path(experiment + "starten/", experiments.experiment_start, name="experiment_start"),
    path(experiment + "afronden/", experiments.experiment_outcome, name="experiment_outcome"),
    path(experiment + "oordeel/", experiments.experiment_assessment, name="experiment_assessment"),
    path(experiment + "verwijderen/", experiments.experiment_delete, name="experiment_delete"),
    path(experiment + "waarnemingen/", experiments.observation_add, name="observation_add"),
    path(
        experiment + "waarnemingen/<int:observation>/foto/",
        experiments.observation_photo,
        name="observation_photo",
    ),
    path(
        experiment + "waarnemingen/<int:observation>/verwijderen/",
        experiments.observation_delete,
        name="observation_delete",
    ),
    path(base + "rondes/", experiments.round_list, name="round_list"),
    path(base + "rondes/openen/", experiments.round_open, name="round_open"),
    path(base + "rondes/<int:number>/", experiments.round_detail, name="round_detail"),
    path(base + "rondes/<int:number>/sluiten/", experiments.round_close, name="round_close"),
    path(base + "reflecties/", reflections.reflection_list, name="reflection_list"),
    path(base + "reflecties/nieuw/", reflections.reflection_add, name="reflection_add"),
    path(base + "reflecties/<int:pk>/", reflections.reflection_edit, name="reflection_edit"),
    path(
        base + "reflecties/<int:pk>/verwijderen/",
        reflections.reflection_delete,
        name="reflection_delete",
    ),
    path("leren/reflectie/", reflections.reflection_quick, name="reflection_quick"),
]
