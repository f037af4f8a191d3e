from django.urls import path

from phases import views, views_draaiboek, views_sessions

sessions = "netwerken/<slug:slug>/bijeenkomsten/"

urlpatterns = [
    path("werkwijze/fasen/<int:number>/", views.guide_phase, name="guide_phase"),
    path("werkwijze/bijeenkomsten/", views.guide_sessions, name="guide_sessions"),
    path(sessions, views_sessions.session_list, name="session_list"),
    path(sessions + "nieuw/", views_sessions.session_create, name="session_create"),
    path(sessions + "uit-jaarplanning/", views_sessions.sessions_from_planning,
         name="sessions_from_planning"),
    path(sessions + "voorbereiding/", views_sessions.preparation_template,
         name="preparation_template"),
    path(sessions + "voorbereiding/nieuw/", views_sessions.preparation_step_add,
         name="preparation_step_add"),
    path(sessions + "voorbereiding/toepassen/", views_sessions.preparation_template_apply,
         name="preparation_template_apply"),
    path(sessions + "voorbereiding/<int:pk>/", views_sessions.preparation_step_edit,
         name="preparation_step_edit"),
    path(sessions + "voorbereiding/<int:pk>/verwijderen/", views_sessions.preparation_step_delete,
         name="preparation_step_delete"),
    path(sessions + "<int:pk>/", views_sessions.session_detail, name="session_detail"),
    path(sessions + "<int:pk>/wijzigen/", views_sessions.session_edit, name="session_edit"),
    path(sessions + "<int:pk>/verwijderen/", views_sessions.session_delete,
         name="session_delete"),
    path(sessions + "<int:pk>/draaiboek/", views_draaiboek.draaiboek, name="draaiboek"),
    path(sessions + "<int:pk>/draaiboek.pdf", views_sessions.session_draaiboek_pdf,
         name="session_draaiboek_pdf"),
    path(sessions + "<int:pk>/uitnodiging.pdf", views_sessions.session_invitation_pdf,
         name="session_invitation_pdf"),
    path(sessions + "<int:pk>/draaiboek/wijzigen/", views_draaiboek.draaiboek_change,
         name="draaiboek_change"),
    path(sessions + "<int:pk>/draaiboek/<int:block>/", views_draaiboek.block_edit,
         name="block_edit"),
    path(sessions + "<int:session_pk>/taken/nieuw/", views_sessions.task_add, name="task_add"),
    path(sessions + "<int:session_pk>/taken/<int:pk>/", views_sessions.task_edit,
         name="task_edit"),
    path(sessions + "<int:session_pk>/taken/<int:pk>/afvinken/", views_sessions.task_toggle,
         name="task_toggle"),
]  # fmt: skip
