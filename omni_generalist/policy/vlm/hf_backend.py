"""``hf:PATH``: a local transformers model (vision-language or text-only) as the policy's model.

The folder is loaded with ``local_files_only`` (nothing is downloaded): a model whose config has
a ``vision_config`` is loaded as ``AutoModelForImageTextToText`` with its ``AutoProcessor`` and
sees the render of the world; any other as ``AutoModelForCausalLM`` with its tokenizer and reads
the world's text summary only. Prompts go through the model's chat template (a plain
``System/User/Assistant`` layout when it has none). Needs the ``ml`` extra (torch, transformers).

``hf:PATH@ADAPTER`` (or the setting ``policy.adapter``) also loads a LoRA adapter folder (``adapter_config.json``, as
``omni-generalist train self-improve`` saves it) on top of the model; needs ``peft``.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from ...config import PolicyConfig
from ...errors import PolicyError


def split_adapter(spec: str) -> tuple[str, str | None]:
    """``PATH@ADAPTER`` → (PATH, ADAPTER); a PATH that exists as written (even with an ``@``) has no adapter."""
    text = str(spec).strip()
    if "@" not in text or Path(text).expanduser().exists():
        return text, None
    path, _, adapter = text.rpartition("@")
    return path, adapter or None


def check_adapter_folder(path: str | Path) -> Path:
    """Return the LoRA adapter folder, or raise a :class:`PolicyError` that says what is wrong with it."""
    p = Path(str(path).strip()).expanduser()
    if not (p / "adapter_config.json").is_file():
        raise PolicyError(f"{p} is not a LoRA adapter folder (it has no adapter_config.json)")
    return p.absolute()


def check_model_folder(path: str | Path) -> Path:
    """Return the model folder, or raise a :class:`PolicyError` that says what is wrong with it."""
    p = Path(str(path).strip()).expanduser()
    if not str(path).strip():
        raise PolicyError("hf: needs the folder of a transformers model, e.g. hf:/models/my-vlm")
    if not p.exists():
        raise PolicyError(f"model folder {p} does not exist (hf:PATH loads a local transformers model; "
                          "nothing is downloaded)")
    if not p.is_dir() or not (p / "config.json").is_file():
        raise PolicyError(f"{p} is not a transformers model folder (it has no config.json)")
    return p.absolute()


class HFBackend:
    """A local transformers model.

    Args:
        path: the model folder (``config.json``, weights, tokenizer or processor files).
        config: limits and the device.
    """

    def __init__(self, path: str | Path, config: PolicyConfig | None = None):
        self.config = config or PolicyConfig()
        path, adapter = split_adapter(str(path))
        adapter = adapter or (self.config.adapter.strip() or None)
        self.path = check_model_folder(path)
        self.adapter = check_adapter_folder(adapter) if adapter else None
        self.name = f"hf:{self.path}" + (f"@{self.adapter}" if self.adapter else "")
        self.model: Any = None
        self.processor: Any = None
        self.tokenizer: Any = None
        self.supports_images = False
        self._load()

    def _load(self) -> None:
        try:
            import torch  # noqa: F401
            import transformers as tf
        except ImportError:
            raise PolicyError("hf: policies need torch and transformers: pip install 'omni-generalist[ml]' "
                              "(torch only through `pip install torch==2.13.0` on this project's machines)") from None
        try:
            cfg = tf.AutoConfig.from_pretrained(self.path, local_files_only=True)
            if getattr(cfg, "vision_config", None) is not None:
                self.processor = tf.AutoProcessor.from_pretrained(self.path, local_files_only=True)
                self.tokenizer = getattr(self.processor, "tokenizer", None)
                self.model = tf.AutoModelForImageTextToText.from_pretrained(self.path, local_files_only=True)
                self.supports_images = True
            else:
                self.tokenizer = tf.AutoTokenizer.from_pretrained(self.path, local_files_only=True)
                self.model = tf.AutoModelForCausalLM.from_pretrained(self.path, local_files_only=True)
            if self.adapter is not None:
                self.model = self._with_adapter(self.model)
            self.model.to(self.config.device)
            self.model.eval()
        except (OSError, ValueError, KeyError, RuntimeError, TypeError) as exc:
            first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
            raise PolicyError(f"cannot load the model in {self.path}: {first}") from None

    def _with_adapter(self, model: Any) -> Any:
        try:
            import peft
        except ImportError:
            raise PolicyError("hf:PATH@ADAPTER needs peft: pip install 'omni-generalist[train]'") from None
        return peft.PeftModel.from_pretrained(model, str(self.adapter))

    # ----------------------------------------------------------------- prompting
    def _chat(self, messages: list[dict], with_image: bool) -> list[dict]:
        """OpenAI-format messages → the transformers chat format (image parts become ``{"type": "image"}``)."""
        out = []
        for m in messages:
            content = m["content"]
            if isinstance(content, str):
                text, has_image = content, False
            else:
                text = "".join(p.get("text", "") for p in content if p.get("type") == "text")
                has_image = any(p.get("type") == "image_url" for p in content)
            if with_image and has_image:
                out.append({"role": m["role"], "content": [{"type": "image"}, {"type": "text", "text": text}]})
            elif with_image:
                out.append({"role": m["role"], "content": [{"type": "text", "text": text}]})
            else:
                out.append({"role": m["role"], "content": text})
        return out

    @staticmethod
    def _plain(chat: list[dict]) -> str:
        lines = []
        for m in chat:
            content = m["content"] if isinstance(m["content"], str) else "".join(
                p.get("text", "") for p in m["content"] if p.get("type") == "text")
            lines.append(f"{m['role'].capitalize()}: {content}")
        return "\n\n".join(lines) + "\n\nAssistant:"

    def _inputs(self, messages: list[dict], image_png: bytes | None) -> Any:
        with_image = self.supports_images and image_png is not None
        chat = self._chat(messages, self.supports_images)
        templater = self.processor if self.processor is not None else self.tokenizer
        if getattr(templater, "chat_template", None) or getattr(self.tokenizer, "chat_template", None):
            text = templater.apply_chat_template(chat, add_generation_prompt=True, tokenize=False)
        else:
            text = self._plain(chat)
        if self.processor is not None:
            images = None
            if with_image:
                from PIL import Image

                images = [Image.open(io.BytesIO(image_png)).convert("RGB")]
            return self.processor(text=text, images=images, return_tensors="pt")
        return self.tokenizer(text, return_tensors="pt")

    # ----------------------------------------------------------------- generation
    def complete(self, messages: list[dict], image_png: bytes | None = None) -> str:
        """Generate the reply to ``messages`` (greedy unless ``policy.temperature`` > 0)."""
        import torch

        inputs = self._inputs(messages, image_png).to(self.config.device)
        tok = self.tokenizer
        pad = getattr(tok, "pad_token_id", None)
        if pad is None:
            pad = getattr(tok, "eos_token_id", None)
        kwargs: dict[str, Any] = {"max_new_tokens": self.config.max_new_tokens, "pad_token_id": pad}
        if self.config.temperature > 0:
            kwargs.update(do_sample=True, temperature=self.config.temperature)
        else:
            kwargs.update(do_sample=False)
        with torch.inference_mode():
            out = self.model.generate(**inputs, **kwargs)
        new = out[0, inputs["input_ids"].shape[1]:]
        return tok.decode(new, skip_special_tokens=True)


__all__ = ["HFBackend", "check_adapter_folder", "check_model_folder", "split_adapter"]
