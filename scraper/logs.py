"""Logging set-up with secrets masked by construction.

Every secret is registered (scraper.secrets) when a notifier or source URL is read;
a filter on the root handler replaces them in every record, whatever module logged it.
"""

from __future__ import annotations

import json
import logging
import sys
from datetime import UTC, datetime

from scraper.secrets import (
    mask,
    mask_with,
    public_url,
    register_secrets,
    url_credentials,
    url_secret_parts,
)

__all__ = [
    "JsonFormatter",
    "SecretFilter",
    "mask",
    "mask_with",
    "public_url",
    "register_secrets",
    "setup_logging",
    "url_credentials",
    "url_secret_parts",
]


class SecretFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if record.exc_info and record.exc_text is None:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        record.msg = mask(message)
        record.args = None
        if record.exc_text:
            record.exc_text = mask(record.exc_text)
        return True


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "time": datetime.fromtimestamp(record.created, UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        if record.exc_text:
            entry["exception"] = record.exc_text
        return json.dumps(entry, ensure_ascii=False)


def setup_logging(level: str = "INFO", fmt: str = "text", stream=None) -> None:
    handler = logging.StreamHandler(stream or sys.stderr)
    handler.addFilter(SecretFilter())
    if fmt == "json":
        handler.setFormatter(JsonFormatter())
    else:
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    for old in list(root.handlers):
        root.removeHandler(old)
    root.addHandler(handler)
    root.setLevel(level.upper())
    # urllib3 logs full URLs (webhook tokens) at DEBUG; keep it quieter than ours.
    logging.getLogger("urllib3").setLevel(max(logging.INFO, root.level))
