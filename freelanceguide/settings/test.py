"""Test settings: fast hashing, plain static storage, in-memory cache and media."""

import os
import tempfile
import uuid

from .base import *  # noqa: F403
from .base import DATABASES, STORAGES
from .services import caches_from_env

SECRET_KEY = "test-only-key"  # noqa: S105 (test settings only)
DEBUG = False
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
MEDIA_ROOT = tempfile.mkdtemp(prefix="fg-test-media-")
# whitenoise warns when STATIC_ROOT is missing; tests serve static files through the finders.
STATIC_ROOT = tempfile.mkdtemp(prefix="fg-test-static-")
# A file, not :memory:, so the browser tests' live-server threads each get their own connection.
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["TEST"] = {"NAME": os.path.join(tempfile.mkdtemp(prefix="fg-test-db-"), "test.sqlite3")}
# With REDIS_URL (CI) the suite's shared cache is Redis, under a key prefix of its own; else memory.
if os.environ.get("REDIS_URL", "").strip():
    CACHES = caches_from_env({**os.environ, "CACHE_KEY_PREFIX": f"test-{uuid.uuid4().hex[:12]}"})
else:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        "pages": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "pages"},
    }
# Tests never touch the network: the daily rate import is off (its tests hand it a stored page).
EXCHANGE_RATE_IMPORT_URL = ""
# Counts of pages served (searches) are flushed by the tests themselves, never inside a request
# whose queries a test counts (freelanceguide/page_cache/tallies.py).
PAGE_TALLY_FLUSH_SECONDS = 10**9
