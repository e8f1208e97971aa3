"""``openai:URL``: a model behind an OpenAI-compatible chat server (NIM, vLLM, Ollama, OpenAI).

Plain HTTP with the standard library: ``GET {base}/models`` to pick a model when none is set,
``POST {base}/chat/completions`` for each action. ``URL`` may be the server root
(``http://localhost:8000``), its ``/v1`` base, or the full ``/v1/chat/completions`` address.
Every failure becomes one :class:`~omni_generalist.errors.PolicyError` line that says what to fix.
"""

from __future__ import annotations

import json
import os
import socket
import urllib.error
import urllib.request
from urllib.parse import urlsplit

from ...config import PolicyConfig
from ...errors import PolicyError


def base_url(url: str) -> str:
    """The API base (ending in ``/v1`` unless the URL names another path) of a server address.

    Raises:
        PolicyError: not an ``http(s)://host[:port]`` address.
    """
    text = (url or "").strip().rstrip("/")
    parts = urlsplit(text)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise PolicyError(f"the model server address must be http(s)://host[:port][/v1], got {url!r}")
    for tail in ("/chat/completions", "/completions", "/models"):
        if text.endswith(tail):
            text = text[: -len(tail)]
    return text if urlsplit(text).path not in ("", "/") else text + "/v1"


class OpenAIBackend:
    """A chat server speaking the OpenAI API.

    Args:
        url: the server's address.
        config: model name, API key variable, limits.
    """

    supports_images = True

    def __init__(self, url: str, config: PolicyConfig | None = None):
        self.config = config or PolicyConfig()
        self.base = base_url(url)
        self.name = f"openai:{url.strip()}"
        self._model = self.config.model.strip()

    # ----------------------------------------------------------------- http
    def _request(self, method: str, path: str, body: dict | None = None) -> dict:
        headers = {"Accept": "application/json"}
        key = os.environ.get(self.config.api_key_env, "") if self.config.api_key_env else ""
        if key:
            headers["Authorization"] = f"Bearer {key}"
        data = None
        if body is not None:
            data = json.dumps(body).encode("utf-8")
            headers["Content-Type"] = "application/json"
        req = urllib.request.Request(self.base + path, data=data, headers=headers, method=method)
        where = f"the model server at {self.base}"
        try:
            with urllib.request.urlopen(req, timeout=self.config.timeout_s) as resp:
                raw = resp.read()
        except urllib.error.HTTPError as exc:
            detail = _error_detail(exc)
            if exc.code in (401, 403):
                raise PolicyError(f"{where} refused the request (HTTP {exc.code}): {detail}; "
                                  f"set ${self.config.api_key_env} to a valid API key") from None
            if exc.code == 404:
                raise PolicyError(f"{where} has no {path} (HTTP 404): {detail}; is it an OpenAI-compatible "
                                  "server, and does the model exist?") from None
            raise PolicyError(f"{where} answered HTTP {exc.code}: {detail}") from None
        except TimeoutError:
            raise PolicyError(f"{where} did not answer within {self.config.timeout_s:g} s "
                              "(raise policy.timeout_s for slow models)") from None
        except urllib.error.URLError as exc:
            reason = exc.reason
            if isinstance(reason, (TimeoutError, socket.timeout)):
                raise PolicyError(f"{where} did not answer within {self.config.timeout_s:g} s") from None
            raise PolicyError(f"cannot reach {where}: {reason}") from None
        except OSError as exc:  # connection reset while reading
            raise PolicyError(f"the connection to {where} failed: {exc}") from None
        try:
            return json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError):
            raise PolicyError(f"{where} answered something that is not JSON: {raw[:120]!r}") from None

    # ----------------------------------------------------------------- api
    def model(self) -> str:
        """The model to ask: ``policy.model``, or the first one the server lists."""
        if not self._model:
            listing = self._request("GET", "/models")
            ids = [m.get("id") for m in listing.get("data", []) if isinstance(m, dict) and m.get("id")]
            if not ids:
                raise PolicyError(f"the model server at {self.base} lists no models; set policy.model")
            self._model = str(ids[0])
        return self._model

    def complete(self, messages: list[dict], image_png: bytes | None = None) -> str:
        """Send ``messages`` to ``/chat/completions`` and return the reply's text."""
        body = {"model": self.model(), "messages": messages, "max_tokens": self.config.max_new_tokens,
                "temperature": self.config.temperature, "stream": False}
        answer = self._request("POST", "/chat/completions", body)
        try:
            content = answer["choices"][0]["message"]["content"]
        except (KeyError, IndexError, TypeError):
            raise PolicyError(f"the model server at {self.base} answered without choices[0].message.content: "
                              f"{json.dumps(answer)[:200]}") from None
        if isinstance(content, list):  # content parts
            content = "".join(p.get("text", "") for p in content if isinstance(p, dict))
        return str(content or "")


def _error_detail(exc: urllib.error.HTTPError) -> str:
    try:
        raw = exc.read().decode("utf-8", "replace")
    except OSError:
        return exc.reason or ""
    try:
        err = json.loads(raw).get("error")
        if isinstance(err, dict):
            return str(err.get("message", raw))[:300]
        if err:
            return str(err)[:300]
    except (json.JSONDecodeError, AttributeError):
        pass
    return raw.strip()[:300] or str(exc.reason)


__all__ = ["OpenAIBackend", "base_url"]
