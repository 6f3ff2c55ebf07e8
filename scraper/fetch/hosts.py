"""Per-host politeness: when a host may be asked again, and fetch_all's scheduling by host."""

from __future__ import annotations

import heapq
import re
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from queue import Empty, SimpleQueue
from typing import Generic, TypeVar
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
    try:
        while plan or in_flight:
            room = concurrency - len(in_flight)
            for key, url, extra, host in plan.ready(room, parallel=clock.delay <= 0):
                future = pool.submit(fetch_one, url, extra)
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
    finally:
        # The caller stopped early (or a bug): queued jobs are dropped, running ones finish.
        pool.shutdown(wait=True, cancel_futures=True)


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


class HostClock:
    """When each host may be asked again: per_host_delay after its last request ended."""

    def __init__(self, delay: float):
        self.delay = delay
        self._next: dict[str, float] = {}
        self._lock = threading.Lock()

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
