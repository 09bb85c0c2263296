"""Settings for the services a deployment may share between app servers, read from the environment.

Pure functions of an environment mapping, so tests can check every case without restarting Django.
"""

import json

from django.core.exceptions import ImproperlyConfigured

FILESYSTEM_STORAGE = "django.core.files.storage.FileSystemStorage"


PAGES_CACHE = {
    "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
    "LOCATION": "pages",
    "OPTIONS": {"MAX_ENTRIES": 1000},
}


def caches_from_env(environ, key_prefix="fg", default_dir=".cache"):
    """ "default" is shared: Redis with REDIS_URL (every app server), else files in
    DJANGO_CACHE_DIR (every worker of one machine). "pages" is each worker's own memory."""
    url = environ.get("REDIS_URL", "").strip()
    if not url:
        default = {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": environ.get("DJANGO_CACHE_DIR", "").strip() or str(default_dir),
        }
    else:
        default = {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": url,
            "KEY_PREFIX": environ.get("CACHE_KEY_PREFIX", key_prefix),
            # Passed to redis-py's connection pool: a stalled Redis must not hold a worker for long.
            "OPTIONS": {"socket_connect_timeout": 2, "socket_timeout": 2},
        }
    return {"default": default, "pages": PAGES_CACHE}


def media_storage_from_env(environ):
    """Where editor uploads go: the local MEDIA_ROOT by default, or any storage backend.

    DJANGO_MEDIA_STORAGE is a dotted class path (e.g. storages.backends.s3.S3Storage from
    django-storages) and DJANGO_MEDIA_STORAGE_OPTIONS a JSON object of its options.
    """
    backend = environ.get("DJANGO_MEDIA_STORAGE", "").strip() or FILESYSTEM_STORAGE
    raw_options = environ.get("DJANGO_MEDIA_STORAGE_OPTIONS", "").strip() or "{}"
    try:
        options = json.loads(raw_options)
    except json.JSONDecodeError as error:
        raise ImproperlyConfigured(f"DJANGO_MEDIA_STORAGE_OPTIONS is not valid JSON: {error}") from error
    if not isinstance(options, dict):
        raise ImproperlyConfigured("DJANGO_MEDIA_STORAGE_OPTIONS must be a JSON object.")
    storage = {"BACKEND": backend}
    if options:
        storage["OPTIONS"] = options
    return storage
