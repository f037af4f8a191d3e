"""Middleware of the project's own."""

from django.utils.cache import patch_cache_control


class PrivatePages:
    """A page for a logged-in person is theirs alone: no shared cache keeps it, and on a
    shared computer the Back button after logging out does not show it again
    (Cache-Control: private, no-store)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            patch_cache_control(response, private=True, no_store=True)
        return response
