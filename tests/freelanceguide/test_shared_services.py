"""REDIS_URL switches the cache to Redis (shared by app servers); STORAGES' media backend comes
from the environment. The Redis tests run against a real server whenever REDIS_URL is set (CI
sets it: `make test-services`)."""

import os
import uuid

import pytest
from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.redis import RedisCache
from django.core.exceptions import ImproperlyConfigured
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.test import override_settings

from freelanceguide.settings.services import caches_from_env, media_storage_from_env
from tests.editorial.test_editor import UPLOAD, image_bytes

REDIS_URL = os.environ.get("REDIS_URL", "")


@pytest.fixture
def redis_url():
    if not REDIS_URL:
        message = "REDIS_URL is not set: start Redis (make test-services does) to run the cache tests"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    return REDIS_URL


def test_without_redis_url_the_workers_of_one_machine_share_a_file_cache():
    default = caches_from_env({}, default_dir="/srv/fg/.cache")["default"]
    assert default == {"BACKEND": "django.core.cache.backends.filebased.FileBasedCache", "LOCATION": "/srv/fg/.cache"}
    assert (
        caches_from_env({"REDIS_URL": "  ", "DJANGO_CACHE_DIR": "/var/cache/fg"})["default"]["LOCATION"]
        == "/var/cache/fg"
    )


def test_rendered_pages_stay_in_each_workers_memory_with_or_without_redis():
    for environ in ({}, {"REDIS_URL": "redis://cache.internal:6379/1"}):
        assert caches_from_env(environ)["pages"]["BACKEND"] == "django.core.cache.backends.locmem.LocMemCache"


def test_redis_url_selects_the_redis_cache():
    config = caches_from_env({"REDIS_URL": "redis://cache.internal:6379/1", "CACHE_KEY_PREFIX": "site-a"})["default"]
    assert config["BACKEND"] == "django.core.cache.backends.redis.RedisCache"
    assert config["LOCATION"] == "redis://cache.internal:6379/1"
    assert config["KEY_PREFIX"] == "site-a"
    assert config["OPTIONS"]["socket_timeout"] <= 5


def test_the_test_suite_uses_redis_when_redis_url_is_set():
    backend = caches["default"]
    assert isinstance(backend, RedisCache) == bool(REDIS_URL)


def redis_cache(url, prefix):
    """A cache client as a second app server would build it from the same settings."""
    config = caches_from_env({"REDIS_URL": url, "CACHE_KEY_PREFIX": prefix})["default"]
    return RedisCache(config["LOCATION"], {k: v for k, v in config.items() if k not in ("BACKEND", "LOCATION")})


def test_two_app_servers_share_the_redis_cache(redis_url):
    prefix = f"share-{uuid.uuid4().hex}"
    server_a, server_b = redis_cache(redis_url, prefix), redis_cache(redis_url, prefix)
    try:
        server_a.set("page:/bn/", "বাংলা পেজ", 30)
        assert server_b.get("page:/bn/") == "বাংলা পেজ"
        server_b.set("version", 1)
        server_a.incr("version")
        assert server_b.get("version") == 2
        server_a.delete("page:/bn/")
        assert server_b.get("page:/bn/") is None
    finally:
        server_a.delete_many(["page:/bn/", "version"])


def test_keys_expire_and_prefixes_keep_sites_apart(redis_url):
    one = redis_cache(redis_url, f"one-{uuid.uuid4().hex}")
    other = redis_cache(redis_url, f"other-{uuid.uuid4().hex}")
    one.set("key", "mine", 30)
    assert other.get("key") is None
    one.set("short", "x", timeout=0)  # 0 means expire at once
    assert one.get("short") is None
    assert one.add("key", "again") is False
    one.delete("key")


def test_the_default_cache_round_trips_bangla(redis_url):
    key = f"t-{uuid.uuid4().hex}"
    caches["default"].set(key, {"title": "ফ্রিল্যান্সিং"}, 30)
    assert caches["default"].get(key) == {"title": "ফ্রিল্যান্সিং"}
    caches["default"].delete(key)


def test_media_storage_is_local_by_default():
    assert media_storage_from_env({}) == {"BACKEND": "django.core.files.storage.FileSystemStorage"}
    assert settings.STORAGES["default"]["BACKEND"] == "django.core.files.storage.FileSystemStorage"


def test_media_storage_backend_and_options_come_from_the_environment():
    storage = media_storage_from_env(
        {
            "DJANGO_MEDIA_STORAGE": "storages.backends.s3.S3Storage",
            "DJANGO_MEDIA_STORAGE_OPTIONS": '{"bucket_name": "fg-media", "endpoint_url": "https://s3.example"}',
        }
    )
    assert storage == {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {"bucket_name": "fg-media", "endpoint_url": "https://s3.example"},
    }


@pytest.mark.parametrize("options", ["{not json", "[1, 2]", '"text"'])
def test_bad_media_storage_options_stop_the_start(options):
    with pytest.raises(ImproperlyConfigured):
        media_storage_from_env({"DJANGO_MEDIA_STORAGE_OPTIONS": options})


@pytest.mark.django_db
def test_editor_uploads_go_to_the_configured_storage(staff_client):
    in_memory = media_storage_from_env({"DJANGO_MEDIA_STORAGE": "django.core.files.storage.InMemoryStorage"})
    with override_settings(STORAGES={**settings.STORAGES, "default": in_memory}):
        response = staff_client.post(UPLOAD, {"image": ContentFile(image_bytes(), name="a.png")})
        assert response.status_code == 200, response.content
        url = response.json()["image_code"].rpartition("](")[2].removesuffix(")")
        name = url.removeprefix(settings.MEDIA_URL)
        assert type(default_storage._wrapped).__name__ == "InMemoryStorage"
        assert default_storage.exists(name)
    assert not default_storage.exists(name)  # nothing was written to the local MEDIA_ROOT


def test_the_suite_runs_on_the_database_named_in_database_url():
    from django.db import connection

    expected = "postgresql" if os.environ.get("DATABASE_URL", "").startswith("postgres") else "sqlite"
    assert connection.vendor == expected
