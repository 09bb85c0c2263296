"""gunicorn settings for `make run` and production (override with environment variables)."""

import multiprocessing
import os

bind = f"{os.environ.get('HOST', '127.0.0.1')}:{os.environ.get('PORT', '8000')}"
# Sync workers gave the steadiest throughput on this kind of machine (see DESIGN.md).
worker_class = "sync"
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count()))
timeout = 30
graceful_timeout = 20
keepalive = 5
accesslog = "-"
errorlog = "-"
# gunicorn 27's control socket lives in ~/.gunicorn and is shared by every instance of a user.
control_socket_disable = True
wsgi_app = "freelanceguide.wsgi:application"
