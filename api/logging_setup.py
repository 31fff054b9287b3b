"""Structured JSON logs with a request id, and a filter that masks secrets wherever they appear.

Secrets (Stripe keys, OAuth tokens, webhook secrets, caller API keys) are masked by pattern in
every record, as a last line of defence behind code that never logs them on purpose.
"""

from __future__ import annotations

import contextvars
import logging
import re
import sys

from pythonjsonlogger.json import JsonFormatter

request_id: contextvars.ContextVar[str | None] = contextvars.ContextVar("request_id", default=None)

SECRET = re.compile(
    r"\b(sk|rk|pk)_(live|test)_[A-Za-z0-9]{6,}|\bwhsec_[A-Za-z0-9]{6,}|\b(ac|rt)_[A-Za-z0-9]{12,}"
    r"|\bdev_[A-Za-z0-9_\-]{16,}|\bBearer\s+\S+|\b(pi|seti)_[A-Za-z0-9]+_secret_[A-Za-z0-9]+"
    r"|([?&](code|state|access_token|refresh_token)=)[^&\s]+",
)


def mask(text: str) -> str:
    return SECRET.sub("[REDACTED]", text)


class RedactingFilter(logging.Filter):
    """Adds the request id and masks secrets in the message and its arguments."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = request_id.get()
        # Format first, then mask: arguments may be objects (httpx logs URL objects) whose
        # text carries a token; masking only string arguments would let those through.
        record.msg = mask(record.getMessage())
        record.args = None
        for key, value in list(record.__dict__.items()):
            if isinstance(value, str) and key not in {"msg", "message"}:
                record.__dict__[key] = mask(value)
        return True


def configure_logging(level: str = "INFO") -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(
        JsonFormatter("%(asctime)s %(levelname)s %(name)s %(message)s %(request_id)s")
    )
    handler.addFilter(RedactingFilter())
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
    # One line per outgoing HTTP request (sandbox seeding makes hundreds) is noise at INFO.
    logging.getLogger("httpx").setLevel(max(logging.WARNING, root.level))
