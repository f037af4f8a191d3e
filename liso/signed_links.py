"""Links in mail that carry signed data and work for a while (confirming an e-mail
address, a new one or a sign-up's): reading one back, or telling in Dutch why not."""

from django.core import signing


class LinkError(Exception):
    """A link that cannot be used; the message says why, in Dutch. Each kind of link says
    in its own words what to do when it expired or was not the link from the mail."""

    expired = ""
    bad = ""


def load(token: str, *, salt: str, max_age: int, error: type[LinkError]):
    """The data signed into `token`, or `error` with its text for an old or broken link."""
    try:
        return signing.loads(token, salt=salt, max_age=max_age)
    except signing.SignatureExpired as problem:
        raise error(str(error.expired)) from problem
    except signing.BadSignature as problem:
        raise error(str(error.bad)) from problem
