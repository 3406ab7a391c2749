"""Upload size limit enforced while the request body streams in.

Django has no per-file cap. This handler sits first in FILE_UPLOAD_HANDLERS, counts each file's
bytes as they arrive and skips the file as soon as it passes PROTOKOL_MAX_UPLOAD_BYTES, so an
oversized upload is never buffered or written in full. The other form fields are still parsed,
so the form can be shown back with a message and nothing typed is lost.
"""

from django.conf import settings
from django.core.files.uploadhandler import FileUploadHandler, SkipFile


class SizeLimitUploadHandler(FileUploadHandler):
    def handle_raw_input(self, input_data, META, content_length, boundary, encoding=None):
        self.limit = settings.PROTOKOL_MAX_UPLOAD_BYTES
        if self.request is not None and not hasattr(self.request, "oversized_uploads"):
            self.request.oversized_uploads = set()
        return None

    def new_file(self, *args, **kwargs):
        super().new_file(*args, **kwargs)
        self.received = 0

    def receive_data_chunk(self, raw_data, start):
        self.received += len(raw_data)
        if self.received > self.limit:
            if self.request is not None:
                self.request.oversized_uploads.add(self.field_name)
            raise SkipFile()
        return raw_data

    def file_complete(self, file_size):
        return None


def oversized_fields(request) -> set[str]:
    return getattr(request, "oversized_uploads", set())
