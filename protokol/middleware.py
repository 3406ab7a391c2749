"""A signed protocol that fails its check is never shown: every view that reads one raises
ProtokolBrud, and this turns it into a Danish page (and a log line for the operators). And a
form sent twice is saved once."""

import datetime
import logging
import time

from django.contrib import messages
from django.db import IntegrityError, transaction
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme

from kerne.templatetags.dansk import FORMULARNOEGLE
from protokol.models import Indsendelse
from protokol.services.laasning import ProtokolBrud

logger = logging.getLogger(__name__)

# Keys older than this are forgotten (a form is not sent again days later).
OPRYDNING = datetime.timedelta(days=2)


class ProtokolBrudMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, ProtokolBrud):
            logger.critical("%s: %s", request.path, exception)
            return render(
                request, "protokol/protokol_brud.html", {"besked": str(exception)}, status=500
            )
        return None


class EngangsformularMiddleware:
    """A form that carries a one-time key ({% formularnoegle %}) is handled once. A second
    request with the same key (a double click, a browser's retry, eight at once) waits for the
    first and is sent where the first was sent, with a note; it never saves again. A first
    request that failed (an error answer) frees its key, so the form can be sent again."""

    VENTETID = 15.0  # seconds a repeat waits for the first request to finish

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        row = getattr(request, "_indsendelse", None)
        if row is not None:
            if response.status_code >= 400:
                Indsendelse.objects.filter(pk=row.pk).delete()
            else:
                Indsendelse.objects.filter(pk=row.pk).update(
                    status=response.status_code, svar=response.get("Location", "")[:500]
                )
        return response

    def process_view(self, request, view_func, view_args, view_kwargs):
        noegle = request.POST.get(FORMULARNOEGLE, "") if request.method == "POST" else ""
        if not noegle:
            return None
        user = request.user if request.user.is_authenticated else None
        deadline = time.monotonic() + self.VENTETID
        while True:
            try:
                with transaction.atomic():
                    request._indsendelse = Indsendelse.objects.create(
                        noegle=noegle[:64], bruger=user, sti=request.path[:500]
                    )
            except IntegrityError:
                first = self._wait_for_first(noegle[:64], deadline)
                if first is not None or time.monotonic() >= deadline:
                    return self._repeat(request, first)
                continue  # the first failed and freed the key: this one is handled instead
            if request._indsendelse.pk % 500 == 0:
                Indsendelse.objects.filter(oprettet__lt=timezone.now() - OPRYDNING).delete()
            return None

    def _wait_for_first(self, noegle: str, deadline: float) -> "Indsendelse | None":
        while time.monotonic() < deadline:
            first = Indsendelse.objects.filter(noegle=noegle).first()
            if first is None:
                return None
            if first.status:
                return first
            time.sleep(0.1)
        return Indsendelse.objects.filter(noegle=noegle).first()

    def _repeat(self, request, first: "Indsendelse | None"):
        logger.info("Repeated form %s on %s not handled again", request.path, first)
        if request.headers.get("HX-Request"):
            return HttpResponse(status=204)  # the first answer is already on the page
        messages.info(request, "Formularen blev sendt mere end én gang. Den er kun gemt én gang.")
        if first is not None and first.svar:
            return redirect(first.svar)
        referer = request.headers.get("Referer", "")
        if url_has_allowed_host_and_scheme(referer, allowed_hosts={request.get_host()}):
            return redirect(referer)
        return redirect("/")
