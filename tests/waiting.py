"""Waiting for a condition, never for a fixed time: ``wait_until(predicate, timeout=...)``."""
from __future__ import annotations

import time


def wait_until(predicate, timeout: float = 10.0, interval: float = 0.05, what: str = "",
               ignore: tuple[type[BaseException], ...] = (Exception,)):
    """Poll ``predicate()`` until it returns something truthy (returned) or ``timeout`` seconds
    pass (AssertionError naming ``what``). Exceptions in ``ignore`` count as "not yet"."""
    deadline = time.monotonic() + timeout
    last = None
    while True:
        try:
            got = predicate()
            if got:
                return got
        except ignore as e:  # not ready yet; reported if it never is
            last = e
        if time.monotonic() > deadline:
            raise AssertionError(f"not within {timeout} s: {what or predicate}"
                                 + (f" (last error: {last!r})" if last else ""))
        time.sleep(interval)


def holds_for(predicate, seconds: float, what: str = "") -> int:
    """Assert ``predicate()`` on every poll for ``seconds`` (a property that must stay true, e.g.
    while a server re-checks its data); return how many times it was checked."""
    deadline = time.monotonic() + seconds
    n = 0
    while n == 0 or time.monotonic() < deadline:
        assert predicate(), what or predicate
        n += 1
    return n
