"""freelanceguide/wsgi.py: a worker loads every view, then freezes what it built out of the
garbage collector's full collections (freelanceguide/startup.py). In a process of its own:
freezing the test process would change what its other tests see."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CHECK = """
import gc, sys
import freelanceguide.wsgi
print(gc.get_freeze_count(), len(gc.get_objects()), "search.views" in sys.modules, "avro" in sys.modules)
"""


def test_the_wsgi_application_loads_the_views_then_freezes_what_it_built():
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "freelanceguide.settings.test"}
    result = subprocess.run(  # noqa: S603 (our own interpreter and code)
        [sys.executable, "-c", CHECK], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120, check=True
    )
    frozen, still_collected, views_loaded, avro_loaded = result.stdout.split()
    assert views_loaded == "True" and avro_loaded == "True"  # the URLconf was loaded before freezing
    assert int(frozen) > 20_000  # Django, the site and its views
    assert int(still_collected) < int(frozen) // 10
