"""Email over SMTP (smtplib): multipart text + HTML, one message per alert."""

from __future__ import annotations

import contextlib
import html
import logging
import os
import re
import socket
from collections.abc import Sequence
from email.utils import formatdate, parseaddr
from typing import TYPE_CHECKING, ClassVar

from notifiers import register
from notifiers.base import (
    Notifier,
    PermanentError,
    Setting,
    TransientError,
    more_than_zero,
    tcp_port,
)
from notifiers.deadline import SendDeadline
from notifiers.text import alert_fields, alert_lines, alert_subject
from scraper.errors import tls_reason
from scraper.models import Alert

# smtplib, ssl and the email package's message classes (~10 ms to import) only when a
# message is built or sent: every `check` loads this module with the notifier kinds, and
# most configs send no email.
if TYPE_CHECKING:
    import smtplib
    import ssl
    from email.message import EmailMessage

log = logging.getLogger("releasewatch.notifiers.email")

DEFAULT_PORTS = {"starttls": 587, "ssl": 465, "none": 25}


def _is_address(text: str) -> bool:
    """ "me@example.org" or "Me <me@example.org>": a local part, an @ and a domain."""
    if re.search(r"[\x00-\x1f\x7f]", str(text)):
        return False  # a line break would be a header of its own; the email package refuses it
    address = parseaddr(str(text))[1]
    local, at, domain = address.rpartition("@")
    return bool(at and local and domain.strip(".") and not re.search(r"[\s<>,@]", domain))


def _is_ipv6(host: str) -> bool:
    import ipaddress

    try:
        return ipaddress.ip_address(host.strip("[]")).version == 6
    except ValueError:
        return False


def message_id(alert: Alert, sender: str) -> str:
    """Derived from the alert id, never random: a resend after a crash carries the same
    Message-ID, so a mail client (or the user) can tell it is the same alert."""
    domain = parseaddr(sender)[1].rpartition("@")[2] or "releasewatch.invalid"
    local = re.sub(r"[^A-Za-z0-9._-]", "-", alert.id) or "alert"
    return f"<releasewatch.{local}@{domain}>"


def _html_text(text: str) -> str:
    """Page text is escaped (a scraped <script> stays text); http(s) values become links."""
    lines = []
    for line in str(text).splitlines() or [""]:
        escaped = html.escape(line, quote=True)
        if re.fullmatch(r"https?://\S+", line.strip()):
            escaped = f'<a href="{html.escape(line.strip(), quote=True)}">{escaped}</a>'
        lines.append(escaped)
    return "<br>".join(lines)


def render_html(alert: Alert) -> str:
    rows = []
    for heading, text in alert_fields(alert):
        cell = _html_text(text)
        if heading == "Evidence":
            cell = f'<blockquote style="margin:0">{cell}</blockquote>'
        rows.append(
            f'<tr><th align="left" valign="top" style="padding-right:1em">'
            f"{html.escape(heading)}</th><td>{cell}</td></tr>"
        )
    return (
        '<!doctype html>\n<html><head><meta charset="utf-8"></head>'
        '<body style="font-family:sans-serif">\n'
        f"<h2>{html.escape(alert_subject(alert))}</h2>\n"
        f"<table>\n{chr(10).join(rows)}\n</table>\n"
        '<p style="color:#777">Sent by releasewatch.</p>\n</body></html>\n'
    )


def build_message(alert: Alert, sender: str, recipients: Sequence[str]) -> EmailMessage:
    from email.message import EmailMessage

    msg = EmailMessage()
    msg["Subject"] = alert_subject(alert)
    msg["From"] = sender
    msg["To"] = ", ".join(recipients)
    msg["Date"] = formatdate(usegmt=True)
    msg["Message-ID"] = message_id(alert, sender)
    # RFC 3834: vacation responders and ticket systems must not answer an alert.
    msg["Auto-Submitted"] = "auto-generated"
    msg["X-Releasewatch-Event"] = alert.event
    msg.set_content("\n".join([alert_subject(alert), "", *alert_lines(alert), ""]))
    msg.add_alternative(render_html(alert), subtype="html")
    return msg


@register
class EmailNotifier(Notifier):
    type_name: ClassVar[str] = "email"
    settings: ClassVar[dict[str, Setting]] = {
        "host": Setting(str, required=True, doc="SMTP server"),
        "port": Setting(
            int, check=tcp_port, doc="default 587 for starttls, 465 for ssl, 25 for none"
        ),
        "security": Setting(str, default="starttls", choices=("starttls", "ssl", "none")),
        "username": Setting(str, doc="log in when set"),
        "password": Setting(str, secret=True),
        "from": Setting(str, required=True, doc='"Name <address>" or an address'),
        "to": Setting((list, str), required=True, doc="one address or a list"),
        "timeout": Setting(
            (int, float), default=20, duration=True, check=more_than_zero,
            doc="seconds one send may take in all (every SMTP step)",
        ),
        "ca_file": Setting(str, doc="CA bundle to trust (a self-hosted server's certificate)"),
    }

    @classmethod
    def config_problems(cls, options) -> list[str]:
        problems = []
        if options.get("password") and not options.get("username"):
            problems.append("password: set username too (or drop the password)")
        if not _recipients(options.get("to")):
            problems.append("to: give at least one address")
        for recipient in _recipients(options.get("to")):
            if not _is_address(recipient):
                problems.append(f"to: {recipient!r} is not an email address (name@example.org)")
        host = str(options.get("host") or "")
        if (":" in host and not _is_ipv6(host)) or any(c in host for c in "/ \t@"):
            # "smtp.gmail.com:587", "smtps://...": no such host name; each send would
            # fail "host name not found" and be retried for a day.
            problems.append(f"host: {host!r} is not a host name; give the name alone "
                            "(smtp.example.org) and the port under port:")
        ca_file = options.get("ca_file")
        if ca_file and not os.path.isfile(os.path.expanduser(str(ca_file))):
            problems.append(f"ca_file: {ca_file!r} is not a file (a PEM bundle of CA certificates)")
        sender = options.get("from")
        if sender and not _is_address(sender):
            problems.append(
                f"from: {sender!r} is not an email address "
                '(name@example.org, or "Name <name@example.org>")'
            )
        return problems

    @classmethod
    def config_warnings(cls, options) -> list[str]:
        if options.get("username") and options.get("security") == "none":
            return ["security: none sends the password unencrypted; use starttls or ssl"]
        return []

    @property
    def recipients(self) -> list[str]:
        return _recipients(self.options.get("to"))

    def send(self, alert: Alert) -> None:
        import smtplib
        import ssl

        sender = self.options["from"]
        msg = build_message(alert, sender, self.recipients)
        envelope_from = parseaddr(sender)[1] or sender
        envelope_to = [parseaddr(r)[1] or r for r in self.recipients]
        timeout = float(self.options.get("timeout") or 20)
        deadline = SendDeadline(timeout)
        try:
            # `timeout` bounds the whole exchange: a server dripping its replies a byte at
            # a time has its socket shut when the time is up (SendDeadline).
            with deadline:
                smtp = self._connect(deadline)
                try:
                    if self.options.get("username"):
                        smtp.login(self.options["username"], self.options.get("password") or "")
                    refused = smtp.send_message(
                        msg, from_addr=envelope_from, to_addrs=envelope_to
                    )
                except BaseException:
                    smtp.close()
                    raise
                # The server said 250 to the message: it is delivered. Whatever QUIT
                # meets then (a 421 or 500, a dropped line, the deadline) changes
                # nothing, and as an error it sent the mail again (or gave it up).
                with contextlib.suppress(smtplib.SMTPException, OSError):
                    smtp.quit()
                smtp.close()
            if refused:
                # A partial refusal does not raise: the others have the mail, and a resend
                # would duplicate it for them. Accepted as sent, and said in the log.
                log.warning(
                    "%s: some recipients refused alert %s: %s",
                    self.name,
                    alert.id,
                    self.mask("; ".join(f"{r}: {c} {_text(w)}" for r, (c, w) in refused.items())),
                )
        except smtplib.SMTPRecipientsRefused as exc:
            codes = [code for code, _ in exc.recipients.values()]
            words = "; ".join(
                f"{rcpt}: {code} {_text(said)}" for rcpt, (code, said) in exc.recipients.items()
            )
            self._raise(min(codes) if codes else 550, f"recipients refused: {words}")
        except smtplib.SMTPResponseException as exc:
            self._raise(exc.smtp_code, f"{exc.smtp_code} {_text(exc.smtp_error)}")
        except smtplib.SMTPNotSupportedError as exc:
            if "STARTTLS" in str(exc).upper():
                raise PermanentError(
                    f"SMTP server {self._address()} does not offer STARTTLS; if it takes TLS "
                    "from the first byte set security: ssl (usually port 465), or for a "
                    "local relay without TLS security: none"
                ) from None
            raise PermanentError(self.mask(f"SMTP server does not support it: {exc}")) from None
        except ssl.SSLCertVerificationError as exc:
            # Transient on purpose: the admin may renew the certificate, or the user may set
            # ca_file; bounded retries keep the alert meanwhile.
            raise TransientError(self.mask(f"TLS certificate not trusted: {exc}")) from None
        except ssl.SSLError as exc:
            # security: ssl against a port that speaks plain SMTP (587, 25) answers no TLS.
            raise TransientError(
                f"SMTP connection to {self._address()}: "
                + tls_reason(exc, "it may want security: starttls, usually port 587")
            ) from None
        except socket.gaierror:
            raise TransientError(
                f"SMTP connection to {self._address()}: host name not found "
                "(check host:, or this machine's DNS)"
            ) from None
        except ConnectionRefusedError:
            raise TransientError(
                f"SMTP connection to {self._address()}: connection refused "
                "(nothing listens on that port; check port: and security:)"
            ) from None
        except (OSError, smtplib.SMTPException) as exc:
            said = str(exc) or type(exc).__name__
            if deadline.expired:
                said = f"timed out after {timeout:g}s (the whole exchange)"
            raise TransientError(
                self.mask(f"SMTP connection to {self._address()}: {said}")
            ) from None

    def _address(self) -> str:
        security = self.options.get("security") or "starttls"
        port = int(self.options.get("port") or DEFAULT_PORTS[security])
        return f"{self.options['host']}:{port}"

    def _raise(self, code: int, words: str) -> None:
        words = self.mask(words)
        if 400 <= code < 500:
            raise TransientError(f"SMTP {words}") from None
        raise PermanentError(f"SMTP {words}") from None

    def _connect(self, deadline: SendDeadline) -> smtplib.SMTP:
        from notifiers.smtp import BoundedSMTP, BoundedSMTP_SSL

        security = self.options.get("security") or "starttls"
        host = self.options["host"]
        port = int(self.options.get("port") or DEFAULT_PORTS[security])
        timeout = deadline.remaining()
        # gethostname, not smtplib's default getfqdn: that can stall on a DNS lookup.
        local = socket.gethostname() or "localhost"
        # Built unconnected, held by the deadline, then connected: the greeting is read
        # while connecting, and a dripping greeting must be cut off too.
        if security == "ssl":
            smtp: smtplib.SMTP = BoundedSMTP_SSL(
                local_hostname=local, timeout=timeout, context=self._tls()
            )
        else:
            smtp = BoundedSMTP(local_hostname=local, timeout=timeout)
        smtp._host = host  # what the constructor would set: TLS checks the name against it
        deadline.hold(smtp)
        try:
            smtp.connect(host, port)
            if security == "starttls":
                smtp.ehlo()
                smtp.starttls(context=self._tls())
                smtp.ehlo()
        except BaseException:
            smtp.close()
            raise
        return smtp

    def _tls(self) -> ssl.SSLContext:
        import ssl

        ca_file = self.options.get("ca_file")
        return ssl.create_default_context(cafile=os.path.expanduser(ca_file) if ca_file else None)


def _recipients(value) -> list[str]:
    if not value:
        return []
    items = [value] if isinstance(value, str) else list(value)
    return [str(item).strip() for item in items if str(item).strip()]


def _text(said) -> str:
    if isinstance(said, bytes):
        said = said.decode("utf-8", "replace")
    return " ".join(str(said).split())
