"""Settings for Northwind Support, read from the environment.

Every variable has a working default for a laptop; production refuses the unsafe ones
(a development SECRET_KEY with DEBUG off).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from supportsite.core.proxy_urls import proxy_url_problem

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    return raw.strip().lower() in {"1", "true", "yes", "on"}


def env_threshold(name: str, default: str) -> float | None:
    """A probability in (0, 1] from the environment, or None for "off"."""
    raw = os.environ.get(name, default).strip().lower()
    if raw in {"off", "none", ""}:
        return None
    try:
        value = float(raw)
    except ValueError:
        value = -1.0
    if not 0.0 < value <= 1.0:
        raise ImproperlyConfigured(f"{name} must be a number in (0, 1] or 'off', not {raw!r}")
    return value


def env_proxy_url(name: str) -> str:
    """A forward proxy's URL from the environment, "" for none; anything but http(s)://host[:port]
    stops startup (supportsite.core.outbound_urls holds code-set values to the same)."""
    raw = os.environ.get(name, "").strip()
    if (problem := proxy_url_problem(name, raw)) is not None:
        raise ImproperlyConfigured(problem)
    return raw


def env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG", True)
_DEV_SECRET_KEY = "django-insecure-northwind-development-key-do-not-use-in-production"
SECRET_KEY = os.environ.get("SECRET_KEY", _DEV_SECRET_KEY)
if not DEBUG and (SECRET_KEY == _DEV_SECRET_KEY or len(SECRET_KEY) < 32):
    raise ImproperlyConfigured("Set SECRET_KEY to a long random value when DEBUG is off.")

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1],testserver")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", "")

INSTALLED_APPS = [
    "daphne",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "servestatic",  # its system checks of the static-files settings
    "channels",
    "ninja",  # its Swagger UI files as static files: the API docs page loads nothing from a CDN
    "supportsite.core",
    "supportsite.customers",
    "supportsite.knowledge",
    "supportsite.conversations",
    "supportsite.chat",
    "supportsite.api",
    "supportsite.a2a",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "servestatic.middleware.ServeStaticMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "supportsite.api.middleware.ApiJsonErrorsMiddleware",  # last: sees the 404/405s no endpoint made
]

ROOT_URLCONF = "supportsite.urls"
ASGI_APPLICATION = "supportsite.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "supportsite.core.context_processors.support_provider",
            ],
        },
    },
]

# --- Database -------------------------------------------------------------------------------
# Under ASGI every request may run on a different thread, so persistent connections
# (CONN_MAX_AGE) leak one connection per thread; PostgreSQL uses psycopg's pool instead.
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=0,
    )
}
_db = DATABASES["default"]
if _db["ENGINE"] == "django.db.backends.postgresql":
    _db.setdefault("OPTIONS", {})["pool"] = {
        "min_size": int(os.environ.get("DB_POOL_MIN", "2")),
        # Every database thread may hold a connection at once: both pools, and Django's own.
        "max_size": int(os.environ.get("DB_POOL_MAX", "28")),
        "timeout": float(os.environ.get("DB_POOL_TIMEOUT", "10")),
    }
elif _db["ENGINE"] == "django.db.backends.sqlite3":
    # Database work runs on the bounded pool of supportsite/core/db.py (SUPPORT_DB_THREADS), so
    # keeping each thread's connection open is bounded too, and it saves opening a connection
    # (with its PRAGMAs) for every call: the largest single cost per message in the benchmark.
    _db["CONN_MAX_AGE"] = int(os.environ.get("SQLITE_CONN_MAX_AGE", "600"))
    # Writers from several threads wait for the lock instead of failing at once, and
    # IMMEDIATE transactions avoid the upgrade deadlock that DEFERRED ones hit under load.
    _db.setdefault("OPTIONS", {}).update(
        {
            "timeout": 20,
            "transaction_mode": "IMMEDIATE",
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        }
    )
if os.environ.get("TEST_DATABASE_NAME"):
    _db["TEST"] = {"NAME": os.environ["TEST_DATABASE_NAME"]}
elif _db["ENGINE"] == "django.db.backends.sqlite3":
    # A file, not shared-cache memory: runs on other threads then wait for SQLite's lock as in
    # production instead of failing with "table is locked". One file per test process.
    _db["TEST"] = {"NAME": str(Path(os.environ.get("TMPDIR", "/tmp")) / f"northwind-test-{os.getpid()}.sqlite3")}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Channels -------------------------------------------------------------------------------
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CHANNEL_LAYERS = {
        "default": {
            # channels_redis's pub/sub layer: a group send is one PUBLISH, and each process reads
            # every frame for its sockets from one subscription. The list layer cost a Lua clean-up,
            # a BZPOPMIN and a backup write per frame per socket (14% of a process's CPU in the
            # #9 profile). Pub/sub keeps nothing for a socket that is not listening; nothing here
            # needs that: replies are stored first and sent after, and the page reloads the
            # conversation when it reconnects or a reply is overdue.
            "BACKEND": "channels_redis.pubsub.RedisPubSubChannelLayer",
            "CONFIG": {
                # redis-py 8 reads with a 5 s socket timeout by default; give reads room.
                # A PING before reusing a connection idle for 10 s finds the dead ones a Redis
                # restart leaves in the pool, instead of failing the next socket's group_add.
                "hosts": [{"address": REDIS_URL, "socket_timeout": float(os.environ.get("REDIS_SOCKET_TIMEOUT_S", "30")),
                           "health_check_interval": 10}],
                "prefix": os.environ.get("CHANNEL_LAYER_PREFIX", "northwind"),
            },
        }
    }
else:
    CHANNEL_LAYERS = {
        "default": {
            "BACKEND": "supportsite.core.layers.SweepingInMemoryChannelLayer",
            "CONFIG": {"capacity": 5000, "expiry": 60},
        }
    }

# --- Cache ---------------------------------------------------------------------------------
# Rate limits live in the cache: shared through Redis when several processes serve the site.
if REDIS_URL:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL,
                          "KEY_PREFIX": os.environ.get("CHANNEL_LAYER_PREFIX", "northwind")}}
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# --- Auth -----------------------------------------------------------------------------------
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "/accounts/login/"
LOGIN_REDIRECT_URL = "/"
LOGOUT_REDIRECT_URL = "/"
DEMO_PASSWORD = os.environ.get("DEMO_PASSWORD", "northwind-demo")

# --- I18N, static ---------------------------------------------------------------------------
LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = BASE_DIR / "staticfiles"
# Serve straight from the finders in development and tests, so no collectstatic step is needed.
SERVESTATIC_USE_FINDERS = True
SERVESTATIC_AUTOREFRESH = DEBUG

# --- Security (production) ------------------------------------------------------------------
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
if not DEBUG:
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "31536000"))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# --- The support product --------------------------------------------------------------------
OPENAI_API_KEY = os.environ.get("OPENAI_API_KEY", "")
OPENAI_BASE_URL = os.environ.get("OPENAI_BASE_URL", "")
SUPPORT_LLM_MODEL = os.environ.get("SUPPORT_LLM_MODEL", "gpt-4o-mini")
SUPPORT = {
    "FAQ_SHORTCUT_THRESHOLD": float(os.environ.get("SUPPORT_FAQ_THRESHOLD", "0.9")),
    "WORKER_TIMEOUT_S": float(os.environ.get("SUPPORT_WORKER_TIMEOUT_S", "5")),
    "LLM_TIMEOUT_S": float(os.environ.get("SUPPORT_LLM_TIMEOUT_S", "30")),
    "MAX_MESSAGE_CHARS": int(os.environ.get("SUPPORT_MAX_MESSAGE_CHARS", "2000")),
    "MAX_FRAME_BYTES": int(os.environ.get("SUPPORT_MAX_FRAME_BYTES", "16384")),
    # The chat page reloads the conversation when a reply is awaited and no frame has come for this long.
    "CHAT_RESYNC_AFTER_S": float(os.environ.get("SUPPORT_CHAT_RESYNC_AFTER_S", "20")),
    "RATE_LIMIT_MESSAGES": int(os.environ.get("SUPPORT_RATE_LIMIT_MESSAGES", "20")),
    "RATE_LIMIT_WINDOW_S": int(os.environ.get("SUPPORT_RATE_LIMIT_WINDOW_S", "60")),
    # Per IP address, across every visitor behind it (an office NAT), so higher than per user.
    "RATE_LIMIT_IP_MESSAGES": int(os.environ.get("SUPPORT_RATE_LIMIT_IP_MESSAGES", "60")),
    "RUN_BUDGET_CALLS": int(os.environ.get("SUPPORT_RUN_BUDGET_CALLS", "18")),
    "API_REPLY_WAIT_S": float(os.environ.get("SUPPORT_API_REPLY_WAIT_S", "20")),  # REST: wait this long for a reply, else 202
    # A2A: while a person has the conversation, a message's task waits this long for their reply.
    "A2A_STAFF_REPLY_WAIT_S": float(os.environ.get("SUPPORT_A2A_STAFF_REPLY_WAIT_S", "60")),
    # A2A push notifications: one POST per change of a task, abandoned after this long (a slow
    # receiver must not hold up the next one); http:// receivers on localhost only when allowed
    # (or with DEBUG), for local development.
    "A2A_PUSH_TIMEOUT_S": float(os.environ.get("SUPPORT_A2A_PUSH_TIMEOUT_S", "5")),
    "A2A_PUSH_ALLOW_HTTP_LOCALHOST": env_bool("SUPPORT_A2A_PUSH_ALLOW_HTTP_LOCALHOST", False),
    # Webhook endpoints: the same URL policy (supportsite.core.outbound_urls); http:// receivers
    # on localhost only when allowed (or with DEBUG), for local development and the test suite.
    "WEBHOOK_ALLOW_HTTP_LOCALHOST": env_bool("SUPPORT_WEBHOOK_ALLOW_HTTP_LOCALHOST", False),
    # Webhook and A2A push POSTs leave through this forward proxy when set ("http://proxy.internal:3128",
    # user:password@ allowed), in a CONNECT tunnel to the address the URL policy checked; unset, they
    # connect directly. Never taken from HTTPS_PROXY: only a proxy named here is used.
    "OUTBOUND_PROXY": env_proxy_url("SUPPORT_OUTBOUND_PROXY"),
    # A run's holder renews its lease every third of it; a run whose lease ran out belongs to a
    # process that died and is picked up again (exactly once) by the next recovery pass.
    "RUN_LEASE_S": float(os.environ.get("SUPPORT_RUN_LEASE_S", "30")),
    # Runs executing at once per server process; more wait their turn (stored, heartbeating).
    # A run mostly waits on the LLM, so a process keeps its core busy only with about (replies a
    # second it can give) × (LLM seconds per run) runs under way: about 31 × 2.7 s at 1,000
    # conversations with a 1 s model in the benchmark. 64 capped that at 24 a second (#9).
    "MAX_CONCURRENT_RUNS": int(os.environ.get("SUPPORT_MAX_CONCURRENT_RUNS", "128")),
    "RECOVERY_INTERVAL_S": float(os.environ.get("SUPPORT_RECOVERY_INTERVAL_S", "10")),
    # What `manage.py prune_records` lets go of, and after how long (supportsite/*/retention.py).
    "RETENTION": {
        "STEP_PAYLOADS_DAYS": float(os.environ.get("SUPPORT_RETAIN_STEP_PAYLOADS_DAYS", "90")),
        "WEBHOOK_DELIVERIES_DAYS": float(os.environ.get("SUPPORT_RETAIN_WEBHOOK_DELIVERIES_DAYS", "30")),
        "IDEMPOTENCY_HOURS": float(os.environ.get("SUPPORT_RETAIN_IDEMPOTENCY_HOURS", "24")),
    },
    # /readyz: each dependency (the database, the channel layer) must answer within this long.
    "HEALTH_CHECK_TIMEOUT_S": float(os.environ.get("SUPPORT_HEALTH_CHECK_TIMEOUT_S", "3")),
    # Once a server process is warm, its start-up objects are frozen out of the garbage collector
    # and its young generation is collected every this many allocations (CPython: 700); 0 leaves
    # the collector as CPython sets it (supportsite/core/memory.py).
    "GC_YOUNG_THRESHOLD": int(os.environ.get("SUPPORT_GC_YOUNG_THRESHOLD", "10000")),
    # Each server process runs the recovery loop; the test suite drives recovery itself.
    "RECOVERY_ON_START": env_bool("SUPPORT_RECOVERY_ON_START", "pytest" not in sys.modules),
    # "concurrent" (context workers at once, on asyncio) or "naive" (one after another in a
    # thread pool, as tutorials write it): the benchmark's baseline.
    "PIPELINE": os.environ.get("SUPPORT_PIPELINE", "concurrent"),
    # With an LLM configured, a local intent label at least this sure (and naming one domain) is
    # taken without asking the LLM to classify; "off" asks the LLM every time (agents/orchestrator.py).
    "TRUST_LOCAL_INTENT_AT": env_threshold("SUPPORT_TRUST_LOCAL_INTENT_AT", "0.95"),
    # Per-million-token prices, used to estimate a run's cost in the staff console.
    "MODEL_PRICES_PER_MTOK": {
        "gpt-4o-mini": {"input": 0.15, "output": 0.60},
        "gpt-4o": {"input": 2.50, "output": 10.00},
        "gpt-4.1-mini": {"input": 0.40, "output": 1.60},
        "offline": {"input": 0.0, "output": 0.0},
    },
}
# Database work from async code runs in this many threads per process, so one slow query
# does not queue every conversation behind it (Channels' default is one at a time).
SUPPORT_DB_THREADS = int(os.environ.get("SUPPORT_DB_THREADS", "16"))
# And this many more for the agents' look-ups during runs (supportsite/core/db.py).
SUPPORT_DB_LOOKUP_THREADS = int(os.environ.get("SUPPORT_DB_LOOKUP_THREADS", "8"))

TESTING = "pytest" in sys.modules
if TESTING:
    # PBKDF2 costs ~0.3 s a hash by design; tests create and sign in users hundreds of times.
    # Production hashers stay in the list, so hashes made by servers the tests start still verify.
    from django.conf.global_settings import PASSWORD_HASHERS as _DEFAULT_HASHERS

    PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher", *_DEFAULT_HASHERS]

LOG_LEVEL = os.environ.get("LOG_LEVEL", "INFO").upper()
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": LOG_LEVEL},
    "loggers": {
        "django.channels.server": {"level": "WARNING"},
        "daphne": {"level": "WARNING"},
        # The LLM client's HTTP layer logs each request at INFO ("HTTP Request: POST …/chat/completions"): five lines
        # for a panel's reply, each already a step in the run's trace, and 4-5% of a reply's CPU in-process (#9).
        # Shown with LOG_LEVEL=DEBUG.
        **{name: {"level": "DEBUG" if LOG_LEVEL == "DEBUG" else "WARNING"} for name in ("httpx", "httpx2")},
    },
}
