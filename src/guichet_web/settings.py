"""Django settings for Guichet.

Embedded by default (SQLite in var/), a real database through DATABASE_URL. Secrets and
switches come from the environment: GUICHET_SECRET_KEY, GUICHET_DEBUG, GUICHET_ALLOWED_HOSTS,
GUICHET_HTTPS (secure cookies and HSTS behind a TLS proxy), GUICHET_TERRITORY.
"""

from __future__ import annotations

import datetime as dt
import os
import secrets
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parents[2]
VAR_DIR = Path(os.environ.get("GUICHET_VAR_DIR", BASE_DIR / "var"))
VAR_DIR.mkdir(parents=True, exist_ok=True)


def _flag(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on", "oui"}


def _count(name: str, default: int = 0) -> int:
    value = os.environ.get(name, "").strip()
    if not value:
        return default
    if not value.isdigit():
        raise ImproperlyConfigured(f"{name} : un nombre entier (0, 1, 2…), pas « {value} ».")
    return int(value)


def _secret_key() -> str:
    """From the environment, else generated once and kept in var/secret_key (never committed)."""
    if os.environ.get("GUICHET_SECRET_KEY"):
        return os.environ["GUICHET_SECRET_KEY"]
    path = VAR_DIR / "secret_key"
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return path.read_text(encoding="utf-8").strip()
    key = secrets.token_urlsafe(50)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(key)
    return key


SECRET_KEY = _secret_key()
DEBUG = _flag("GUICHET_DEBUG")
ALLOWED_HOSTS = ["127.0.0.1", "localhost"] + [
    host.strip() for host in os.environ.get("GUICHET_ALLOWED_HOSTS", "").split(",") if host.strip()
]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "guichet_web.annuaire",
    "guichet_web.pages",
    "guichet_web.courrier",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "axes",
    "guichet_web.accueil",
    "guichet_web.kiosque",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "guichet_web.middleware.ContentSecurityPolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "guichet_web.kiosque.middleware.KioskMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "axes.middleware.AxesMiddleware",  # last, as django-axes requires
]

ROOT_URLCONF = "guichet_web.urls"
WSGI_APPLICATION = "guichet_web.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "guichet_web.pages.context_processors.help_place",
                "guichet_web.kiosque.context_processors.kiosk",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{VAR_DIR / 'guichet.sqlite3'}", conn_max_age=600
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # `make run` serves with 2 workers x 8 threads: concurrent writes (sessions, journal) wait
    # for each other instead of failing with « database is locked » (Django docs, SQLite
    # notes: write-ahead log, transactions that take the write lock at once, a longer wait).
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        **DATABASES["default"].get("OPTIONS", {}),
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Staff accounts (guichet_web.accueil): Argon2 first (older hashes are upgraded at sign-in),
# django-axes locks a username from an address after 5 failures for 30 minutes, a TOTP
# code (django-otp) is the second factor, and desk pages need a signed-in staff member.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2SHA1PasswordHasher",
    "django.contrib.auth.hashers.ScryptPasswordHasher",
]
LOGIN_URL = "accueil:connexion"
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = dt.timedelta(minutes=30)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "accueil/verrouille.html"
AXES_VERBOSE = False
# The client's address behind reverse proxies: GUICHET_TRUSTED_PROXIES is how many proxies
# in front of the app append to X-Forwarded-For (0: none, the header is ignored); see
# guichet_web.accueil.client_ip. django-ipware is not installed: this callable decides.
GUICHET_TRUSTED_PROXIES = _count("GUICHET_TRUSTED_PROXIES")
AXES_CLIENT_IP_CALLABLE = "guichet_web.accueil.client_ip.client_ip"
OTP_TOTP_ISSUER = "Guichet Planoise"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "fr"
# French, and the first other languages asked for (issue 6): each named in its own language
# in the switch; the catalogue's translations (guichet.catalogue.localize) use the same codes.
LANGUAGES = [
    ("fr", "Français"),
    ("en", "English"),
    ("ar", "العربية"),
    ("tr", "Türkçe"),
]
LOCALE_PATHS = [Path(__file__).resolve().parent / "locale"]
# Without a choice, the browser's languages decide (a phone set to Arabic gets Arabic). The
# choice made with the switch lives in a cookie that ends with the browser session, like the
# answers (shared computers at the France services desk).
LANGUAGE_COOKIE_SAMESITE = "Lax"
LANGUAGE_COOKIE_HTTPONLY = True
TIME_ZONE = "Europe/Paris"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATIC_ROOT.mkdir(exist_ok=True)  # filled by `collectstatic`; whitenoise warns if it is missing
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# `runserver` works without `collectstatic` (tests use plain storage, see tests/conftest.py).
WHITENOISE_USE_FINDERS = True
WHITENOISE_MANIFEST_STRICT = False

# Security headers. HTTPS-only settings are switched on behind a TLS proxy.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'self'; "
    "form-action 'self'; frame-ancestors 'none'"
)
# A letter (10 MB at most) and its form stay in memory, never in a temporary file
# (guichet_web.courrier); the pasted text is far under DATA_UPLOAD_MAX_MEMORY_SIZE.
FILE_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024 + 256 * 1024
SESSION_COOKIE_HTTPONLY = True
# Answers to « Mes droits » live in the session only: a few hours, and gone when the
# browser closes (shared computers at the France services desk).
SESSION_COOKIE_AGE = 60 * 60 * 3
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
HTTPS = _flag("GUICHET_HTTPS")
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
# A form refused for lack of its CSRF cookie or token: a page of the site, not the raw 403.
CSRF_FAILURE_VIEW = "guichet_web.urls.csrf_failure"
LANGUAGE_COOKIE_SECURE = HTTPS
if HTTPS:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = 60 * 60 * 24 * 365
    CSRF_TRUSTED_ORIGINS = [f"https://{host}" for host in ALLOWED_HOSTS]

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}

# The territory shipped by default, loaded by `manage.py charger_territoire`.
GUICHET_TERRITORY = os.environ.get("GUICHET_TERRITORY", "besancon-planoise")

# Kiosk mode for the free-access computers of the desk (guichet_web.kiosque): the desk's
# token to switch a computer on at /kiosque/activer (empty: staff accounts only), and the
# idle minutes after which a visit is erased.
GUICHET_KIOSK_TOKEN = os.environ.get("GUICHET_KIOSK_TOKEN", "")
GUICHET_KIOSK_IDLE_SECONDS = 60 * int(os.environ.get("GUICHET_KIOSK_IDLE_MINUTES", "5"))
