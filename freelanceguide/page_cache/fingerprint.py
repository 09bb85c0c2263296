"""The deployment fingerprint: what this release's pages depend on besides content (catalogs,
templates, code, the static manifest), read once when the process starts."""

import hashlib
from pathlib import Path

from django.conf import settings


def deployment_files():
    """Files whose change must invalidate every page: catalogs, templates, code, static manifest."""
    base = Path(settings.BASE_DIR)
    roots = [Path(p) for p in settings.LOCALE_PATHS]
    roots += [Path(d) for engine in settings.TEMPLATES for d in engine.get("DIRS", [])]
    # Every installed app that lives in this repository: a new app needs no entry here.
    roots += sorted({base / name.split(".")[0] for name in settings.INSTALLED_APPS} & set(base.iterdir()))
    files = []
    for root in roots:
        if root.is_dir():
            # .js: the service worker's template (its caches are named after this fingerprint).
            files += [p for p in root.rglob("*") if p.suffix in {".mo", ".html", ".py", ".js"} and p.is_file()]
    manifest = Path(settings.STATIC_ROOT) / "staticfiles.json"
    if manifest.is_file():
        files.append(manifest)
    return sorted(files)


def compute_deployment_fingerprint():
    digest = hashlib.sha256()
    newest = 0.0
    for path in deployment_files():
        stat = path.stat()
        newest = max(newest, stat.st_mtime)
        digest.update(f"{path}\0{stat.st_mtime_ns}\0{stat.st_size}\n".encode())
    return digest.hexdigest()[:16], newest


# Read once per process: Django itself reads catalogs and code once per process too.
DEPLOYMENT_FINGERPRINT, DEPLOYED_AT = compute_deployment_fingerprint()
