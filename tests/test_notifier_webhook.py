"""Generic webhook notifier against a local HTTP server (pytest-httpserver)."""

from __future__ import annotations

import hashlib
import hmac
import json
import socket
from functools import partial

import pytest
import support
from werkzeug import Request, Response

from notifiers import DeliveryError, PermanentError, TransientError, build_notifier
from scraper.models import CHANGED

TOKEN = "tok3nS3cretValue0123456789"
SECRET = "shared-hmac-secret-value"

# A change from a year-only date, seen on one source.
make_alert = partial(
    support.make_alert,
    event=CHANGED,
    previous={"date": "2023", "precision": "year"},
    sources=(support.NETFLIX,),
)


def hook(httpserver, **options):
    return build_notifier(
        "my-hook",
        "webhook",
        {"url": httpserver.url_for(f"/hooks/{TOKEN}"), "timeout": 5, **options},
    )


def test_posts_the_spec_json_with_idempotency_key_and_a_verifiable_signature(httpserver):
    seen: list[dict] = []

    def verify(request: Request) -> Response:
        # What a receiver does: recompute the HMAC over the raw body it got.
        raw = request.get_data()
        expected = "sha256=" + hmac.new(SECRET.encode(), raw, hashlib.sha256).hexdigest()
        given = request.headers.get("X-Releasewatch-Signature", "")
        seen.append({"body": json.loads(raw), "headers": dict(request.headers)})
        return Response(
            "ok" if hmac.compare_digest(given, expected) else "bad sig",
            status=200 if hmac.compare_digest(given, expected) else 401,
        )

    httpserver.expect_request(f"/hooks/{TOKEN}", method="POST").respond_with_handler(verify)
    alert = make_alert()
    hook(httpserver, secret=SECRET).send(alert)
    assert len(seen) == 1
    assert seen[0]["body"] == alert.to_json()
    assert seen[0]["body"]["detected_at"] == "2023-04-20T10:00:00Z"
    assert seen[0]["headers"]["Idempotency-Key"] == "alert-0001"
    assert seen[0]["headers"]["Content-Type"].startswith("application/json")


def test_without_a_secret_no_signature_header_is_sent(httpserver):
    headers: list[dict] = []

    def record(request: Request) -> Response:
        headers.append(dict(request.headers))
        return Response(status=204)

    httpserver.expect_request(f"/hooks/{TOKEN}").respond_with_handler(record)
    hook(httpserver).send(make_alert())
    assert len(headers) == 1 and "X-Releasewatch-Signature" not in headers[0]


@pytest.mark.parametrize(
    ("status", "expected"),
    [
        (200, None),
        (202, None),
        (204, None),
        (408, TransientError),
        (429, TransientError),
        (500, TransientError),
        (503, TransientError),
        (400, PermanentError),
        (401, PermanentError),
        (404, PermanentError),
        (410, PermanentError),
        (422, PermanentError),
        (301, PermanentError),
    ],
)
def test_status_codes_map_to_success_transient_or_permanent(httpserver, status, expected):
    headers = {"Location": "https://elsewhere.example/"} if status == 301 else {}
    httpserver.expect_request(f"/hooks/{TOKEN}").respond_with_data(
        f"server says {status}", status=status, headers=headers
    )
    notifier = hook(httpserver)
    if expected is None:
        notifier.send(make_alert())
        assert len(httpserver.log) == 1
        return
    with pytest.raises(expected) as caught:
        notifier.send(make_alert())
    assert type(caught.value) is expected
    assert f"HTTP {status}" in str(caught.value)
    if expected is PermanentError:
        assert caught.value.disable is False  # only Discord asks us to stop entirely


def test_429_passes_on_retry_after(httpserver):
    httpserver.expect_request(f"/hooks/{TOKEN}").respond_with_data(
        "slow down", status=429, headers={"Retry-After": "12.5"}
    )
    with pytest.raises(TransientError) as caught:
        hook(httpserver).send(make_alert())
    assert caught.value.retry_after == 12.5


def test_errors_never_carry_the_url_token(httpserver):
    # A server that echoes the request path in its error body.
    httpserver.expect_request(f"/hooks/{TOKEN}").respond_with_handler(
        lambda request: Response(f"no route for {request.url}", status=500)
    )
    with pytest.raises(TransientError) as caught:
        hook(httpserver).send(make_alert())
    assert "HTTP 500" in str(caught.value) and TOKEN not in str(caught.value)


def test_connection_refused_is_transient_and_masked():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    notifier = build_notifier(
        "my-hook", "webhook", {"url": f"http://127.0.0.1:{port}/hooks/{TOKEN}", "timeout": 2}
    )
    with pytest.raises(TransientError) as caught:
        notifier.send(make_alert())
    assert "connection refused" in str(caught.value) and TOKEN not in str(caught.value)
    assert caught.value.__cause__ is None  # no chained exception carrying the URL


def test_a_pause_the_endpoint_asked_for_holds_back_the_next_send(httpserver):
    # Throttling lives in the notifier base: after a 429 with Retry-After, the next send
    # makes no call before the pause ends; it is retried by the outbox after it instead.
    httpserver.expect_request(f"/hooks/{TOKEN}").respond_with_data(
        "slow down", status=429, headers={"Retry-After": "60"}
    )
    notifier = hook(httpserver)
    with pytest.raises(TransientError):
        notifier.send(make_alert())
    with pytest.raises(TransientError) as caught:
        notifier.send(make_alert())
    assert len(httpserver.log) == 1
    assert 55 < caught.value.retry_after <= 60 and "retry after" in str(caught.value)


class FloodingServer:
    """Answers each POST with `status` and then up to `limit` bytes of body as fast as
    the client takes them, counting what it got to write: a receiver that never stops
    talking (or a proxy gone wrong)."""

    def __init__(self, status: int, limit: int):
        import threading

        self.status, self.limit, self.written = status, limit, 0
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self) -> None:
        try:
            conn, _ = self.listener.accept()
        except OSError:
            return
        with conn:
            conn.recv(65536)  # the request; its body fits in the first read or does not matter
            conn.sendall(f"HTTP/1.1 {self.status} X\r\nContent-Type: text/plain\r\n\r\n".encode())
            chunk = b"x" * 65536
            try:
                while self.written < self.limit:
                    conn.sendall(chunk)
                    self.written += len(chunk)
            except OSError:
                return

    def close(self) -> None:
        self.listener.close()


@pytest.mark.parametrize(("status", "expected"), [(200, None), (500, TransientError)])
def test_an_endless_answer_is_not_read_into_memory(status, expected):
    # Reading a 2xx's or a 5xx's whole body held every byte a fast server sent for the
    # whole timeout: gigabytes from a local receiver, until the machine ran out of memory.
    server = FloodingServer(status, limit=400 * 1024 * 1024)
    notifier = build_notifier(
        "my-hook", "webhook", {"url": f"http://127.0.0.1:{server.port}/hooks/{TOKEN}",
                               "timeout": 20},
    )
    try:
        if expected is None:
            notifier.send(make_alert())
        else:
            with pytest.raises(expected) as caught:
                notifier.send(make_alert())
            assert "HTTP 500" in str(caught.value)
    finally:
        notifier.close()
        server.close()
    assert server.written < 50 * 1024 * 1024


class DrippingServer:
    """Answers each POST with `status` and its headers at once, then drips the body a
    byte every half second: the receiver has said whether it took the alert."""

    def __init__(self, status: int):
        import threading

        self.status, self.posts = status, 0
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self) -> None:
        import time

        while True:
            try:
                conn, _ = self.listener.accept()
            except OSError:
                return
            with conn:
                conn.recv(65536)
                self.posts += 1
                conn.sendall(f"HTTP/1.1 {self.status} X\r\nContent-Type: application/json\r\n"
                             "Content-Length: 1000\r\n\r\n{".encode())
                try:
                    for _ in range(40):
                        time.sleep(0.5)
                        conn.sendall(b" ")
                except OSError:
                    pass


@pytest.mark.parametrize("kind", ["webhook", "discord"])
def test_a_2xx_whose_body_drips_past_the_timeout_is_sent_not_retried(kind):
    # The receiver took the alert (200), then its answer's body dripped past the timeout:
    # that was a transient failure, so the alert was POSTed again, a duplicate. Any 2xx is
    # success (SPEC); what follows the status is not ours to wait for.
    server = DrippingServer(200)
    path = f"/hooks/{TOKEN}" if kind == "webhook" else f"/api/webhooks/1/{TOKEN}"
    notifier = build_notifier(kind, kind, {"url": f"http://127.0.0.1:{server.port}{path}",
                                           "timeout": 1.5})
    try:
        notifier.send(make_alert())  # no error
    finally:
        notifier.close()
        server.listener.close()
    assert server.posts == 1


def test_a_5xx_whose_body_drips_is_still_transient():
    server = DrippingServer(503)
    notifier = build_notifier("my-hook", "webhook",
                              {"url": f"http://127.0.0.1:{server.port}/hooks/{TOKEN}",
                               "timeout": 1.5})
    try:
        with pytest.raises(TransientError):
            notifier.send(make_alert())
    finally:
        notifier.close()
        server.listener.close()


def test_https_to_a_plain_http_endpoint_says_so_in_one_line(httpserver):
    url = httpserver.url_for(f"/hooks/{TOKEN}").replace("http://", "https://")
    notifier = build_notifier("my-hook", "webhook", {"url": url, "timeout": 5})
    with pytest.raises(DeliveryError) as caught:
        notifier.send(make_alert())
    message = str(caught.value)
    assert "the server does not speak TLS on this port (is the URL http://?)" in message
    assert TOKEN not in message and "\n" not in message
