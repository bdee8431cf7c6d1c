"""A Redis cache whose loss costs speed, not availability.

Django's RedisCache raises redis.ConnectionError when Redis is gone, so every
page with a ``{% cache %}`` fragment answered 500. This backend answers as an
empty cache instead: reads miss, writes are dropped, ``incr`` raises ValueError
as for a missing key. After a failure it leaves Redis alone for RETRY_SECONDS
(no connection attempt per call), then tries again, so caching resumes by
itself. A failure is logged once per LOG_SECONDS per process, not per request.

While Redis is down, the public forms' rate limit (home.form_protection) counts
nothing and so lets submissions through: availability over throttling, and the
warning says so.
"""

import logging
import time

from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

RETRY_SECONDS = 5
LOG_SECONDS = 60

# Per server location, shared by the per-thread cache objects of one process.
_state = {}


class ReusingRedisCacheClient(RedisCacheClient):
    """One redis.Redis per connection pool. Django's client builds a new one for every
    call, and its constructor (response callbacks) costs a cached page more CPU than
    the rest of serving it (benchmarks/bakerydemo_compare.py)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        if id(pool) not in self._clients:
            self._clients[id(pool)] = self._client(connection_pool=pool)
        return self._clients[id(pool)]


class ResilientRedisCache(RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = ReusingRedisCacheClient

    def _health(self):
        return _state.setdefault(self._servers[0], {"down_until": 0.0, "logged_at": None})

    def _available(self):
        return time.monotonic() >= self._health()["down_until"]

    def _failed(self, error):
        health, now = self._health(), time.monotonic()
        health["down_until"] = now + RETRY_SECONDS
        if health["logged_at"] is None or now - health["logged_at"] >= LOG_SECONDS:
            health["logged_at"] = now
            logger.warning(
                "Cache unavailable (%s); pages are rendered without it and the public "
                "forms' rate limit is not enforced until it returns",
                error,
            )

    def _succeeded(self):
        health = self._health()
        if health["logged_at"] is not None:
            health["logged_at"] = None
            logger.warning("Cache available again")

    def _call(self, name, fallback, *args, **kwargs):
        if not self._available():
            return fallback()
        try:
            result = getattr(super(), name)(*args, **kwargs)
        except RedisError as error:
            self._failed(error)
            return fallback()
        self._succeeded()
        return result

    # Each call as in RedisCache; with Redis gone, what an empty cache would answer.

    def get(self, key, default=None, version=None):
        return self._call("get", lambda: default, key, default, version)

    def get_many(self, keys, version=None):
        return self._call("get_many", dict, keys, version)

    def has_key(self, key, version=None):
        return self._call("has_key", lambda: False, key, version)

    def set(self, *args, **kwargs):
        return self._call("set", lambda: None, *args, **kwargs)

    def set_many(self, data, *args, **kwargs):
        return self._call("set_many", lambda: list(data), data, *args, **kwargs)

    def add(self, *args, **kwargs):
        return self._call("add", lambda: False, *args, **kwargs)

    def touch(self, *args, **kwargs):
        return self._call("touch", lambda: False, *args, **kwargs)

    def delete(self, *args, **kwargs):
        return self._call("delete", lambda: False, *args, **kwargs)

    def delete_many(self, *args, **kwargs):
        return self._call("delete_many", lambda: None, *args, **kwargs)

    def incr(self, *args, **kwargs):
        return self._call("incr", _missing_key, *args, **kwargs)

    def clear(self):
        return self._call("clear", lambda: False)


def _missing_key():
    raise ValueError("Cache unavailable")  # what incr() raises for a missing key
