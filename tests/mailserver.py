"""A real SMTP server on loopback for the tests about delivery (aiosmtpd): it can be slow,
refuse for a while, or be away altogether, as real mail servers are."""

import asyncio
from contextlib import contextmanager
from dataclasses import dataclass, field
from email import message_from_bytes

from aiosmtpd.controller import Controller


@dataclass
class Inbox:
    """What the server took: one parsed message per recipient."""

    delay: float = 0.0  # seconds the server takes per message
    refusing: bool = False  # answer "try again later" to every message
    messages: list = field(default_factory=list)

    async def handle_DATA(self, server, session, envelope):
        await asyncio.sleep(self.delay)
        if self.refusing:
            return "451 Try again later"
        message = message_from_bytes(envelope.content)
        self.messages.extend((address, message) for address in envelope.rcpt_tos)
        return "250 OK"

    @property
    def recipients(self) -> list[str]:
        return [address for address, _message in self.messages]


def smtp_settings(port: int) -> dict:
    """The MAILERS setting for an SMTP server on loopback at `port`."""
    options = {"host": "127.0.0.1", "port": port, "timeout": 5, "use_tls": False}
    return {
        "default": {"BACKEND": "django.core.mail.backends.smtp.EmailBackend", "OPTIONS": options}
    }


@contextmanager
def running(inbox: Inbox, port: int):
    """The server on `port` for the length of the block; before and after, nothing
    listens there (a mail server that is down)."""
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield inbox
    finally:
        controller.stop()
