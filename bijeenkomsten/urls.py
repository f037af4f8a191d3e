from django.urls import path

from bijeenkomsten import (
    views_draaiboek,
    views_followup,
    views_registrations,
    views_sessions,
    views_terugblik,
)

sessions = "netwerken/<slug:slug>/bijeenkomsten/"

urlpatterns = [
    path(sessions, views_sessions.session_list, name="session_list"),
    path(sessions + "nieuw/", views_sessions.session_create, name="session_create"),
    path(
        sessions + "aanwezigheid.csv",
        views_registrations.attendance_csv,
        name="attendance_csv",
    ),
    path(
        sessions + "uit-jaarplanning/",
        views_sessions.sessions_from_planning,
        name="sessions_from_planning",
    ),
    path(
        sessions + "voorbereiding/",
        views_sessions.preparation_template,
        name="preparation_template",
    ),
    path(
        sessions + "voorbereiding/nieuw/",
        views_sessions.preparation_step_add,
        name="preparation_step_add",
    ),
    path(
        sessions + "voorbereiding/toepassen/",
        views_sessions.preparation_template_apply,
        name="preparation_template_apply",
    ),
    path(
        sessions + "voorbereiding/<int:pk>/",
        views_sessions.preparation_step_edit,
        name="preparation_step_edit",
    ),
    path(
        sessions + "voorbereiding/<int:pk>/verwijderen/",
        views_sessions.preparation_step_delete,
        name="preparation_step_delete",
    ),
    path(sessions + "<int:pk>/", views_sessions.session_detail, name="session_detail"),
    path(sessions + "<int:pk>/wijzigen/", views_sessions.session_edit, name="session_edit"),
    path(sessions + "<int:pk>/verwijderen/", views_sessions.session_delete, name="session_delete"),
    path(
        sessions + "<int:pk>/antwoord/", views_registrations.session_answer, name="session_answer"
    ),
    path(
        sessions + "<int:pk>/aanmeldingen/",
        views_registrations.session_registrations,
        name="session_registrations",
    ),
    path(
        sessions + "<int:pk>/uitnodigen/", views_registrations.session_invite, name="session_invite"
    ),
    path(
        sessions + "<int:pk>/herinneren/", views_registrations.session_remind, name="session_remind"
    ),
    path(
        sessions + "<int:pk>/mail-opnieuw/",
        views_registrations.session_mail_resend,
        name="session_mail_resend",
    ),
    path(
        sessions + "<int:pk>/gasten/<int:guest>/weghalen/",
        views_registrations.session_guest_remove,
        name="session_guest_remove",
    ),
    path(
        sessions + "<int:pk>/afgelasten/", views_registrations.session_cancel, name="session_cancel"
    ),
    path(
        sessions + "<int:pk>/aanwezigheid/",
        views_registrations.session_attendance,
        name="session_attendance",
    ),
    path(
        sessions + "<int:pk>/terugblik/",
        views_terugblik.session_terugblik,
        name="session_terugblik",
    ),
    path(
        sessions + "<int:pk>/terugblikken/",
        views_terugblik.session_terugblikken,
        name="session_terugblikken",
    ),
    path(sessions + "<int:pk>/verslag/", views_followup.session_report, name="session_report"),
    path(
        sessions + "<int:pk>/sessieverslag.pdf",
        views_followup.session_report_pdf,
        name="session_report_pdf",
    ),
    path(
        sessions + "<int:pk>/verslag/schrijven/",
        views_followup.session_report_edit,
        name="session_report_edit",
    ),
    path(
        sessions + "<int:pk>/verslag/delen/",
        views_followup.session_report_share,
        name="session_report_share",
    ),
    path(sessions + "<int:pk>/verslag/bestanden/", views_followup.photo_add, name="photo_add"),
    path(
        sessions + "<int:pk>/verslag/bestanden/<int:photo>/",
        views_followup.photo_file,
        name="photo_file",
    ),
    path(
        sessions + "<int:pk>/verslag/bestanden/<int:photo>/verwijderen/",
        views_followup.photo_delete,
        name="photo_delete",
    ),
    path(sessions + "<int:pk>/actiepunten/nieuw/", views_followup.action_add, name="action_add"),
    path(
        sessions + "<int:pk>/actiepunten/<int:action>/",
        views_followup.action_edit,
        name="action_edit",
    ),
    # Every action point, from a session or not, is ticked off at the network's address.
    path(
        "netwerken/<slug:slug>/actiepunten/<int:action>/afvinken/",
        views_followup.action_toggle,
        name="action_toggle",
    ),
    path(
        sessions + "<int:pk>/actiepunten/<int:action>/verwijderen/",
        views_followup.action_delete,
        name="action_delete",
    ),
    path(
        sessions + "<int:pk>/bijeenkomst.ics", views_registrations.session_ics, name="session_ics"
    ),
    path("account/agenda/", views_registrations.calendar_settings, name="calendar_settings"),
    path(
        "agenda/<str:token>/bijeenkomsten.ics",
        views_registrations.calendar_feed,
        name="calendar_feed",
    ),
    path(sessions + "<int:pk>/draaiboek/", views_draaiboek.draaiboek, name="draaiboek"),
    path(
        sessions + "<int:pk>/draaiboek.pdf",
        views_sessions.session_draaiboek_pdf,
        name="session_draaiboek_pdf",
    ),
    path(
        sessions + "<int:pk>/uitnodiging.pdf",
        views_sessions.session_invitation_pdf,
        name="session_invitation_pdf",
    ),
    path(
        sessions + "<int:pk>/draaiboek/wijzigen/",
        views_draaiboek.draaiboek_change,
        name="draaiboek_change",
    ),
    path(
        sessions + "<int:pk>/draaiboek/<int:block>/", views_draaiboek.block_edit, name="block_edit"
    ),
    path(sessions + "<int:session_pk>/taken/nieuw/", views_sessions.task_add, name="task_add"),
    path(sessions + "<int:session_pk>/taken/<int:pk>/", views_sessions.task_edit, name="task_edit"),
    path(
        sessions + "<int:session_pk>/taken/<int:pk>/afvinken/",
        views_sessions.task_toggle,
        name="task_toggle",
    ),
]
