"""Trajectories: worlds as episodes of (observation, action, outcome) in the model policies' chat format.

An episode is the prompt and, per step, what the policy saw (the world's text summary and, once
there is a room, its render), the action code it wrote and whether the action ran. Each step
becomes one training record: the exact request :func:`~omni_generalist.policy.vlm.prompting.chat_messages`
builds for the ``hf:``/``openai:`` policies (system rules, task, last actions with outcomes, world
summary, picture) followed by the assistant's reply (the code in a ```python block; ``DONE``
after the last action). Pictures are written beside the JSONL (``images/<episode>_<step>.png``)
and referenced by relative path in the ``image_url`` part.

Records are one JSON object per line: ``episode``, ``prompt``, ``seed``, ``policy``, ``step``,
``ok``, ``error``, ``image`` (relative path or null), ``messages`` (system, user, assistant).
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..config import PolicyConfig, Settings
from ..errors import InputError
from ..policy.base import Observation, Policy
from ..policy.vlm.prompting import Turn, chat_messages

DONE = "DONE"


@dataclass
class Step:
    """One action of an episode and what the policy saw before writing it."""

    scene: str
    code: str | None
    """The action code; None for the final step where the policy replied ``DONE``."""
    image: bytes | None = None
    ok: bool = True
    error: str = ""
    last_ok: bool = True
    last_error: str = ""
    last_output: str = ""


@dataclass
class Episode:
    """A prompt and the steps a policy took for it."""

    prompt: str
    seed: int = 0
    policy: str = ""
    steps: list[Step] = field(default_factory=list)
    id: str = ""


class RecordingPolicy:
    """Wraps a policy and records each observation and action as a :class:`Step`.

    Args:
        inner: the policy that acts.
        images: also record the render of the world the policy could see.
    """

    def __init__(self, inner: Policy, images: bool = True):
        self.inner = inner
        self.name = inner.name
        self.images = images
        self.steps: list[Step] = []

    def reset(self, prompt: str, seed: int) -> None:
        self.steps = []
        self.inner.reset(prompt, seed)

    def act(self, obs: Observation) -> str | None:
        if self.steps:
            self.steps[-1].ok, self.steps[-1].error = obs.last_ok, obs.last_error
        image = obs.view() if self.images else None
        if self.images:  # the inner policy sees the same picture without rendering it again
            obs = Observation(prompt=obs.prompt, step=obs.step, summarize=obs.summarize, last_ok=obs.last_ok,
                              last_error=obs.last_error, last_output=obs.last_output, view=lambda: image)
        step = Step(obs.scene, None, image, last_ok=obs.last_ok, last_error=obs.last_error,
                    last_output=obs.last_output)
        step.code = self.inner.act(obs)
        self.steps.append(step)
        return step.code

    def finish(self, results: Iterable[Any] = ()) -> list[Step]:
        """The recorded steps, with the outcome of the last action from the run's results."""
        results = list(results)
        acted = [s for s in self.steps if s.code is not None]
        if results and acted and len(results) == len(acted):
            acted[-1].ok, acted[-1].error = bool(results[-1].ok), str(results[-1].error or "")
        return self.steps


def reply_text(code: str | None) -> str:
    """The assistant reply for an action (a ```python block) or the end of the world (``DONE``)."""
    return DONE if code is None else f"```python\n{code.strip()}\n```"


def episode_records(ep: Episode, history: int | None = None) -> Iterator[tuple[dict[str, Any], bytes | None]]:
    """Yield ``(record, png)`` per step: the chat request the policy would send, plus the reply."""
    keep = PolicyConfig().history if history is None else history
    turns: list[Turn] = []
    for i, st in enumerate(ep.steps):
        obs = Observation(prompt=ep.prompt, step=i, summarize=lambda s=st.scene: s, last_ok=st.last_ok,
                          last_error=st.last_error, last_output=st.last_output)
        editing = False
        image_name = f"images/{ep.id}_{i:03d}.png" if st.image else None
        messages = chat_messages(ep.prompt, obs, turns[-keep:] if keep else [], editing, st.image)
        if st.image:  # the picture by path, not inline base64
            for part in messages[-1]["content"]:
                if part.get("type") == "image_url":
                    part["image_url"]["url"] = image_name
        messages.append({"role": "assistant", "content": reply_text(st.code)})
        yield ({"episode": ep.id, "prompt": ep.prompt, "seed": ep.seed, "policy": ep.policy, "step": i,
                "ok": st.ok, "error": st.error, "image": image_name, "messages": messages}, st.image)
        if st.code is not None:
            turns.append(Turn(st.code, st.ok, st.error))


def write_episodes(episodes: Iterable[Episode], out: str | Path, name: str = "episodes.jsonl") -> Path:
    """Write episodes as ``out/<name>`` (JSONL, one record a step) and ``out/images/``; atomic per file."""
    out = Path(out)
    (out / "images").mkdir(parents=True, exist_ok=True)
    lines = []
    for ep in episodes:
        for rec, png in episode_records(ep):
            if png is not None:
                _write_bytes(out / rec["image"], png)
            lines.append(json.dumps(rec, ensure_ascii=False, sort_keys=True))
    from ..io import write_text_atomic

    target = out / name
    write_text_atomic(target, "".join(line + "\n" for line in lines))
    return target


def read_records(path: str | Path) -> list[dict[str, Any]]:
    """Read a JSONL file of records written by :func:`write_episodes`."""
    from ..io import read_text_file

    out = []
    for n, line in enumerate(read_text_file(path, "episodes file").splitlines(), 1):
        if line.strip():
            try:
                out.append(json.loads(line))
            except json.JSONDecodeError as exc:
                raise InputError(f"{path}:{n}: not valid JSON ({exc.msg})") from None
    return out


def _write_bytes(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    with os.fdopen(fd, "wb") as fh:
        fh.write(data)
    os.replace(tmp, path)


def world_folders(source: str | Path) -> list[Path]:
    """Episode sources at or under ``source`` (a world, a batch folder, a self-improve round), sorted.

    A source is a folder with ``episode.json`` (a sampled world, its world files in ``world/``, or
    a policy that built nothing), or a world folder (``actions.py`` and ``report.json``) without one.

    Raises:
        InputError: ``source`` does not exist or holds no world.
    """
    src = Path(source)
    if not src.exists():
        raise InputError(f"{src} does not exist")
    sampled = {p.parent for p in [src / EPISODE_FILE, *src.rglob(EPISODE_FILE)] if p.is_file()}
    worlds = {p.parent for p in [src / "actions.py", *src.rglob("actions.py")]
              if p.is_file() and (p.parent / "report.json").is_file() and p.parent.parent not in sampled}
    found = sorted(sampled | worlds)
    if not found:
        raise InputError(f"{src} holds no world (no folder with actions.py and report.json, or episode.json)")
    return found


def world_dir(folder: Path) -> Path | None:
    """The folder holding the world files of an episode source (itself or its ``world/``), or None."""
    for d in (folder, folder / "world"):
        if (d / "report.json").is_file() and any((d / n).is_file() for n in ("world.usd", "world.usda")):
            return d
    return None


EPISODE_FILE = "episode.json"
"""Written beside a world built by :func:`sample_world`: its steps (pictures as ``episode/step_NNN.png``)."""


def save_episode(ep: Episode, folder: Path) -> None:
    """Write ``folder/episode.json`` (and the step pictures) atomically."""
    from ..io import write_json

    folder.mkdir(parents=True, exist_ok=True)
    steps = []
    for i, st in enumerate(ep.steps):
        image = None
        if st.image:
            image = f"episode/step_{i:03d}.png"
            _write_bytes(folder / image, st.image)
        steps.append({"scene": st.scene, "code": st.code, "image": image, "ok": st.ok, "error": st.error,
                      "last_ok": st.last_ok, "last_error": st.last_error, "last_output": st.last_output})
    write_json(folder / EPISODE_FILE, {"prompt": ep.prompt, "seed": ep.seed, "policy": ep.policy, "steps": steps})


def load_episode(folder: Path) -> Episode:
    """Read the episode :func:`save_episode` wrote."""
    data = json.loads((folder / EPISODE_FILE).read_text(encoding="utf-8"))
    steps = []
    for st in data["steps"]:
        image = (folder / st["image"]).read_bytes() if st.get("image") else None
        steps.append(Step(st["scene"], st["code"], image, st["ok"], st["error"], st["last_ok"], st["last_error"],
                          st["last_output"]))
    return Episode(data["prompt"], int(data["seed"]), data["policy"], steps)


def sample_world(prompt: str, out: Path, policy: Policy, seed: int, settings: Settings,
                 images: bool = True) -> Episode:
    """Build a world with ``policy`` into ``out``, recording its episode beside it (``episode.json``).

    A policy that builds nothing still leaves ``out/episode.json`` (the world files are then absent).
    """
    from ..errors import GeneralistError
    from ..generate import generate_world

    rec = RecordingPolicy(policy, images=images)
    results: list[Any] = []
    try:
        results = generate_world(prompt, out / "world", rec, seed=seed, settings=settings, force=True).results
    except GeneralistError as exc:
        if rec.steps and rec.steps[-1].code is not None:
            rec.steps[-1].ok, rec.steps[-1].error = False, str(exc)
    ep = Episode(prompt, seed, policy.name, rec.finish(results))
    save_episode(ep, out)
    return ep


def record_world(folder: Path, settings: Settings, images: bool = True) -> Episode:
    """The episode of a world: the one recorded when it was sampled, else a replay of its ``actions.py``."""
    if (folder / EPISODE_FILE).is_file():
        return load_episode(folder)
    from ..generate import generate_world
    from ..policy.script import ScriptPolicy

    script = ScriptPolicy.from_file(folder / "actions.py")
    rec = RecordingPolicy(script, images=images)
    log = script.log
    with tempfile.TemporaryDirectory(prefix="export-") as tmp:
        res = generate_world(log.prompt, Path(tmp) / "w", rec, seed=log.seed, settings=settings,
                             inputs=[folder / "actions.py"])
    steps = rec.finish(res.results)
    return Episode(log.prompt, log.seed, log.policy or script.name, steps)


def export_worlds(source: str | Path, out: str | Path, settings: Settings | None = None,
                  images: bool = True) -> tuple[Path, int, int, int]:
    """Export every world under ``source`` to ``out``: its episodes (``episodes.jsonl`` + ``images/``) and,
    with ``train.placement_records`` above 0, the point predictor's records of its small things
    (``placement.jsonl``, :func:`.point_predictor.write_point_records`).

    Returns:
        The episodes' JSONL path, the number of episodes, of their records and of point records.
    """
    settings = settings or Settings()
    settings.generator.validate = False
    settings.generator.preview = False
    folders = world_folders(source)
    episodes = []
    for k, folder in enumerate(folders):
        ep = record_world(folder, settings, images)
        ep.id = f"e{k:05d}"
        episodes.append(ep)
    path = write_episodes(episodes, out)
    points = 0
    if settings.train.placement_records > 0:
        from .point_predictor import write_point_records

        worlds = [(w, f"{ep.id}_place") for folder, ep in zip(folders, episodes, strict=True)
                  if (w := world_dir(folder)) is not None]
        _, points = write_point_records(worlds, out, settings.train.placement_records, images)
    return path, len(episodes), sum(len(e.steps) for e in episodes), points


__all__ = ["DONE", "EPISODE_FILE", "Episode", "load_episode", "sample_world", "save_episode", "RecordingPolicy", "Step", "episode_records", "export_worlds", "read_records",
           "record_world", "reply_text", "world_dir", "world_folders", "write_episodes"]
