"""Email notifier against a real SMTP server (aiosmtpd) on 127.0.0.1."""

from __future__ import annotations

import email
import email.policy
import socket
import ssl
from functools import partial

import pytest
import support
import trustme
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

from notifiers import PermanentError, TransientError, build_notifier
from notifiers.email import message_id
from scraper.models import CHANGED, TRAILER_RELEASED

PASSWORD = "hunter2-very-secret-pw"

make_alert = partial(support.make_alert, id="a1b2c3d4")


class Recorder:
    """aiosmtpd handler: keeps what it received; answers RCPT/DATA with a scripted code."""

    def __init__(self, rcpt_reply: str | None = None, data_reply: str | None = None):
        self.messages: list[tuple[list[str], email.message.EmailMessage]] = []
        self.rcpt_reply = rcpt_reply
        self.data_reply = data_reply
        self.logins: list[str] = []

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if self.rcpt_reply:
            return self.rcpt_reply
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        if self.data_reply:
            return self.data_reply
        parsed = email.message_from_bytes(envelope.content, policy=email.policy.default)
        self.messages.append((list(envelope.rcpt_tos), parsed))
        return "250 Message accepted"

    def authenticate(self, server, session, envelope, mechanism, auth_data):
        if isinstance(auth_data, LoginPassword):
            self.logins.append(auth_data.login.decode())
            ok = auth_data.login == b"alerts" and auth_data.password == PASSWORD.encode()
            # handled=False: aiosmtpd then answers 535 itself (True means "already replied").
            return AuthResult(success=ok, handled=False)
        return AuthResult(success=False, handled=False)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def smtp_server():
    """Start aiosmtpd on 127.0.0.1 with the given handler and options; stop it after."""
    started: list[Controller] = []

    def start(handler: Recorder, **kwargs) -> int:
        port = free_port()
        controller = Controller(handler, hostname="127.0.0.1", port=port, **kwargs)
        controller.start()
        started.append(controller)
        return port

    yield start
    for controller in started:
        controller.stop()


@pytest.fixture(scope="module")
def tls(tmp_path_factory):
    """A CA and a certificate for 127.0.0.1, made by the test; the notifier trusts the CA."""
    ca = trustme.CA()
    cert = ca.issue_cert("127.0.0.1", "localhost")
    server_context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    cert.configure_cert(server_context)
    ca_file = tmp_path_factory.mktemp("ca") / "ca.pem"
    ca.cert_pem.write_to_path(str(ca_file))
    return server_context, str(ca_file)


def notifier(port: int, **options):
    base = {
        "host": "127.0.0.1",
        "port": port,
        "security": "none",
        "from": "releasewatch <alerts@example.org>",
        "to": ["me@example.org"],
        "timeout": 5,
    }
    base.update(options)
    return build_notifier("me-by-mail", "email", base)


def test_plain_smtp_delivers_multipart_text_and_html(smtp_server):
    handler = Recorder()
    port = smtp_server(handler)
    notifier(port).send(make_alert())
    assert len(handler.messages) == 1
    rcpts, msg = handler.messages[0]
    assert rcpts == ["me@example.org"]
    assert msg["Subject"] == (
        "Heartstopper Season 2: release date announced — Thursday 3 August 2023"
    )
    assert msg.get_content_type() == "multipart/alternative"
    text = msg.get_body(("plain",)).get_content()
    page_html = msg.get_body(("html",)).get_content()
    assert "Netflix confirmed that Heartstopper Season 2 arrives on 3 August 2023." in text
    assert "https://variety.example/hs2" in text
    assert '<a href="https://www.netflix.com/tudum/heartstopper">' in page_html
    assert msg["Date"] and msg["Auto-Submitted"] == "auto-generated"


def test_message_id_is_derived_from_the_alert_id_so_a_resend_is_recognisable(smtp_server):
    handler = Recorder()
    port = smtp_server(handler)
    mailer = notifier(port)
    mailer.send(make_alert())
    mailer.send(make_alert())  # the outbox's at-least-once resend
    mailer.send(make_alert(id="another-alert"))
    ids = [msg["Message-ID"] for _, msg in handler.messages]
    assert ids[0] == ids[1] == message_id(make_alert(), "alerts@example.org")
    assert "a1b2c3d4" in ids[0] and ids[0].endswith("@example.org>")
    assert ids[2] != ids[0]


def test_html_part_escapes_script_from_a_page(smtp_server):
    handler = Recorder()
    port = smtp_server(handler)
    evidence = 'It arrives in August <script>alert("x")</script> & more <b>bold</b>.'
    notifier(port).send(make_alert(evidence=evidence))
    page_html = handler.messages[0][1].get_body(("html",)).get_content()
    assert "<script>" not in page_html and "<b>bold" not in page_html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in page_html
    assert "&amp; more" in page_html


def test_subjects_are_clear_for_changed_and_trailer_alerts(smtp_server):
    handler = Recorder()
    port = smtp_server(handler)
    mailer = notifier(port)
    mailer.send(make_alert(event=CHANGED, previous={"date": "2023", "precision": "year"}))
    trailer = "https://www.youtube.com/watch?v=abcdefghijk"
    mailer.send(make_alert(id="t1", event=TRAILER_RELEASED, value={"url": trailer}))
    subjects = [msg["Subject"] for _, msg in handler.messages]
    assert subjects == [
        "Heartstopper Season 2: release date narrowed — Thursday 3 August 2023 (was 2023)",
        f"Heartstopper Season 2: trailer released — {trailer}",
    ]


def test_starttls_with_a_test_certificate_and_login(smtp_server, tls):
    server_context, ca_file = tls
    handler = Recorder()
    port = smtp_server(
        handler,
        tls_context=server_context,
        require_starttls=True,
        authenticator=handler.authenticate,
        auth_required=True,
    )
    mailer = notifier(
        port, security="starttls", ca_file=ca_file, username="alerts", password=PASSWORD
    )
    mailer.send(make_alert())
    assert handler.logins == ["alerts"]
    assert len(handler.messages) == 1


@pytest.mark.parametrize("mechanism", ["PLAIN", "LOGIN"])
def test_a_password_outside_ascii_logs_in_as_utf8(smtp_server, tls, mechanism):
    # RFC 4954's SASL strings are UTF-8; smtplib encodes them as ASCII, so a password
    # with an 'ä' failed every send as 'internal error: UnicodeEncodeError', retried for
    # a day and given up, naming one of the password's characters.
    server_context, ca_file = tls
    password = "pässwörd-€-" + PASSWORD
    handler = Recorder()

    def authenticate(server, session, envelope, mech, auth_data):
        ok = (auth_data.login, auth_data.password) == (b"alerts", password.encode("utf-8"))
        return AuthResult(success=ok, handled=False)

    port = smtp_server(
        handler, tls_context=server_context, require_starttls=True, auth_required=True,
        authenticator=authenticate, auth_exclude_mechanism=[
            m for m in ("PLAIN", "LOGIN") if m != mechanism
        ],
    )
    notifier(port, security="starttls", ca_file=ca_file, username="alerts",
             password=password).send(make_alert())
    assert len(handler.messages) == 1


def test_implicit_tls_ssl_mode(smtp_server, tls):
    server_context, ca_file = tls
    handler = Recorder()
    port = smtp_server(handler, ssl_context=server_context)
    notifier(port, security="ssl", ca_file=ca_file).send(make_alert())
    assert len(handler.messages) == 1


def test_untrusted_certificate_is_transient_not_sent(smtp_server, tls):
    server_context, _ = tls
    handler = Recorder()
    port = smtp_server(handler, tls_context=server_context, require_starttls=True)
    with pytest.raises(TransientError, match="certificate"):
        notifier(port, security="starttls").send(make_alert())  # system CAs only
    assert handler.messages == []


def test_wrong_password_is_permanent_and_never_shows_the_password(smtp_server, tls):
    server_context, ca_file = tls
    handler = Recorder()
    port = smtp_server(handler, tls_context=server_context, authenticator=handler.authenticate)
    wrong = "wrong-password-" + PASSWORD
    mailer = notifier(port, security="starttls", ca_file=ca_file, username="x", password=wrong)
    with pytest.raises(PermanentError) as caught:
        mailer.send(make_alert())
    assert "535" in str(caught.value)
    assert wrong not in str(caught.value) and PASSWORD not in str(caught.value)


@pytest.mark.parametrize(
    ("rcpt_reply", "data_reply", "expected"),
    [
        ("450 4.2.0 Mailbox busy, try later", None, TransientError),
        ("550 5.1.1 No such user", None, PermanentError),
        (None, "451 4.3.0 Local error, try later", TransientError),
        (None, "554 5.7.1 Rejected as spam", PermanentError),
    ],
)
def test_smtp_4xx_is_transient_and_5xx_permanent(smtp_server, rcpt_reply, data_reply, expected):
    handler = Recorder(rcpt_reply=rcpt_reply, data_reply=data_reply)
    port = smtp_server(handler)
    with pytest.raises(expected) as caught:
        notifier(port).send(make_alert())
    said = (rcpt_reply or data_reply).split(" ", 2)[2]
    assert said in str(caught.value)  # the server's own words reach status/history
    assert type(caught.value) is expected


def test_connection_refused_is_transient():
    port = free_port()  # nothing listens there any more
    with pytest.raises(TransientError, match="SMTP connection to 127.0.0.1"):
        notifier(port).send(make_alert())


def test_a_connection_error_names_host_and_port():
    port = free_port()
    with pytest.raises(TransientError) as caught:
        notifier(port).send(support.make_alert())
    assert f"SMTP connection to 127.0.0.1:{port}: connection refused" in str(caught.value)


def test_starttls_unsupported_says_what_to_set(smtp_server):
    port = smtp_server(Recorder())  # plain SMTP: no STARTTLS offered
    with pytest.raises(PermanentError) as caught:
        notifier(port, security="starttls").send(support.make_alert())
    message = str(caught.value)
    assert f"127.0.0.1:{port} does not offer STARTTLS" in message
    assert "security: ssl" in message and "security: none" in message


@pytest.mark.parametrize("key", ["to", "from"])
def test_an_address_with_a_line_break_is_a_config_error(tmp_path, key):
    # It validated OK, then every send failed as an "internal error" (ValueError from
    # the email package): a user's typo, so validate names it with its line.
    from scraper.config.settings import ConfigError, load_config

    addresses = {"to": '["me@example.org"]', "from": '"rw@example.org"'}
    addresses[key] = '"me@example.org\\r\\nBcc: other@example.org"'
    path = tmp_path / "config.yaml"
    path.write_text(
        "watches:\n  - title: X\nsources:\n  - name: s\n    url: http://127.0.0.1:9/\n"
        "notifiers:\n  - type: email\n    host: 127.0.0.1\n"
        f"    from: {addresses['from']}\n    to: {addresses['to']}\n"
    )
    with pytest.raises(ConfigError) as caught:
        load_config(path, env={})
    assert f"notifiers[0].{key}:" in str(caught.value)


def test_a_server_that_never_stops_replying_is_cut_off_not_read_into_memory():
    # smtplib keeps every line of a multi-line reply: a server sending "220-..." lines
    # without end filled ~2 GB in 5 s (~8 GB in the default 20 s) before the deadline.
    import threading

    listener = socket.create_server(("127.0.0.1", 0))
    written = [0]

    def flood() -> None:
        conn, _ = listener.accept()
        line = b"220-" + b"x" * 8000 + b"\r\n"
        with conn:
            try:
                while written[0] < 400 * 1024 * 1024:
                    conn.sendall(line)
                    written[0] += len(line)
            except OSError:
                return

    threading.Thread(target=flood, daemon=True).start()
    notifier = build_notifier("mail", "email", {
        "host": "127.0.0.1", "port": listener.getsockname()[1], "security": "none",
        "from": "rw@example.org", "to": "me@example.org", "timeout": 20,
    })
    try:
        with pytest.raises(TransientError):
            notifier.send(make_alert())
    finally:
        listener.close()
    assert written[0] < 50 * 1024 * 1024


def test_a_ca_file_that_does_not_exist_is_a_config_error(tmp_path):
    # It validated OK; every send then failed "No such file or directory" and was
    # retried for a day, as if the server were away.
    from scraper.config.settings import ConfigError, load_config

    path = tmp_path / "config.yaml"
    path.write_text(
        "watches:\n  - title: X\nsources:\n  - name: s\n    url: http://127.0.0.1:9/\n"
        "notifiers:\n  - type: email\n    host: 127.0.0.1\n    from: rw@example.org\n"
        f"    to: me@example.org\n    ca_file: {tmp_path / 'missing.pem'}\n"
    )
    with pytest.raises(ConfigError) as caught:
        load_config(path, env={})
    assert "notifiers[0].ca_file:" in str(caught.value)


@pytest.mark.parametrize(
    "host", ["smtp.gmail.com:587", "smtps://smtp.gmail.com", "smtp.gmail.com/", "smtp gmail.com"]
)
def test_a_host_written_with_a_port_or_scheme_is_a_config_error(tmp_path, host):
    # "smtp.gmail.com:587" validated OK; every send then failed "host name not found" and
    # was retried for a day, as if the server were away.
    from scraper.config.settings import ConfigError, load_config

    path = tmp_path / "config.yaml"
    path.write_text(
        "watches:\n  - title: X\nsources:\n  - name: s\n    url: http://127.0.0.1:9/\n"
        f"notifiers:\n  - type: email\n    host: '{host}'\n    from: rw@example.org\n"
        "    to: me@example.org\n"
    )
    with pytest.raises(ConfigError) as caught:
        load_config(path, env={})
    assert "notifiers[0].host:" in str(caught.value) and "port:" in str(caught.value)
    for fine in ("smtp.gmail.com", "127.0.0.1", "::1", "::ffff:10.0.0.1", "mail-relay"):
        path.write_text(path.read_text().replace(f"'{host}'", f"'{fine}'"))
        load_config(path, env={})
        host = fine


def _server_with_a_bad_quit(answer: bytes, delivered: list[str]) -> socket.socket:
    """A bare SMTP server that takes the message (250 after DATA), then answers QUIT
    with `answer`: aiosmtpd always says 221."""
    import threading

    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(1)

    def serve() -> None:
        conn, _ = listener.accept()
        lines, in_data = conn.makefile("rb"), False
        conn.sendall(b"220 test\r\n")
        for line in lines:
            if in_data:
                if line == b".\r\n":
                    in_data = False
                    delivered.append("mail")
                    conn.sendall(b"250 2.0.0 queued\r\n")
            elif line[:4].upper() == b"DATA":
                in_data = True
                conn.sendall(b"354 go on\r\n")
            elif line[:4].upper() == b"QUIT":
                conn.sendall(answer)
                break
            else:
                conn.sendall(b"250 ok\r\n")
        conn.close()
        listener.close()

    threading.Thread(target=serve, daemon=True).start()
    return listener


@pytest.mark.parametrize("answer", [b"421 4.4.2 closing\r\n", b"500 5.5.1 what?\r\n"])
def test_a_message_the_server_took_is_sent_whatever_quit_answers(answer):
    # After "250 queued" the mail is delivered; a 421 to QUIT made it a transient error
    # (sent again: a duplicate email) and a 500 a permanent one (given up, though sent).
    delivered: list[str] = []
    listener = _server_with_a_bad_quit(answer, delivered)
    notifier(listener.getsockname()[1]).send(make_alert())  # no error
    assert delivered == ["mail"]


def test_implicit_tls_to_a_plain_smtp_port_says_what_to_change(smtp_server):
    # security: ssl against a server that speaks plain SMTP first (587, 25): one line
    # naming the fix, not OpenSSL's "[SSL: WRONG_VERSION_NUMBER] wrong version number".
    port = smtp_server(Recorder())
    with pytest.raises(TransientError) as caught:
        notifier(port, security="ssl").send(make_alert())
    message = str(caught.value)
    assert message == (
        f"SMTP connection to 127.0.0.1:{port}: TLS error: the server does not speak TLS on"
        " this port (it may want security: starttls, usually port 587)")
