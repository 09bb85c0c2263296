"""Test settings: fast hashing, plain static storage, in-memory cache and media."""

import tempfile

from .base import *  # noqa: F403
from .base import STORAGES

SECRET_KEY = "test-only-key"  # noqa: S105 (test settings only)
DEBUG = False
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
MEDIA_ROOT = tempfile.mkdtemp(prefix="fg-test-media-")
# whitenoise warns when STATIC_ROOT is missing; tests serve static files through the finders.
STATIC_ROOT = tempfile.mkdtemp(prefix="fg-test-static-")
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
