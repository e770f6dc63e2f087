"""The one cache policy of the app: results memoised per data release.

A release is immutable and a new one has a new id, so an answer keyed on (release id, function,
arguments) can never go stale: after ``CURRENT`` names a new release every memoised function
computes afresh. :func:`per_release` decorates a function; :func:`memoised` is the same policy for
callers that build their own key (``data.db.query``).

- Bounded: at most ``ATLAS_QUERY_CACHE`` entries in all (default 512), least recently used
  dropped first; ``0`` turns memoisation off (every call computes). A function with large
  answers keeps its own smaller bound (``@per_release(size=4)``).
- Thread-safe: the store is guarded by a lock (a value is computed outside it, so two threads
  missing at once may both compute; both get the same answer).
- Private copies: a caller gets a copy of a DataFrame, dict, list or set, never the stored
  object, so mutating a result cannot change what the next caller sees.
- Arguments that cannot be hashed (after lists, tuples and dicts are frozen) are computed, not
  cached.
"""
from __future__ import annotations

import copy
import functools
import os
import threading
from collections import OrderedDict
from collections.abc import Callable

import pandas as pd

SIZE = int(os.environ.get("ATLAS_QUERY_CACHE", "512"))
#: Every function decorated with :func:`per_release` (tests check each follows a new release).
REGISTRY: list[Callable] = []


class _Store:
    def __init__(self, limit: int | None = None):
        self._d: OrderedDict = OrderedDict()
        self._lock = threading.Lock()
        self.limit = limit  # None: the shared bound SIZE

    def get(self, key):
        with self._lock:
            if key in self._d:
                self._d.move_to_end(key)
                return True, self._d[key]
        return False, None

    def put(self, key, value) -> None:
        with self._lock:
            self._d[key] = value
            self._d.move_to_end(key)
            limit = SIZE if self.limit is None else min(self.limit, SIZE)
            while len(self._d) > max(limit, 0):
                self._d.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._d.clear()

    def __len__(self) -> int:
        return len(self._d)


_STORE = _Store()
_STORES = [_STORE]


def clear() -> None:
    """Forget every memoised answer (``data.db.reset`` calls it)."""
    for store in _STORES:
        store.clear()


def freeze(v):
    """A hashable stand-in for ``v`` (lists/tuples -> tuples, dicts -> sorted item tuples)."""
    if isinstance(v, (list, tuple)):
        return tuple(freeze(x) for x in v)
    if isinstance(v, dict):
        return tuple(sorted((k, freeze(x)) for k, x in v.items()))
    return v


def private(v):
    """A copy the caller may change: DataFrames copied, containers deep-copied, the rest as is."""
    if isinstance(v, (pd.DataFrame, pd.Series)):
        return v.copy()
    if isinstance(v, (dict, list, set)):
        return copy.deepcopy(v)
    return v


def memoised(release_id: str, name: str, args, compute: Callable[[], object],
             store: _Store = _STORE, keep: Callable[[object], bool] | None = None):
    """``compute()`` once per (release, ``name``, ``args``); a private copy of the answer.

    ``keep(answer)`` false: the answer is returned but not stored (the next call computes)."""
    if SIZE <= 0:
        return compute()
    key = (release_id, name, freeze(args))
    try:
        found, hit = store.get(key)
    except TypeError:  # unhashable arguments: compute, do not cache
        return compute()
    if not found:
        hit = compute()
        if keep is not None and not keep(hit):
            return hit
        store.put(key, hit)
    return private(hit)


def store(size: int) -> _Store:
    """A store of its own for :func:`memoised`, holding at most ``size`` answers (and never more
    than ``ATLAS_QUERY_CACHE``); :func:`clear` empties it with the others."""
    own = _Store(size)
    _STORES.append(own)
    return own


def per_release(fn: Callable | None = None, *, size: int | None = None):
    """Memoise ``fn`` per data release and arguments (see the module docstring).

    ``@per_release`` shares the bound ``ATLAS_QUERY_CACHE``; ``@per_release(size=n)`` keeps at
    most ``n`` answers of its own (large ones, such as download files)."""
    if fn is None:
        return functools.partial(per_release, size=size)
    name = f"{fn.__module__}.{fn.__qualname__}"
    own = _STORE if size is None else store(size)

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        from . import db

        return memoised(db.release().release_id, name, (args, kwargs),
                        lambda: fn(*args, **kwargs), own)

    wrapper.uncached = fn
    REGISTRY.append(wrapper)
    return wrapper
