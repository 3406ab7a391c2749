"""A signed protocol that fails its check is never shown: every view that reads one raises
ProtokolBrud, and this turns it into a Danish page (and a log line for the operators)."""

import logging

from django.shortcuts import render

from protokol.services.laasning import ProtokolBrud

logger = logging.getLogger(__name__)


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
