"""The SMTP client the email notifier sends with: smtplib's, with the server's replies
bounded and SASL strings in UTF-8. Imported when a message is sent (smtplib and ssl are
~10 ms to import, which a process that sends no email should not pay)."""

from __future__ import annotations

import smtplib
from typing import Any

REPLY_LIMIT = 1024 * 1024  # bytes of replies read per connection; a real server's are ~2 KB


class _CappedReplies:
    """The server's replies as smtplib reads them, cut off at REPLY_LIMIT bytes: smtplib
    keeps every line of a multi-line reply, so a server sending "250-..." without end
    filled gigabytes of memory before the send's deadline."""

    def __init__(self, file: Any):
        self._file, self._read = file, 0

    def readline(self, limit: int = -1) -> bytes:
        line = self._file.readline(limit)
        self._read += len(line)
        if self._read > REPLY_LIMIT:
            # An OSError is what smtplib turns into SMTPServerDisconnected, closing up.
            raise OSError(f"the server's replies passed {REPLY_LIMIT // 1024} KB")
        return line

    def __getattr__(self, name: str) -> Any:
        return getattr(self._file, name)


class _BoundedReplies:
    def getreply(self):  # type: ignore[no-untyped-def]
        if self.file is None:  # type: ignore[attr-defined]
            self.file = _CappedReplies(self.sock.makefile("rb"))  # type: ignore[attr-defined]
        return super().getreply()  # type: ignore[misc]

    # smtplib encodes what it logs in with as ASCII, so a password with an 'ä' or a '€'
    # raised UnicodeEncodeError on every send. RFC 4954 (SASL) strings are UTF-8: the
    # same steps as smtplib's, encoded so.
    def auth(self, mechanism, authobject, *, initial_response_ok=True):  # type: ignore[no-untyped-def]
        import base64

        mechanism = mechanism.upper()
        initial = authobject() if initial_response_ok else None
        if initial is not None:
            code, resp = self.docmd(  # type: ignore[attr-defined]
                "AUTH", f"{mechanism} {_b64(initial)}"
            )
            self._auth_challenge_count = 1  # smtplib's auth_login reads it
        else:
            code, resp = self.docmd("AUTH", mechanism)  # type: ignore[attr-defined]
            self._auth_challenge_count = 0
        while code == 334:
            self._auth_challenge_count += 1
            code, resp = self.docmd(  # type: ignore[attr-defined]
                _b64(authobject(base64.decodebytes(resp)))
            )
            if self._auth_challenge_count > smtplib._MAXCHALLENGE:  # type: ignore[attr-defined]
                raise smtplib.SMTPException("the server's AUTH never ended")
        if code in (235, 503):
            return code, resp
        raise smtplib.SMTPAuthenticationError(code, resp)

    def auth_cram_md5(self, challenge=None):  # type: ignore[no-untyped-def]
        import hmac

        if challenge is None:
            return None
        key = self.password.encode("utf-8")  # type: ignore[attr-defined]
        return f"{self.user} {hmac.HMAC(key, challenge, 'md5').hexdigest()}"  # type: ignore[attr-defined]


def _b64(text: str) -> str:
    import base64

    return base64.b64encode(text.encode("utf-8")).decode("ascii")


class BoundedSMTP(_BoundedReplies, smtplib.SMTP):
    pass


class BoundedSMTP_SSL(_BoundedReplies, smtplib.SMTP_SSL):  # noqa: N801 - smtplib's name
    pass
