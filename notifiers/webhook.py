"""Generic webhook: POST the SPEC's JSON body to any endpoint, optionally HMAC-signed."""

from __future__ import annotations

import hashlib
import hmac
import json
from typing import ClassVar

from notifiers import register
from notifiers.base import Setting, more_than_zero
from notifiers.http import HttpNotifier, http_url_problems
from scraper.models import Alert

SIGNATURE_HEADER = "X-Releasewatch-Signature"


def sign(secret: str, body: bytes) -> str:
    """The signature header's value: the receiver recomputes it over the raw body it got."""
    digest = hmac.new(secret.encode("utf-8"), body, hashlib.sha256).hexdigest()
    return f"sha256={digest}"


def encode_body(alert: Alert) -> bytes:
    # Compact and fixed: the bytes signed are exactly the bytes sent.
    return json.dumps(alert.to_json(), ensure_ascii=False, separators=(",", ":")).encode("utf-8")


@register
class WebhookNotifier(HttpNotifier):
    type_name: ClassVar[str] = "webhook"
    settings: ClassVar[dict[str, Setting]] = {
        "url": Setting(str, required=True, secret=True, doc="http(s) endpoint; may hold a token"),
        "secret": Setting(
            str, secret=True, doc="HMAC-SHA256 key for the X-Releasewatch-Signature header"
        ),
        "timeout": Setting(
            (int, float), default=20, duration=True, check=more_than_zero,
            doc="seconds one POST may take in all, answer included",
        ),
    }

    @classmethod
    def config_problems(cls, options) -> list[str]:
        return http_url_problems(str(options.get("url") or ""))

    def send(self, alert: Alert) -> None:
        body = encode_body(alert)
        headers = {
            "Content-Type": "application/json; charset=utf-8",
            # SPEC: at-least-once delivery; the receiver drops a resend by this key.
            "Idempotency-Key": alert.id,
        }
        if self.options.get("secret"):
            headers[SIGNATURE_HEADER] = sign(self.options["secret"], body)
        # A 429/503's Retry-After holds later sends back: none is made before it ends.
        self.wait_turn(said="rate limited by the endpoint")
        response = self.post(self.options["url"], data=body, headers=headers)
        self.raise_for_status(response)
