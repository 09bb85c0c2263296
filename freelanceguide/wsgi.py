import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "freelanceguide.settings.prod")
# Cached reader pages are sent before Django builds a request (freelanceguide/page_cache.py).
from freelanceguide.page_cache import CachedPagesApp  # noqa: E402

application = CachedPagesApp(get_wsgi_application())
