"""The ``openai:URL`` policy against a real local HTTP server that speaks the OpenAI chat API.

The server is a stand-in for a remote model (NIM, vLLM, Ollama): it answers from a script of
replies and records every request, so the tests see exactly what our client sends.
"""

from __future__ import annotations

import base64
import io
import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from PIL import Image

from omni_generalist import Settings
from omni_generalist.errors import PolicyError
from omni_generalist.generate import edit_world, generate_world
from omni_generalist.policy import make_policy
from omni_generalist.policy.vlm import extract_code
from omni_generalist.policy.vlm.openai_backend import OpenAIBackend, base_url
from omni_generalist.world.layout import object_prims
from omni_generalist.world.stage import find_world_file, open_stage

from .conftest import run_cli

ROOM = "```python\ncreate_room(width=4.0, depth=5.0, room_type='bedroom')\nadd_door(wall='south')\n```"
BAD = "I will add the bed.\n```python\nadd_object('bed', against_wall='nowhere')\n```"
BED = "```python\nadd_object('bed', name='bed_0', against_wall='north')\n```"
LAMP = "```python\nadd_object('floor lamp', name='floor_lamp_0', corner=True)\n```"


class FakeModelServer:
    """An OpenAI-compatible chat server on 127.0.0.1 that replies from a script."""

    def __init__(self, replies: list[str] | None = None, models: tuple[str, ...] = ("tiny-vlm",)):
        self.replies = list(replies or [])
        self.models = models
        self.requests: list[dict] = []
        self.headers: list[dict] = []
        self.status = 200
        self.raw: bytes | None = None
        self.delay = 0.0
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):  # quiet
                pass

            def _send(self, code: int, body: bytes, ctype: str = "application/json") -> None:
                self.send_response(code)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def do_GET(self):  # noqa: N802
                if self.path != "/v1/models":
                    return self._send(404, b'{"error": {"message": "not found"}}')
                data = {"object": "list", "data": [{"id": m, "object": "model"} for m in server.models]}
                return self._send(200, json.dumps(data).encode())

            def do_POST(self):  # noqa: N802
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                server.requests.append(body)
                server.headers.append(dict(self.headers))
                if server.delay:
                    time.sleep(server.delay)
                if self.path != "/v1/chat/completions":
                    return self._send(404, b'{"error": {"message": "no such route"}}')
                if server.status != 200:
                    return self._send(server.status, json.dumps({"error": {"message": "model exploded"}}).encode())
                if server.raw is not None:
                    return self._send(200, server.raw, "text/html")
                reply = server.replies.pop(0) if server.replies else "DONE"
                data = {"id": "x", "object": "chat.completion", "model": body["model"],
                        "choices": [{"index": 0, "message": {"role": "assistant", "content": reply},
                                     "finish_reason": "stop"}]}
                return self._send(200, json.dumps(data).encode())

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_port}/v1"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def server():
    srv = FakeModelServer()
    yield srv
    srv.close()


def _settings() -> Settings:
    s = Settings()
    s.generator.validate = False
    s.generator.max_failures = 3
    s.generator.format = "usda"
    s.policy.timeout_s = 10.0
    return s


def _user_text(request: dict) -> str:
    content = request["messages"][1]["content"]
    return content if isinstance(content, str) else "".join(p.get("text", "") for p in content)


def _image(request: dict) -> Image.Image | None:
    content = request["messages"][1]["content"]
    if isinstance(content, str):
        return None
    url = next(p["image_url"]["url"] for p in content if p["type"] == "image_url")
    assert url.startswith("data:image/png;base64,")
    return Image.open(io.BytesIO(base64.b64decode(url.split(",", 1)[1])))


# ------------------------------------------------------------------ reading replies
@pytest.mark.parametrize(("reply", "code"), [
    ("```python\nadd_object('bed')\n```", "add_object('bed')"),
    ("Sure.\n```py\na = 1\n```\nand\n```\nb = 2\n```", "a = 1\nb = 2"),
    ("```python\nadd_object('bed')", "add_object('bed')"),  # cut off by max_tokens
    ("add_object('bed')", "add_object('bed')"),
    ("DONE", None), ("done.", None), ("  ", None), ("Done - the room is finished.", None),
])
def test_action_code_is_read_from_replies(reply, code):
    assert extract_code(reply) == code


@pytest.mark.parametrize(("url", "base"), [
    ("http://localhost:8000", "http://localhost:8000/v1"),
    ("http://localhost:8000/v1/", "http://localhost:8000/v1"),
    ("https://api.example.com/v1/chat/completions", "https://api.example.com/v1"),
    ("http://10.0.0.2:11434/api/v1", "http://10.0.0.2:11434/api/v1"),
])
def test_server_addresses(url, base):
    assert base_url(url) == base


@pytest.mark.parametrize("url", ["localhost:8000", "ftp://x/v1", "", "http://"])
def test_bad_server_addresses(url):
    with pytest.raises(PolicyError, match="must be http"):
        base_url(url)


# ------------------------------------------------------------------ building and editing worlds
def test_a_world_built_by_a_model_server(server, tmp_path):
    server.replies = [ROOM, BAD, BED, "DONE"]
    policy = make_policy(f"openai:{server.url}", _settings().policy)
    result = generate_world("a small bedroom with a bed", tmp_path / "w", policy, seed=1, settings=_settings())
    stage = open_stage(result.world_file)
    names = [p.GetName() for p in object_prims(stage)]
    assert names == ["bed_0"]
    assert result.report["policy"] == f"openai:{server.url}"
    assert result.report["plan"]["requests"] == 4 and result.report["actions"]["failed"] == 1
    first, after_bad, last = server.requests[0], server.requests[2], server.requests[3]
    # the model was picked from /models; the request carries the rules and the API reference
    assert first["model"] == "tiny-vlm" and first["temperature"] == 0.0
    system = first["messages"][0]["content"]
    assert "ONE action" in system and "add_object(category" in system and "create_room(" in system
    assert "Build a world for this prompt: a small bedroom with a bed" in _user_text(first)
    assert _image(first) is None  # no room yet: nothing to look at
    # the failed action and its error go back to the model
    text = _user_text(after_bad)
    assert "FAILED" in text and "against_wall='nowhere'" in text and "The last action failed" in text
    # once there is a room, every request shows it: the summary and a render of the world
    assert "room bedroom: 4.0 x 5.0 m" in text
    img = _image(last)
    assert img is not None and img.size == (2 * 512 + 6, 384)
    assert "bed_0: bed at" in _user_text(last)


def test_a_model_server_edits_a_world(server, tmp_path):
    server.replies = [ROOM, BED, "DONE"]
    settings = _settings()
    world = tmp_path / "w"
    generate_world("a bedroom", world, make_policy(f"openai:{server.url}", settings.policy), settings=settings)
    server.requests.clear()
    server.replies = [LAMP, "DONE"]
    edit_world(world, make_policy(f"openai:{server.url}", settings.policy), "add a floor lamp in a corner",
               settings=settings)
    stage = open_stage(find_world_file(world))
    names = [p.GetName() for p in object_prims(stage)]
    assert sorted(names) == ["bed_0", "floor_lamp_0"]
    assert "Edit the existing world as instructed: add a floor lamp in a corner" in _user_text(server.requests[0])
    assert "bed_0: bed at" in _user_text(server.requests[0])
    assert "floor_lamp_0" in (world / "actions.py").read_text()


def test_settings_reach_the_server(server, tmp_path, monkeypatch):
    monkeypatch.setenv("MY_KEY", "sk-test-123")
    settings = _settings()
    settings.policy.model = "big-vlm"
    settings.policy.api_key_env = "MY_KEY"
    settings.policy.max_new_tokens = 77
    settings.policy.observe = False
    server.replies = [ROOM, BED, "DONE"]
    generate_world("a bedroom", tmp_path / "w", make_policy(f"openai:{server.url}", settings.policy),
                   settings=settings)
    assert {r["model"] for r in server.requests} == {"big-vlm"}
    assert {r["max_tokens"] for r in server.requests} == {77}
    assert all(_image(r) is None for r in server.requests)
    assert {h.get("Authorization") for h in server.headers} == {"Bearer sk-test-123"}


# ------------------------------------------------------------------ failures say what to fix
def test_unreachable_server():
    backend = OpenAIBackend("http://127.0.0.1:9/v1")
    with pytest.raises(PolicyError, match=r"cannot reach the model server at http://127.0.0.1:9/v1"):
        backend.complete([{"role": "user", "content": "hi"}])


@pytest.mark.parametrize(("status", "words"), [
    (401, r"refused the request \(HTTP 401\): model exploded; set \$OPENAI_API_KEY"),
    (500, r"answered HTTP 500: model exploded"),
])
def test_server_errors(server, status, words):
    server.status = status
    with pytest.raises(PolicyError, match=words):
        OpenAIBackend(server.url).complete([{"role": "user", "content": "hi"}])


def test_slow_and_garbled_answers(server):
    cfg = Settings().policy
    cfg.timeout_s = 0.5
    server.delay = 1.5
    with pytest.raises(PolicyError, match="did not answer within 0.5 s"):
        OpenAIBackend(server.url, cfg).complete([{"role": "user", "content": "hi"}])
    server.delay = 0.0
    server.raw = b"<html>gateway</html>"
    with pytest.raises(PolicyError, match="not JSON"):
        OpenAIBackend(server.url, cfg).complete([{"role": "user", "content": "hi"}])


def test_a_server_without_models(server):
    server.models = ()
    with pytest.raises(PolicyError, match="lists no models; set policy.model"):
        OpenAIBackend(server.url).complete([{"role": "user", "content": "hi"}])


def test_cli_generate_with_a_model_server(server, tmp_path):
    server.replies = [ROOM, BED, "DONE"]
    out = tmp_path / "w"
    proc = run_cli("generate", "a bedroom with a bed", "--policy", f"openai:{server.url}", "--out", str(out),
                   "--no-preview", "--set", "generator.validate=false")
    assert proc.returncode == 0, proc.stderr.decode()
    assert json.loads((out / "report.json").read_text())["policy"] == f"openai:{server.url}"
    proc = run_cli("generate", "a bedroom", "--policy", "openai:http://127.0.0.1:9/v1", "--out", str(tmp_path / "x"))
    lines = [ln for ln in proc.stderr.decode().splitlines() if ln.strip()]
    assert proc.returncode == 2 and len(lines) == 1 and "cannot reach the model server" in lines[0]
