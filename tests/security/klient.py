"""A browser's worth of HTTP for tests against the live server: cookies, the CSRF token, the
hidden fields of the form being sent, urlencoded and multipart posts; redirects are not
followed, so a test sees each answer."""

import html
import http.cookiejar
import re
import urllib.error
import urllib.parse
import urllib.request
import uuid
from dataclasses import dataclass


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


@dataclass
class Svar:
    status: int
    body: str
    location: str = ""


class Klient:
    def __init__(self, base: str):
        self.base = base.rstrip("/")
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.jar), _NoRedirect
        )

    def _open(self, request: urllib.request.Request) -> Svar:
        try:
            with self.opener.open(request, timeout=120) as response:
                return Svar(response.status, response.read().decode("utf-8", "replace"))
        except urllib.error.HTTPError as error:
            body = error.read().decode("utf-8", "replace")
            return Svar(error.code, body, error.headers.get("Location", ""))

    def get(self, path: str) -> Svar:
        return self._open(urllib.request.Request(self.base + path))

    def csrf(self) -> str:
        return next((c.value for c in self.jar if c.name == "csrftoken"), "")

    def post(self, path: str, data: dict, files: dict | None = None) -> Svar:
        fields = {"csrfmiddlewaretoken": self.csrf(), **data}
        if files:
            body, content_type = _multipart(fields, files)
        else:
            body = urllib.parse.urlencode(fields, doseq=True).encode()
            content_type = "application/x-www-form-urlencoded"
        request = urllib.request.Request(
            self.base + path, data=body, headers={"Content-Type": content_type}
        )
        return self._open(request)

    def login(self, username: str, password: str = "pw") -> Svar:
        self.get("/login/")
        svar = self.post("/login/", {"username": username, "password": password})
        assert svar.status == 302, (username, svar.status)
        return svar


def hidden_fields(page: str, action: str | None = None) -> dict[str, str]:
    """The hidden inputs of the form posting to `action` (else the first post form that posts
    to its own page, having no action)."""
    forms = re.findall(r"<form\b([^>]*)>(.*?)</form>", page, re.S)
    chosen = next(
        (
            body
            for attrs, body in forms
            if 'method="post"' in attrs
            and (f'action="{action}"' in attrs if action else "action=" not in attrs)
        ),
        None,
    )
    assert chosen is not None, f"no form posting to {action}"
    fields = {}
    for tag in re.findall(r"<input\b[^>]*>", chosen):
        if 'type="hidden"' not in tag:
            continue
        name = re.search(r'name="([^"]*)"', tag)
        value = re.search(r'value="([^"]*)"', tag)
        if name and name.group(1) != "csrfmiddlewaretoken":
            fields[name.group(1)] = html.unescape(value.group(1)) if value else ""
    return fields


def _multipart(fields: dict, files: dict) -> tuple[bytes, str]:
    boundary = uuid.uuid4().hex
    parts = []
    for name, value in fields.items():
        head = f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n'
        parts.append(f"{head}{value}\r\n".encode())
    for name, (filename, content, content_type) in files.items():
        parts.append(
            (
                f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; '
                f'filename="{filename}"\r\nContent-Type: {content_type}\r\n\r\n'
            ).encode()
            + content
            + b"\r\n"
        )
    parts.append(f"--{boundary}--\r\n".encode())
    return b"".join(parts), f"multipart/form-data; boundary={boundary}"
