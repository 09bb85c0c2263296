"""One cold search results page, served as a gunicorn worker serves it: shared by
search_bench.py and search_ab.py (which runs it against other checkouts, so it imports only
Django, inside the function)."""

import time

# What Chrome on Android sends over HTTPS (less zstd, which the site does not offer).
ACCEPT_ENCODING = "gzip, deflate, br"


def cold_page_ms(application, query):
    """(wall ms, this process's CPU ms) of one results page with the page cache emptied, served
    as gunicorn has a worker serve it: the WSGI application called with the request's environ,
    its body read and the response closed (which ends the request: Django's request_finished)."""
    from django.core.cache import caches
    from django.test import RequestFactory

    caches["pages"].clear()
    environ = RequestFactory().get("/bn/search/", {"q": query}, headers={"accept-encoding": ACCEPT_ENCODING}).environ
    status = []
    start, cpu_start = time.perf_counter(), time.process_time()
    body = application(environ, lambda code, headers, exc_info=None: status.append(code))
    try:
        b"".join(body)
    finally:
        if hasattr(body, "close"):
            body.close()
    elapsed = (time.perf_counter() - start) * 1000
    # This process's CPU time: on SQLite the whole page's work, unlike wall time unswayed by
    # other work on the machine (on PostgreSQL the server's share is not in it).
    cpu_ms = (time.process_time() - cpu_start) * 1000
    assert status == ["200 OK"], (query, status)
    return elapsed, cpu_ms
