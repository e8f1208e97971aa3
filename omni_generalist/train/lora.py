"""LoRA fine-tuning of a local ``hf:`` model on chat-format records (:mod:`.trajectories`), with ``peft``.

A record's request is tokenised exactly as the ``hf:`` policy tokenises it at inference
(:meth:`~omni_generalist.policy.vlm.hf_backend.HFBackend._inputs`: the chat template, the picture
through the processor); the reply (``reply + eos``) follows it and only the reply's tokens carry
the loss. Settings: the ``train`` section (``lora_*``, ``lr``, ``epochs``, ``max_tokens``, ``seed``).
Needs the ``train`` extra (torch, transformers, peft).
"""

from __future__ import annotations

import base64
import random
from pathlib import Path
from typing import Any

from ..config import TrainConfig
from ..errors import InputError


def _image(record: dict[str, Any], root: Path) -> bytes | None:
    ref = record.get("image")
    if not ref:
        return None
    if str(ref).startswith("data:"):
        return base64.b64decode(str(ref).split(",", 1)[1])
    return (root / ref).read_bytes()


def encode(backend: Any, record: dict[str, Any], root: Path, max_tokens: int = 8192) -> dict[str, Any]:
    """Tokenise one record for training: ``input_ids``, ``attention_mask``, ``labels`` (and pixels)."""
    import torch

    messages = [m for m in record["messages"] if m["role"] != "assistant"]
    reply = next(m["content"] for m in record["messages"] if m["role"] == "assistant")
    png = _image(record, root) if backend.supports_images else None
    inputs = dict(backend._inputs(messages, png))
    tok = backend.tokenizer
    ids = tok(reply, add_special_tokens=False, return_tensors="pt")["input_ids"][0]
    if tok.eos_token_id is not None:
        ids = torch.cat([ids, torch.tensor([tok.eos_token_id])])
    prompt = inputs["input_ids"][0]
    keep = max(1, max_tokens - len(ids))
    if len(prompt) > keep and "pixel_values" not in inputs:
        prompt = prompt[-keep:]
    full = torch.cat([prompt, ids])[None]
    labels = full.clone()
    labels[0, : len(prompt)] = -100
    out = {"input_ids": full, "attention_mask": torch.ones_like(full), "labels": labels}
    for k, v in inputs.items():
        if k not in ("input_ids", "attention_mask"):
            out[k] = v
    return out


def _device_batch(batch: dict[str, Any], device: str) -> dict[str, Any]:
    return {k: (v.to(device) if hasattr(v, "to") else v) for k, v in batch.items()}


def mean_loss(model: Any, batches: list[dict[str, Any]], device: str = "cpu") -> float:
    """Mean reply loss of ``model`` over encoded records (no gradient, eval mode)."""
    import torch

    if not batches:
        return float("nan")
    was = model.training
    model.eval()
    with torch.inference_mode():
        total = sum(float(model(**_device_batch(b, device)).loss) for b in batches)
    model.train(was)
    return total / len(batches)


def attach_lora(backend: Any, config: TrainConfig, adapter: str | Path | None = None) -> Any:
    """Wrap the backend's model with a trainable LoRA adapter (a new one, or ``adapter`` to continue)."""
    try:
        import peft
    except ImportError:
        raise InputError("LoRA training needs peft: pip install 'omni-generalist[train]'") from None
    if adapter:
        return peft.PeftModel.from_pretrained(backend.model, str(adapter), is_trainable=True)
    targets: Any = config.lora_targets
    if targets != "all-linear":
        targets = [t.strip() for t in targets.split(",") if t.strip()]
    alpha = config.lora_alpha or 2.0 * config.lora_rank
    cfg = peft.LoraConfig(r=config.lora_rank, lora_alpha=alpha, lora_dropout=config.lora_dropout,
                          target_modules=targets, task_type="CAUSAL_LM")
    return peft.get_peft_model(backend.model, cfg)


def train_lora(model: Any, batches: list[dict[str, Any]], config: TrainConfig, device: str = "cpu") -> list[float]:
    """Run ``config.epochs`` passes of AdamW over the encoded records (one record a step); return step losses."""
    import torch

    torch.manual_seed(config.seed)
    params = [p for p in model.parameters() if p.requires_grad]
    if not params:
        raise InputError("the model has no trainable parameters (is the LoRA adapter attached?)")
    opt = torch.optim.AdamW(params, lr=config.lr)
    model.train()
    order = list(range(len(batches)))
    rng = random.Random(config.seed)
    losses = []
    for _ in range(config.epochs):
        rng.shuffle(order)
        for i in order:
            loss = model(**_device_batch(batches[i], device)).loss
            loss.backward()
            opt.step()
            opt.zero_grad(set_to_none=True)
            losses.append(float(loss.detach()))
    model.eval()
    return losses


__all__ = ["attach_lora", "encode", "mean_loss", "train_lora"]
