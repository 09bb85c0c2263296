"""gunicorn.conf.py: workers from the core count, timeouts, access log on stdout, no control
socket, over-long requests refused, and a clean exit on SIGTERM (one real gunicorn, ~2 s)."""

import multiprocessing
import os
import runpy
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CONF = ROOT / "gunicorn.conf.py"


def load_conf(monkeypatch, **env):
    for name in ("WEB_CONCURRENCY", "GUNICORN_TIMEOUT", "PORT", "HOST"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    return runpy.run_path(str(CONF))


def test_workers_follow_the_core_count_unless_set(monkeypatch):
    assert load_conf(monkeypatch)["workers"] == multiprocessing.cpu_count() * 2 + 1
    assert load_conf(monkeypatch, WEB_CONCURRENCY="3")["workers"] == 3


def test_timeouts_logs_and_control_socket(monkeypatch):
    conf = load_conf(monkeypatch, PORT="9001", GUNICORN_TIMEOUT="45")
    assert conf["bind"] == "127.0.0.1:9001"
    assert conf["timeout"] == 45 and 0 < conf["graceful_timeout"] <= conf["timeout"]
    assert conf["accesslog"] == "-" and conf["control_socket_disable"] is True
    assert conf["worker_class"] == "sync"


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def get(url, timeout=5):
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:  # noqa: S310 (loopback only)
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


@pytest.fixture
def server(tmp_path):
    port = free_port()
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith("DJANGO_") and k != "DATABASE_URL"},
        "DJANGO_SETTINGS_MODULE": "freelanceguide.settings.prod",
        "DJANGO_SECRET_KEY": "x" * 50,
        "DJANGO_SECURE": "0",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "PORT": str(port),
        "WEB_CONCURRENCY": "1",
        "HOME": str(tmp_path),  # a control socket, if one were opened, would show up here
    }
    process = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "-c", str(CONF)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        try:
            if get(base + "/healthz", timeout=1) == 200:
                break
        except OSError:
            time.sleep(0.1)
    yield process, base, tmp_path
    if process.poll() is None:
        process.kill()
        process.wait()


def test_gunicorn_serves_logs_refuses_long_lines_and_stops_gracefully_on_sigterm(server):
    process, base, home = server
    assert get(base + "/healthz") == 200
    assert get(base + "/bn/?q=" + "x" * 5000) == 414  # over limit_request_line: gunicorn refuses
    process.send_signal(signal.SIGTERM)
    stdout, stderr = process.communicate(timeout=30)
    assert process.returncode == 0, stderr
    assert '"GET /healthz HTTP/1.1" 200' in stdout  # the access log is on stdout
    assert "Handling signal: term" in stderr and "Shutting down" in stderr
    assert not (home / ".gunicorn").exists()
