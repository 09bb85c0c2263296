"""Settings shared by every environment. Secrets and hosts come from the environment."""

import datetime
import os
from pathlib import Path

import dj_database_url
from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _

from .services import caches_from_env, media_storage_from_env

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
DEBUG = False
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost")

INSTALLED_APPS = [
    # modeltranslation must come before the admin so its admin classes patch the admin.
    "modeltranslation",
    # django.contrib.admin, with a site that can ask staff for a second factor.
    "editorial.apps.EditorsAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "markdownx",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "reversion",
    "reversion_compare",
    "freelanceguide",
    "skills",
    "marketplaces",
    # Before guides: guides link glossary terms when they are saved (and loaded).
    "glossary",
    "guides",
    "training",
    # After guides, skills and marketplaces: questions link to them (never the reverse).
    "questions",
    "planner",
    "search",
    "seo",
    "editorial",
    "feedback",
    "checks",
]

MIDDLEWARE = [
    # First, so a cached reader page skips all the work below (freelanceguide/page_cache/).
    "freelanceguide.page_cache.middleware.PageCacheMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Database errors anywhere below become a 503 page, not a traceback.
    "freelanceguide.middleware.DatabaseUnavailableMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    # A 404 at an item's old address becomes a 301 to its current one.
    "editorial.redirects.middleware.SlugRedirectMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Marks a user who gave the second factor (request.user.is_verified()).
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last, as django-axes asks: turns a locked-out login into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "freelanceguide.urls"
WSGI_APPLICATION = "freelanceguide.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            # Every {% url %} remembers what it reversed (freelanceguide/remembered_urls.py).
            "builtins": ["freelanceguide.templatetags.remembered_url"],
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "freelanceguide.context_processors.site",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        env="DATABASE_URL",
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=60,
        # A kept connection is checked before reuse, so the site recovers by itself when the
        # database comes back after an outage.
        conn_health_checks=True,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Admin login lockout (django-axes): 5 failures per user name, or per address, lock for 15 minutes.
AUTHENTICATION_BACKENDS = [
    "editorial.sign_in.LockoutBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Staff sign in with a password and a one-time code (editorial/sign_in.py); production
# requires it, development and tests do not (tests that check it turn it on).
STAFF_SECOND_FACTOR_REQUIRED = False
OTP_TOTP_ISSUER = "Freelancing guide"
AXES_FAILURE_LIMIT = 5
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_COOLOFF_TIME = datetime.timedelta(minutes=15)
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "editorial.sign_in.lockout_response"
# The client's address: REMOTE_ADDR, or X-Forwarded-For behind DJANGO_TRUSTED_PROXIES proxies.
AXES_CLIENT_IP_CALLABLE = "freelanceguide.security.client_ip"
TRUSTED_PROXIES = int(os.environ.get("DJANGO_TRUSTED_PROXIES", "0"))

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: Bangla first. Interface strings live in locale/, content in translated fields.
LANGUAGE_CODE = "bn"
LANGUAGES = [("bn", _("Bangla")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
TIME_ZONE = "Asia/Dhaka"
USE_TZ = True

MODELTRANSLATION_DEFAULT_LANGUAGE = "bn"
MODELTRANSLATION_LANGUAGES = ("bn", "en")
# Fallback goes both ways: an untranslated field shows the other language (with a notice).
MODELTRANSLATION_FALLBACK_LANGUAGES = {"default": ("bn", "en"), "bn": ("en",), "en": ("bn",)}
# Served from static/vendor so the admin's language tabs work with no internet.
MODELTRANSLATION_JQUERY_UI_URL = "vendor/jquery-ui/jquery-ui.min.js"
JQUERY_UI_URL = MODELTRANSLATION_JQUERY_UI_URL

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("DJANGO_STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("DJANGO_MEDIA_ROOT", BASE_DIR / "media"))
# On one machine Django serves editor uploads itself (only decoded JPEG/PNG/WebP are stored);
# behind a web server or object storage set DJANGO_SERVE_MEDIA=0 (docs/deploy.md).
SERVE_MEDIA = os.environ.get("DJANGO_SERVE_MEDIA", "1") == "1"
STORAGES = {
    # Local files by default; object storage for several servers (docs/deploy.md).
    "default": media_storage_from_env(os.environ),
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# The markdownx views are mounted by editorial.editor (staff only, sanitised).
MARKDOWNX_MARKDOWNIFY_FUNCTION = "freelanceguide.markdown.render_markdown"
MARKDOWNX_URLS_PATH = "/markdownx/markdownify/"
MARKDOWNX_UPLOAD_URLS_PATH = "/markdownx/upload/"
MARKDOWNX_MEDIA_PATH = "uploads/"
EDITOR_UPLOAD_MAX_BYTES = 2 * 1024 * 1024
# Refuse images whose pixel count could exhaust memory when decoded.
EDITOR_UPLOAD_MAX_PIXELS = 20_000_000

# Content Security Policy: same-origin only, no inline code anywhere.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    # The offline-reading service worker (/sw.js) and the web app manifest: own origin only.
    "worker-src": [CSP.SELF],
    "manifest-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
LANGUAGE_COOKIE_NAME = "django_language"
LANGUAGE_COOKIE_SAMESITE = "Lax"

# "default" is shared by every worker and app server: it holds the page cache's content version,
# which an edit in one worker changes for all. REDIS_URL: Redis, shared by several machines;
# unset: files in DJANGO_CACHE_DIR, shared by one machine's workers. "pages" keeps rendered
# pages in each worker's own memory (fast; keyed by that version).
CACHES = caches_from_env(os.environ, default_dir=BASE_DIR / ".cache")

# `manage.py backup` writes JSON that keeps times to the microsecond (editorial/backup_format.py).
SERIALIZATION_MODULES = {"fulljson": "editorial.backup_format"}

# The site's public address, printed on every page of the start-here book (guides/book.py) and
# used to make its links absolute; the book is built by a command, with no request to ask.
SITE_URL = os.environ.get("DJANGO_SITE_URL", "http://127.0.0.1:8000").rstrip("/")

# Error pages in the reader's language (freelanceguide/errors.py, wired in urls.py).
CSRF_FAILURE_VIEW = "freelanceguide.errors.csrf_failure"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}

# The page the schedule runner reads the US dollar rate from once a day (marketplaces/rate_import.py);
# empty turns the daily import off. Reader pages never fetch anything.
EXCHANGE_RATE_IMPORT_URL = os.environ.get(
    "EXCHANGE_RATE_IMPORT_URL", "https://www.bb.org.bd/en/index.php/fxmarket/interbank_fxmarket"
)

# Readers' sentences (feedback) are deleted this many days after an editor has handled them.
FEEDBACK_TEXT_RETENTION_DAYS = int(os.environ.get("FEEDBACK_TEXT_RETENTION_DAYS", "90"))
