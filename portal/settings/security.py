"""Security settings, imported by base.py: headers and content security policies, the
client's address behind reverse proxies, the lockout after failed admin logins.

Production adds HTTPS and HSTS (production.py); two-factor login stays in base.py.
"""

import os

# Security headers. The public site runs no inline script and loads nothing
# from other hosts; the Wagtail admin gets its own policy (portal/middleware.py).
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), "
    "microphone=(), payment=(), usb=(), interest-cohort=()"
)
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}
ADMIN_PATH_PREFIXES = ("/admin/",)
ADMIN_CONTENT_SECURITY_POLICY = {
    "default-src": ["'self'"],
    "script-src": ["'self'", "'unsafe-inline'"],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:"],
    "font-src": ["'self'", "data:"],
    "connect-src": ["'self'"],
    "frame-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'self'"],
}


# The client's address, for the login lockout (django-axes) and the public forms' rate limit
# (home.form_protection), both through django-ipware. Behind PROXY_COUNT reverse proxies that
# each append the address they were reached from to X-Forwarded-For (nginx:
# `proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for`), the client is the entry
# that the first proxy appended: whatever a client writes into the header itself stands to
# the left of it and is ignored. Without proxies (0) only the connection's address counts.
# The app servers must then be reachable only through the proxies.
def client_address_settings(proxy_count):
    if proxy_count <= 0:
        return {"AXES_IPWARE_META_PRECEDENCE_ORDER": ("REMOTE_ADDR",)}
    return {
        "AXES_IPWARE_META_PRECEDENCE_ORDER": ("HTTP_X_FORWARDED_FOR", "REMOTE_ADDR"),
        "AXES_IPWARE_PROXY_ORDER": "left-most",
        # django-ipware counts the proxies listed in the header, not the last one (nginx).
        "AXES_IPWARE_PROXY_COUNT": proxy_count - 1,
        # More entries than proxies are a client's own additions, not an error.
        "IPWARE_STRICT": False,
    }


PROXY_COUNT = int(os.environ.get("PROXY_COUNT", "0"))
globals().update(client_address_settings(PROXY_COUNT))

# Failed admin logins: five tries per user name and address, then one hour's lock.
# Password spraying (one address trying many user names, each only a few times) locks
# the address once failures for AXES_SPRAYING_USERNAME_LIMIT names came from it within
# the hour (accounts.axes).
AXES_HANDLER = "accounts.axes.SprayingLockoutHandler"
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_SPRAYING_USERNAME_LIMIT = int(os.environ.get("AXES_SPRAYING_USERNAME_LIMIT", "10"))
AXES_COOLOFF_TIME = 1
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "account_locked.html"
AXES_VERBOSE = False
# django-axes' logs of log-ins and failed attempts hold addresses and user agents:
# delete_old_access_logs removes them after this many days.
ACCESS_LOG_RETENTION_DAYS = int(os.environ.get("ACCESS_LOG_RETENTION_DAYS", "14"))
