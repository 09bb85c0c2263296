from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path, re_path
from django.views.decorators.http import require_safe
from django.views.static import serve

from editorial import editor
from guides.views import home
from marketplaces.views import money
from seo.feeds import GuideFeed
from seo.sitemaps import SITEMAPS
from seo.views import robots_txt

from . import offline, views

MANIFEST_LANGUAGES = "|".join(code for code, _name in settings.LANGUAGES)

urlpatterns = [
    path("admin/", admin.site.urls),
    # Outside the language prefix: inside it the editor's POST would be redirected.
    path("markdownx/markdownify/", editor.markdownify, name="markdownx_markdownify"),
    path("markdownx/upload/", editor.upload, name="markdownx_upload"),
    path("language/<str:code>/", views.switch_language, name="switch_language"),
    path("healthz", views.healthz, name="healthz"),
    # Browsers ask for /favicon.ico on pages without an icon link (the admin).
    path("favicon.ico", views.favicon),
    path("sitemap.xml", require_safe(sitemap), {"sitemaps": SITEMAPS}, name="sitemap"),
    path("robots.txt", robots_txt, name="robots_txt"),
    # At the root, so the worker's scope is the whole site (freelanceguide/offline.py).
    path("sw.js", offline.service_worker, name="service_worker"),
    re_path(rf"^manifest-(?P<language>{MANIFEST_LANGUAGES})\.webmanifest$", offline.manifest, name="manifest"),
]

if settings.SERVE_MEDIA:
    urlpatterns.append(
        re_path(
            r"^media/(?P<path>uploads/[0-9a-f]{32}(?:\.jpg|\.png|\.webp|-[0-9]+w\.webp))$",
            serve,
            {"document_root": settings.MEDIA_ROOT},
        )
    )

urlpatterns += i18n_patterns(
    path("", home, name="home"),
    path("guides/", include("guides.urls")),
    path("skills/", include("skills.urls")),
    path("marketplaces/", include("marketplaces.urls")),
    path("learn/", include("training.urls")),
    path("money/", money, name="money"),
    path("glossary/", include("glossary.urls")),
    path("questions/", include("questions.urls")),
    path("search/", include("search.urls")),
    path("path/", include("planner.urls")),
    path("feed/", require_safe(GuideFeed()), name="feed"),
    path("offline/", offline.offline_page, name="offline"),
    path("feedback/", include("feedback.urls")),
    path("", include("checks.urls")),
)

# Error pages in the reader's language; 404 keeps Django's view with templates/404.html.
handler400 = "freelanceguide.errors.bad_request"
handler403 = "freelanceguide.errors.permission_denied"
handler500 = "freelanceguide.errors.server_error"
