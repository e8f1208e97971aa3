"""The ``hf:PATH`` policy on tiny transformers models this test builds (random weights, own tokenizer).

Nothing is downloaded: a byte-level BPE tokenizer is trained on the action API reference, and a
2-layer Llama (text-only) and a LLaVA (CLIP vision tower + Llama) are initialised randomly and
saved as ordinary model folders, which the policy then loads like any local model.
"""

from __future__ import annotations

import json

import pytest

torch = pytest.importorskip("torch")
pytest.importorskip("transformers")

from omni_generalist import Settings  # noqa: E402
from omni_generalist.errors import GeneralistError, PolicyError  # noqa: E402
from omni_generalist.generate import generate_world  # noqa: E402
from omni_generalist.policy import make_policy  # noqa: E402
from omni_generalist.policy.base import Observation  # noqa: E402
from omni_generalist.policy.vlm import chat_messages, system_prompt  # noqa: E402
from omni_generalist.policy.vlm.hf_backend import HFBackend  # noqa: E402

from .conftest import cli_in_process  # noqa: E402
from .tiny_vlm import IMAGE, PATCH, build_llama, build_llava  # noqa: E402

CORPUS = [system_prompt(), "```python\ncreate_room(width=4.0)\n```\nDONE"]


@pytest.fixture(scope="module")
def text_model(tmp_path_factory):
    return build_llama(tmp_path_factory.mktemp("models") / "tiny-llama", CORPUS, vocab=400)


@pytest.fixture(scope="module")
def vision_model(tmp_path_factory):
    return build_llava(tmp_path_factory.mktemp("models") / "tiny-llava", CORPUS, vocab=400)


def _settings(tokens: int = 12) -> Settings:
    s = Settings()
    s.generator.validate = False
    s.generator.preview = False
    s.generator.max_failures = 1
    s.generator.max_steps = 4
    s.policy.max_new_tokens = tokens
    return s


def _png() -> bytes:
    import io

    from PIL import Image

    buf = io.BytesIO()
    Image.new("RGB", (200, 100), (120, 40, 200)).save(buf, format="PNG")
    return buf.getvalue()


def test_a_text_model_reads_the_task_and_the_world(text_model):
    backend = HFBackend(text_model, _settings().policy)
    assert not backend.supports_images and backend.name == f"hf:{text_model}"
    obs = Observation(prompt="a bedroom", step=0, summarize=lambda: "room bedroom: 4.0 x 5.0 m")
    messages = chat_messages("a bedroom", obs, [], False, _png())
    inputs = backend._inputs(messages, _png())
    text = backend.tokenizer.decode(inputs["input_ids"][0])
    # the chat template holds the rules, the API reference, the task and the world; no image for a text model
    assert "system: You build and edit 3D rooms" in text and "add_object(category" in text
    assert "Build a world for this prompt: a bedroom" in text and "room bedroom: 4.0 x 5.0 m" in text
    assert "<image>" not in text and text.rstrip().endswith("assistant:")
    reply = backend.complete(messages, _png())
    again = backend.complete(messages, _png())
    assert isinstance(reply, str) and reply == again  # greedy decoding is deterministic


def test_a_vision_model_sees_the_render(vision_model):
    backend = HFBackend(vision_model, _settings().policy)
    assert backend.supports_images
    obs = Observation(prompt="a bedroom", step=1, summarize=lambda: "room bedroom: 4.0 x 5.0 m")
    messages = chat_messages("a bedroom", obs, [], False, _png())
    inputs = backend._inputs(messages, _png())
    assert tuple(inputs["pixel_values"].shape) == (1, 3, IMAGE, IMAGE)
    image_id = backend.tokenizer.convert_tokens_to_ids("<image>")
    assert int((inputs["input_ids"][0] == image_id).sum()) == (IMAGE // PATCH) ** 2
    # the picture changes what the model says is likely next
    seen = []
    hook = backend.model.register_forward_hook(lambda mod, args, kwargs_out: seen.append(1))
    try:
        backend.complete(messages, _png())
    finally:
        hook.remove()
    assert seen
    with torch.inference_mode():
        ids = {k: v for k, v in inputs.items()}
        a = backend.model(**ids).logits[0, -1]
        ids["pixel_values"] = torch.zeros_like(ids["pixel_values"])
        b = backend.model(**ids).logits[0, -1]
    assert not torch.allclose(a, b)
    # without a picture (no room yet) the prompt has no image tokens
    plain = backend._inputs(chat_messages("a bedroom", obs, [], False, None), None)
    assert "pixel_values" not in plain and int((plain["input_ids"][0] == image_id).sum()) == 0


def test_a_random_model_runs_the_whole_loop(vision_model, tmp_path):
    """An untrained model writes nonsense: each reply runs in the sandbox and the run ends with a clear error."""
    settings = _settings()
    policy = make_policy(f"hf:{vision_model}", settings.policy)
    with pytest.raises(GeneralistError, match="no world was built: "):
        generate_world("a bedroom with a bed", tmp_path / "w", policy, settings=settings)
    assert 1 <= policy.requests <= 2 and not (tmp_path / "w").exists()


def _folder(tmp, name: str, config: str | None):
    path = tmp / name
    if config is not None:
        path.mkdir()
        if config:
            (path / "config.json").write_text(config)
    return path


@pytest.mark.parametrize(("name", "config", "words"), [
    ("missing", None, "does not exist"),
    ("empty", "", "has no config.json"),
    ("bad", "{}", "cannot load the model in"),
    ("weightless", json.dumps({"model_type": "llama"}), "cannot load the model in"),
])
def test_model_folders_that_cannot_be_used(tmp_path, name, config, words):
    with pytest.raises(PolicyError, match=words):
        make_policy(f"hf:{_folder(tmp_path, name, config)}")


def test_cli_with_a_local_model(text_model, tmp_path, capsys):
    # in this process: torch is imported once (the command line as a child process is tested elsewhere)
    status, err = cli_in_process(capsys, "generate", "a bedroom", "--policy", f"hf:{text_model}",
                                 "--out", str(tmp_path / "w"), "--set", "policy.max_new_tokens=8",
                                 "--set", "generator.max_failures=0", "--set", "generator.validate=false", "--no-preview")
    lines = [ln for ln in err.splitlines() if ln.strip()]
    assert status == 1 and lines[-1].startswith("error: no world was built"), err
    broken = tmp_path / "broken"
    broken.mkdir()
    (broken / "config.json").write_text(json.dumps({"model_type": "llama"}))
    status, err = cli_in_process(capsys, "generate", "a bedroom", "--policy", f"hf:{broken}", "--out", str(tmp_path / "x"))
    assert status == 2 and "cannot load the model in" in err
