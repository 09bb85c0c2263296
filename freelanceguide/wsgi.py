import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "freelanceguide.settings.prod")
# Cached reader pages are sent before Django builds a request (freelanceguide/page_cache/).
from freelanceguide.page_cache.wsgi import CachedPagesApp  # noqa: E402
from freelanceguide.startup import freeze_startup_objects  # noqa: E402

application = CachedPagesApp(get_wsgi_application())
freeze_startup_objects()
