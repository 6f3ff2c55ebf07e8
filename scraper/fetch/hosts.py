"""Per-host politeness: when a host may be asked again, and fetch_all's scheduling by host.

In one process a HostClock keeps each host's next allowed time. Several workers on one
database (a PostgreSQL state) share the hosts too: then the clock also takes the host's
slot in the database (HostSlots) before a request, so two machines never ask one host
closer than per_host_delay apart. fetch_all takes a job's slot before it hands the job to
a thread, and defers the job when another worker holds the host: no thread waits for it.
"""

from __future__ import annotations

import heapq
import re
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from queue import Empty, SimpleQueue
from typing import Generic, Protocol, TypeVar
from urllib.parse import urlsplit

K = TypeVar("K")  # the caller's job key
V = TypeVar("V")  # what comes with a URL (the fetch's validators)
R = TypeVar("R")  # a job's result


def fetch_by_host(
    jobs: Iterable[tuple[K, str, V]],
    fetch_one: Callable[[str, V], R],
    concurrency: int,
    clock: HostClock,
) -> Iterator[tuple[K, R]]:
    """Run fetch_one(url, extra) for every job on `concurrency` threads, yielding
    (key, result) as each completes. `fetch_one` must return, not raise.

    Jobs for one host run in their given order, the clock's delay apart; a job
    is handed to a worker only when its host is ready, so a host in its delay
    never holds a worker while other hosts' jobs wait.
    """
    plan: HostQueues[K, V] = HostQueues(jobs, clock)
    concurrency = max(1, concurrency)
    pool = ThreadPoolExecutor(concurrency, thread_name_prefix="fetch")
    in_flight: dict[Future[R], tuple[K, str]] = {}
    # Workers hand finished futures over here: one put and one get per job,
    # where concurrent.futures.wait would lock every future in flight per call.
    finished: SimpleQueue[Future[R]] = SimpleQueue()

    def held(url: str, extra: V, host: str) -> R:
        # The job's requests to its host (robots.txt, the page, a redirect back to it) run
        # inside the slot taken for it; the host is given back when the job ends.
        with clock.holding(host):
            return fetch_one(url, extra)

    interrupted = False
    try:
        while plan or in_flight:
            room = concurrency - len(in_flight)
            for key, url, extra, host in plan.ready(room, parallel=clock.delay <= 0):
                if clock.shared is None:
                    future = pool.submit(fetch_one, url, extra)
                else:
                    busy = clock.take_shared(host)
                    if busy is not None:  # another worker has the host: try again later
                        plan.defer(host, (key, url, extra), busy)
                        continue
                    future = pool.submit(held, url, extra, host)
                in_flight[future] = (key, host)
                future.add_done_callback(finished.put)
            if not in_flight:
                time.sleep(plan.wait_seconds() or 0.0)  # every remaining host is in its delay
                continue
            timeout = plan.wait_seconds() if len(in_flight) < concurrency else None
            for future in _completed(finished, timeout):
                key, host = in_flight.pop(future)
                plan.host_done(host)
                yield key, future.result()
    except KeyboardInterrupt:
        interrupted = True
        raise
    finally:
        # The caller stopped early (or a bug): queued jobs are dropped, running ones finish.
        # Ctrl-C is not kept waiting for them (a stalled source: a minute); the process ends.
        pool.shutdown(wait=not interrupted, cancel_futures=True)


def _completed(finished: SimpleQueue[Future[R]], timeout: float | None) -> list[Future[R]]:
    """The futures finished so far, waiting up to `timeout` (None: forever) for one."""
    try:
        done = [finished.get(timeout=timeout)]
    except Empty:
        return []
    while True:
        try:
            done.append(finished.get_nowait())
        except Empty:
            return done


class HostSlots(Protocol):
    """Hosts shared with other processes (several workers on one database)."""

    def take(self, host: str, hold: float) -> float | None:
        """Take the host for at most `hold` seconds (until given back): None when taken,
        else the seconds until another process's hold or delay on it ends."""

    def give_back(self, host: str, delay: float) -> None:
        """This process is done with the host: others may ask it `delay` from now."""


class HostClock:
    """When each host may be asked again: per_host_delay after its last request ended.

    With `shared` slots (several workers), a request also takes its host's slot there,
    held while the request runs and given back per_host_delay ahead of its end: the same
    rule across processes. `hold` bounds a slot whose process died before giving it back.
    """

    def __init__(self, delay: float, shared: HostSlots | None = None, hold: float = 60.0):
        self.delay = delay
        self.shared = shared if delay > 0 else None
        self.hold = hold
        self._next: dict[str, float] = {}
        self._lock = threading.Lock()
        self._held = threading.local()  # per thread: the hosts whose shared slot it holds

    def ready_at(self, host: str) -> float:
        with self._lock:
            return self._next.get(host, 0.0)

    def reserve(self, host: str) -> float:
        """Seconds to wait before starting a request to `host`; holds the slot after it."""
        if self.delay <= 0:
            return 0.0
        with self._lock:
            now = time.monotonic()
            start = max(now, self._next.get(host, 0.0))
            self._next[host] = start + self.delay
            return start - now

    def finished(self, host: str) -> None:
        if self.delay <= 0:
            return
        with self._lock:
            self._next[host] = max(self._next.get(host, 0.0), time.monotonic() + self.delay)

    # -- shared with other workers ------------------------------------------------------

    def take_shared(self, host: str) -> float | None:
        """Take `host`'s shared slot: None when taken (or nothing is shared), else how
        long to wait before trying again. A held slot is retried every per_host_delay,
        not at the end of its hold: its holder gives it back as soon as it is done."""
        if self.shared is None:
            return None
        busy = self.shared.take(host, self.hold)
        if busy is None:
            return None
        # Not written into this process's clock: a holder's `busy` runs to the end of its
        # hold, and it gives the host back long before.
        return min(busy, self.delay)

    def holding(self, host: str) -> _Holding:
        """Run a job whose shared slot on `host` is taken (take_shared): its requests to
        the host need no slot of their own; the slot is given back when the job ends."""
        return _Holding(self, host)

    def holds(self, host: str) -> bool:
        """Whether this thread holds `host`'s shared slot (inside holding, or a request)."""
        return host in self._held_here()

    def take_for_request(self, host: str, deadline: float) -> bool:
        """One request's slot on `host`, unless this thread holds it already: waits (in
        this thread: a request outside fetch_all, or a redirect to another host) until the
        host is free, up to `deadline` (monotonic). False when the deadline came first."""
        if self.shared is None or self.holds(host):
            return True
        while True:
            busy = self.take_shared(host)
            if busy is None:
                self._held_here().add(host)
                self._requests_here().add(host)
                return True
            if time.monotonic() + busy >= deadline:
                return False
            time.sleep(busy)

    def request_done(self, host: str) -> None:
        """A request ended: a slot taken for it alone (take_for_request) is given back."""
        if self.shared is None or host not in self._requests_here():
            return
        self._requests_here().discard(host)
        self._held_here().discard(host)
        self.shared.give_back(host, self.delay)

    def _held_here(self) -> set[str]:
        held = getattr(self._held, "hosts", None)
        if held is None:
            held = self._held.hosts = set()
        return held

    def _requests_here(self) -> set[str]:
        taken = getattr(self._held, "requests", None)
        if taken is None:
            taken = self._held.requests = set()
        return taken


class _Holding:
    def __init__(self, clock: HostClock, host: str):
        self._clock, self._host = clock, host

    def __enter__(self) -> None:
        self._clock._held_here().add(self._host)

    def __exit__(self, *exc_info: object) -> None:
        self._clock._held_here().discard(self._host)
        if self._clock.shared is not None:
            self._clock.shared.give_back(self._host, self._clock.delay)


class HostQueues(Generic[K, V]):
    """fetch_all's plan: jobs queued per host, hosts ordered by when they are ready."""

    def __init__(self, jobs: Iterable[tuple[K, str, V]], clock: HostClock):
        self._clock = clock
        self._queues: dict[str, deque[tuple[K, str, V]]] = {}
        for key, url, validators in jobs:
            self._queues.setdefault(host_of(url), deque()).append((key, url, validators))
        self._order = {host: n for n, host in enumerate(self._queues)}
        # Idle hosts with jobs left, as (ready time, first-seen order, host).
        self._heap = [(clock.ready_at(h), self._order[h], h) for h in self._queues]
        heapq.heapify(self._heap)
        self._idle = set(self._queues)

    def __bool__(self) -> bool:
        return bool(self._queues)

    def ready(self, room: int, *, parallel: bool) -> list[tuple[K, str, V, str]]:
        """Up to `room` jobs whose host is ready now; their hosts are busy until host_done."""
        now = time.monotonic()
        out = []
        while room > 0 and self._heap and self._heap[0][0] <= now:
            _, order, host = heapq.heappop(self._heap)
            self._idle.discard(host)
            queue = self._queues[host]
            out.append((*queue.popleft(), host))
            room -= 1
            if not queue:
                del self._queues[host]
            elif parallel:  # no per-host delay: the host's next job may run alongside
                heapq.heappush(self._heap, (now, order, host))
                self._idle.add(host)
        return out

    def defer(self, host: str, job: tuple[K, str, V], seconds: float) -> None:
        """Put back a job `ready` handed out, first in its host's queue, `seconds` ahead."""
        self._queues.setdefault(host, deque()).appendleft(job)
        heapq.heappush(self._heap, (time.monotonic() + seconds, self._order[host], host))
        self._idle.add(host)

    def host_done(self, host: str) -> None:
        if host in self._queues and host not in self._idle:
            heapq.heappush(self._heap, (self._clock.ready_at(host), self._order[host], host))
            self._idle.add(host)

    def wait_seconds(self) -> float | None:
        """Until the next idle host is ready; None when no host is waiting."""
        if not self._heap:
            return None
        return max(0.0, self._heap[0][0] - time.monotonic())


# The usual URL's scheme, host name and port, read without urlsplit (a few times
# per fetch, for thousands of sources): what urlsplit would find in them.
_USUAL_URL = re.compile(r"(https?)://([a-z0-9.-]+)(?::([0-9]*))?(?=[/?#]|$)")


def usual_origin(url: str) -> tuple[str, str, int | None] | None:
    """(scheme, host name, port) as urlsplit(url) reads them, for an http(s) URL
    with a lower-case ASCII host and no user:password; None for any other URL.
    A port urlsplit would refuse (over 65535) gives None too."""
    match = _USUAL_URL.match(url)
    if match is None:
        return None
    scheme, host, digits = match.groups()
    port = int(digits) if digits else None
    if port is not None and port > 65535:
        return None
    return scheme, host, port


def host_of(url: str) -> str:
    """The politeness key: the host name (ports and schemes of one host share it)."""
    usual = usual_origin(url)
    if usual is not None:
        return usual[1]
    try:
        return (urlsplit(url).hostname or "").lower()
    except ValueError:
        return ""
