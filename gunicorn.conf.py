"""gunicorn settings for `make run` and production. Environment variables override the defaults:
HOST, PORT, WEB_CONCURRENCY (workers), GUNICORN_TIMEOUT, FORWARDED_ALLOW_IPS (read by gunicorn)."""

import multiprocessing
import os

bind = f"{os.environ.get('HOST', '127.0.0.1')}:{os.environ.get('PORT', '8000')}"
wsgi_app = "freelanceguide.wsgi:application"

# Sync workers gave the steadiest throughput on this kind of machine (see DESIGN.md). A sync
# worker waits while the database or Redis answers, so gunicorn's rule of thumb, two per core
# plus one, keeps the cores busy; WEB_CONCURRENCY sets the number outright (a small VPS: 2-3).
worker_class = "sync"
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2 + 1))

# A request taking longer than this is stuck: the worker is killed and replaced.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
# SIGTERM (deploys, docker stop, systemd): stop accepting, let requests in flight finish for up
# to this long, then exit. Keep the load balancer's drain time at least as long.
graceful_timeout = 20
keepalive = 5
# Replace each worker now and then, so a slow leak can never grow without bound. Not often: a
# new worker boots Django and starts with an empty page cache, a stall of a few hundred ms that
# every request queued behind it feels (at 2,000, each worker was replaced every second under
# `make bench` and p99 jumped from 10 ms to 160-370 ms).
max_requests = 200_000
max_requests_jitter = 20_000
# Worker heartbeats on a RAM disk where there is one (slow or full disks stall heartbeats);
# gunicorn creates its files there with mkstemp, so a shared folder is safe.
SHM = "/dev/shm"  # noqa: S108
worker_tmp_dir = SHM if os.path.isdir(SHM) else None

# Over-long request lines and headers are refused by gunicorn itself (414 / 400), before Django.
limit_request_line = 4094
limit_request_fields = 100
limit_request_field_size = 8190

# Access log on stdout, errors on stderr: the service manager or container runtime keeps them.
accesslog = "-"
errorlog = "-"
loglevel = "info"

# gunicorn 27's control socket lives in ~/.gunicorn and is shared by every instance of a user.
control_socket_disable = True


def worker_exit(server, worker):
    """Store the counts of pages served (searches) this worker still holds (page_cache.tallies)."""
    from freelanceguide.page_cache import tallies

    tallies.flush()
