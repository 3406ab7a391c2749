"""Limits on password guessing, counted in django-axes' AccessAttempt table (the database), so
every worker process sees the same numbers: the configured cache is per process.

- Log-in: axes locks a user name from one IP address after AXES_FAILURE_LIMIT failures
  (AXES_LOCKOUT_PARAMETERS). axes has one limit for all its lockout parameters, so
  `LoginHandler` adds a second, higher one per IP address across user names (password spraying).
- Signing: the password re-entry counts as a failed log-in of that user from that address, and
  per session; past the limit it is refused without checking the password (`reauth_allowed`).
"""

import ipaddress
import time

from axes.attempts import get_cool_off_threshold
from axes.handlers.database import AxesDatabaseHandler
from axes.handlers.proxy import AxesProxyHandler
from axes.helpers import get_failure_limit
from axes.models import AccessAttempt
from django.conf import settings
from django.contrib.auth.signals import user_login_failed
from django.db.models import QuerySet, Sum
from django.http import HttpRequest

SESSION_KEY = "kerne_reauth_forsoeg"


def client_ip(request: HttpRequest) -> str | None:
    """The client's address (AXES_CLIENT_IP_CALLABLE). Behind PROTOKOL_PROXY_COUNT reverse
    proxies it is the entry that many from the right in X-Forwarded-For (the part the client
    cannot forge); without proxies, REMOTE_ADDR, and the header is ignored."""
    remote = request.META.get("REMOTE_ADDR")
    proxies = settings.PROTOKOL_PROXY_COUNT
    if not proxies:
        return remote
    hops = [h.strip() for h in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    hops = [h for h in hops if h]
    if len(hops) < proxies:
        return remote
    try:
        return str(ipaddress.ip_address(hops[-proxies]))
    except ValueError:
        return remote


def _recent(request: HttpRequest) -> QuerySet:
    AxesProxyHandler.update_request(request)
    return AccessAttempt.objects.filter(
        ip_address=request.axes_ip_address, attempt_time__gte=get_cool_off_threshold(request)
    )


def _total(attempts: QuerySet) -> int:
    return attempts.aggregate(n=Sum("failures_since_start"))["n"] or 0


def ip_failures(request: HttpRequest) -> int:
    """Failed log-ins from the request's address within the cool-off window, all user names."""
    return _total(_recent(request))


def ip_locked(request: HttpRequest) -> bool:
    return ip_failures(request) >= settings.PROTOKOL_LOGIN_IP_FAILURE_LIMIT


class LoginHandler(AxesDatabaseHandler):
    """axes' database handler (AXES_HANDLER) with the per-address limit on top of the
    per user name and address one: past it, every log-in from the address counts as locked."""

    def get_failures(self, request, credentials: dict | None = None) -> int:
        failures = super().get_failures(request, credentials)
        if ip_locked(request):
            return max(failures, get_failure_limit(request, credentials))
        return failures


def _session_attempts(request: HttpRequest) -> list[float]:
    since = time.time() - settings.AXES_COOLOFF_TIME.total_seconds()
    return [t for t in request.session.get(SESSION_KEY, []) if t >= since]


def _reauth_attempts(request: HttpRequest, username: str) -> int:
    by_user = _total(_recent(request).filter(username=username))
    return max(by_user, len(_session_attempts(request)))


def reauth_allowed(request: HttpRequest, user) -> bool:
    """Count one password re-entry by the logged-in `user`. False when the user has reached
    the limit from this address or in this session within the cool-off window: the caller must
    then refuse without checking the password (and the refusal is not counted, so it does not
    prolong the wait). The attempt is counted before the password is checked, so parallel
    requests cannot each slip a guess past the limit; `reauth_succeeded` clears the count.

    The per-address count is the log-in lockout's: wrong passwords at signing also lock the
    log-in from that address, and log-in failures under the user's name from the same address
    count here. The per-session count stops a taken-over session from moving between addresses.
    """
    username = user.get_username()
    limit = get_failure_limit(request, {"username": username})
    if _reauth_attempts(request, username) >= limit:
        return False
    locked_out = request.axes_locked_out
    user_login_failed.send(sender=__name__, credentials={"username": username}, request=request)
    # The caller answers with its own page, not axes' log-in lockout page (AxesMiddleware).
    request.axes_locked_out = locked_out
    request.session[SESSION_KEY] = [*_session_attempts(request), time.time()]
    request.session.save()
    return _reauth_attempts(request, username) <= limit


def reauth_succeeded(request: HttpRequest, user) -> None:
    """The right password: forget the user's count from this address and the session's."""
    AxesProxyHandler.update_request(request)
    AccessAttempt.objects.filter(
        username=user.get_username(), ip_address=request.axes_ip_address
    ).delete()
    request.session.pop(SESSION_KEY, None)
