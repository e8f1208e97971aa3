"""Self-improvement rounds: sample, score, select, fine-tune with LoRA, evaluate (docs/training.md).

Per round ``r`` (folder ``OUT/round_RR``):

1. **sample** ``samples`` worlds per training prompt from the current model (``hf:MODEL`` plus
   the previous round's adapter) at ``temperature``, each recorded as an episode
   (:func:`.trajectories.sample_world`); in round 1 the worlds of ``pool`` (for instance a
   ``batch`` folder of procedural worlds) join the candidates;
2. **score** each with :func:`.rewards.world_reward` (a world not built scores 0); every scored
   candidate is appended to ``candidates.jsonl`` at once, so a crash loses at most one;
3. **select** per prompt the ``keep_best`` best with a reward above 0 and every one at or above
   ``threshold``; their steps become ``selected.jsonl`` (+ ``images/``) in the chat format, and the
   small things placed in their worlds become the point predictor's records (``placement.jsonl``:
   the pixel of each on a top-down render of its surface, :mod:`.point_predictor`);
4. **fine-tune** a LoRA adapter (continuing the previous round's) on both and save it to
   ``adapter/`` (written to a temporary folder and renamed);
5. **evaluate** the new adapter on the held-out prompts (greedy), and append the round's
   statistics to ``OUT/rounds.jsonl``; ``OUT/rewards.png`` plots them.

Re-running the same command resumes: finished rounds are skipped (they are in
``rounds.jsonl``), scored candidates are not sampled again, a saved adapter is not retrained.
"""

from __future__ import annotations

import dataclasses
import json
import math
import os
import shutil
import statistics
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..config import Settings
from ..errors import InputError
from .rewards import weights, world_reward

ProgressFn = Callable[[str, dict[str, Any]], None]


@dataclass
class SelfImproveConfig:
    """One self-improvement run; the rest (selection, LoRA, reward weights) is the ``train`` settings section.

    Attributes:
        model: the base model folder (anything ``hf:`` loads).
        prompts: ``.txt`` (one a line) or ``.jsonl`` (``prompt``, optional ``heldout: true``).
        out: the run folder.
        rounds: rounds to run (re-running resumes).
        samples: worlds sampled per prompt per round.
        pool: a world or batch folder whose worlds join round 1's candidates.
    """

    model: Path
    prompts: Path
    out: Path
    rounds: int = 3
    samples: int = 4
    pool: Path | None = None


def read_prompts(path: Path, heldout_fraction: float = 0.2) -> tuple[list[str], list[str]]:
    """(training prompts, held-out prompts) of a ``.txt`` or ``.jsonl`` prompts file."""
    from ..io import read_prompt_lines, read_text_file

    if path.suffix == ".jsonl":
        lines = [d for _, d in read_prompt_lines(path, "prompts file")]
    else:
        lines = [{"prompt": s.strip()} for s in read_text_file(path, "prompts file").splitlines()
                 if s.strip() and not s.strip().startswith("#")]
    if not lines:
        raise InputError(f"prompts file {path} holds no prompt")
    if any(d.get("heldout") for d in lines):
        train = [d["prompt"].strip() for d in lines if not d.get("heldout")]
        held = [d["prompt"].strip() for d in lines if d.get("heldout")]
    else:
        k = math.ceil(len(lines) * heldout_fraction) if len(lines) > 1 else 0
        train = [d["prompt"].strip() for d in lines[: len(lines) - k]]
        held = [d["prompt"].strip() for d in lines[len(lines) - k:]]
    if not train:
        raise InputError(f"prompts file {path} leaves no prompt to train on")
    return train, held


def _read_jsonl(path: Path) -> list[dict[str, Any]]:
    """Lines of a JSONL file; a torn last line (a crash while appending) is ignored."""
    if not path.is_file():
        return []
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        try:
            out.append(json.loads(line))
        except json.JSONDecodeError:
            continue
    return out


def _append(path: Path, row: dict[str, Any]) -> None:
    with path.open("a", encoding="utf-8") as fh:
        fh.write(json.dumps(row, sort_keys=True) + "\n")
        fh.flush()
        os.fsync(fh.fileno())


def select(candidates: list[dict[str, Any]], threshold: float, keep_best: int) -> list[dict[str, Any]]:
    """Per prompt: the ``keep_best`` best candidates with a reward above 0, and all at or above ``threshold``."""
    by_prompt: dict[str, list[dict[str, Any]]] = {}
    for c in candidates:
        by_prompt.setdefault(c["prompt"], []).append(c)
    out = []
    for group in by_prompt.values():
        ranked = sorted(group, key=lambda c: (-c["reward"]["total"], c["id"]))
        for i, c in enumerate(ranked):
            total = c["reward"]["total"]
            if total > 0 and (i < keep_best or total >= threshold):
                out.append(c)
    return sorted(out, key=lambda c: c["id"])


def _stats(values: list[float]) -> dict[str, float]:
    if not values:
        return {"n": 0, "mean": 0.0, "max": 0.0, "min": 0.0}
    return {"n": len(values), "mean": round(statistics.fmean(values), 6), "max": round(max(values), 6),
            "min": round(min(values), 6)}


class SelfImprover:
    """Runs (and resumes) the rounds of a :class:`SelfImproveConfig`.

    Args:
        config: the run.
        settings: world-building settings (steps, failures, sandbox, physics).
        progress: called with an event name and its data (``candidate``, ``trained``, ``round``).
    """

    def __init__(self, config: SelfImproveConfig, settings: Settings | None = None,
                 progress: ProgressFn | None = None):
        from ..policy.vlm.hf_backend import check_model_folder

        self.config = config
        self.settings = settings or Settings()
        self.train_cfg = self.settings.train
        self.progress = progress or (lambda event, data: None)
        self.model = check_model_folder(config.model)
        if config.samples < 1 or config.rounds < 1:
            raise InputError("--rounds and --samples must be at least 1")
        self.train_prompts, self.heldout = read_prompts(config.prompts, self.train_cfg.heldout_fraction)
        self.out = config.out
        self.out.mkdir(parents=True, exist_ok=True)

    # ------------------------------------------------------------------ helpers
    def round_dir(self, r: int) -> Path:
        return self.out / f"round_{r:02d}"

    def adapter_of(self, r: int) -> Path | None:
        """The adapter saved by round ``r`` (None for round 0 or when absent)."""
        if r < 1:
            return None
        p = self.round_dir(r) / "adapter"
        return p if (p / "adapter_config.json").is_file() else None

    def policy_spec(self, adapter: Path | None) -> str:
        return f"hf:{self.model}" + (f"@{adapter}" if adapter else "")

    def _policy(self, adapter: Path | None, temperature: float):
        from ..policy import make_policy

        return make_policy(self.policy_spec(adapter), dataclasses.replace(self.settings.policy, temperature=temperature))

    def _score(self, world: Path | None, prompt: str) -> dict[str, Any]:
        from .trajectories import world_dir

        return world_reward(world_dir(world) if world else None, prompt, self.train_cfg).to_dict()

    # ------------------------------------------------------------------ steps
    def candidates(self, r: int) -> list[dict[str, Any]]:
        """Sample and score the round's candidates (those already in ``candidates.jsonl`` are kept)."""
        from .trajectories import record_world, sample_world, save_episode, world_dir, world_folders

        rd = self.round_dir(r)
        log = rd / "candidates.jsonl"
        done = {c["id"]: c for c in _read_jsonl(log)}
        wanted: list[tuple[str, Callable[[], dict[str, Any]]]] = []
        if r == 1 and self.config.pool is not None:
            for k, folder in enumerate(world_folders(self.config.pool)):
                def pool_one(folder=folder, cid=f"pool_{k:04d}") -> dict[str, Any]:
                    ep = record_world(folder, self.settings, self.train_cfg.images)
                    save_episode(ep, rd / "samples" / cid)
                    world = world_dir(folder)
                    return {"prompt": ep.prompt, "source": "pool", "world": str(world or folder),
                            "reward": self._score(world, ep.prompt)}
                wanted.append((f"pool_{k:04d}", pool_one))
        policy = None
        for i, prompt in enumerate(self.train_prompts):
            for k in range(self.config.samples):
                cid = f"p{i:04d}_s{k:02d}"

                def sample_one(prompt=prompt, cid=cid, seed=r * 100_003 + i * self.config.samples + k):
                    nonlocal policy
                    if policy is None:
                        policy = self._policy(self.adapter_of(r - 1), self.train_cfg.temperature)
                    folder = rd / "samples" / cid
                    sample_world(prompt, folder, policy, seed, self.settings, self.train_cfg.images)
                    return {"prompt": prompt, "source": "sample", "world": str(folder / "world"),
                            "reward": self._score(folder / "world", prompt)}
                wanted.append((cid, sample_one))
        rows = []
        for cid, make in wanted:
            if cid not in done:
                row = {"id": cid, **make()}
                _append(log, row)
                done[cid] = row
                self.progress("candidate", row)
            rows.append(done[cid])
        return rows

    def write_selected(self, r: int, chosen: list[dict[str, Any]]) -> list[Path]:
        """The chosen candidates' steps as chat records (``selected.jsonl`` + ``images/``) and the
        point-predictor records of their worlds (``placement.jsonl``, with ``placement_records``)."""
        from .point_predictor import write_point_records
        from .trajectories import load_episode, write_episodes

        rd = self.round_dir(r)
        eps = []
        for c in chosen:
            ep = load_episode(rd / "samples" / c["id"])
            ep.id = c["id"]
            eps.append(ep)
        files = [write_episodes(eps, rd, "selected.jsonl")]
        if self.train_cfg.placement_records > 0:
            path, _ = write_point_records(((c["world"], f"{c['id']}_place") for c in chosen), rd,
                                          self.train_cfg.placement_records, self.train_cfg.images)
            files.append(path)
        return files

    def train(self, r: int, records_files: list[Path]) -> dict[str, Any]:
        """Fine-tune the adapter on the selected records (the policy's steps and the point predictor's
        marks) and save it; returns the losses."""
        from ..policy.vlm.hf_backend import HFBackend
        from .lora import attach_lora, encode, mean_loss, train_lora
        from .trajectories import read_records

        rd = self.round_dir(r)
        per_file = [read_records(f) for f in records_files]
        records = [rec for recs in per_file for rec in recs]
        backend = HFBackend(self.model, self.settings.policy)
        cfg = self.train_cfg
        batches = [encode(backend, rec, rd, cfg.max_tokens) for rec in records]
        model = attach_lora(backend, cfg, self.adapter_of(r - 1))
        device = self.settings.policy.device
        before = mean_loss(model, batches, device)
        steps = train_lora(model, batches, cfg, device)
        after = mean_loss(model, batches, device)
        tmp = rd / "adapter.tmp"
        shutil.rmtree(tmp, ignore_errors=True)
        model.save_pretrained(str(tmp))
        final = rd / "adapter"
        shutil.rmtree(final, ignore_errors=True)
        tmp.rename(final)
        info = {"records": len(records), "placement_records": sum(len(x) for x in per_file[1:]),
                "loss_before": before, "loss_after": after, "steps": len(steps)}
        (rd / "train.json").write_text(json.dumps(info, indent=2, sort_keys=True) + "\n")
        self.progress("trained", info)
        return info

    def evaluate(self, r: int) -> list[float]:
        """Rewards of greedy worlds of the new adapter on the held-out prompts (kept in ``heldout.jsonl``)."""
        from .trajectories import sample_world

        rd = self.round_dir(r)
        log = rd / "heldout.jsonl"
        done = {c["id"]: c for c in _read_jsonl(log)}
        policy = None
        out = []
        for i, prompt in enumerate(self.heldout):
            cid = f"h{i:04d}"
            if cid not in done:
                if policy is None:
                    policy = self._policy(self.adapter_of(r), 0.0)
                folder = rd / "heldout" / cid
                sample_world(prompt, folder, policy, i, self.settings, self.train_cfg.images)
                row = {"id": cid, "prompt": prompt, "reward": self._score(folder / "world", prompt)}
                _append(log, row)
                done[cid] = row
            out.append(done[cid]["reward"]["total"])
        return out

    # ------------------------------------------------------------------ rounds
    def run_round(self, r: int) -> dict[str, Any]:
        rd = self.round_dir(r)
        rd.mkdir(parents=True, exist_ok=True)
        cands = self.candidates(r)
        chosen = select(cands, self.train_cfg.threshold, self.train_cfg.keep_best)
        info_file = rd / "train.json"
        if not chosen:
            train = {"records": 0, "placement_records": 0, "loss_before": None, "loss_after": None, "steps": 0}
            if self.adapter_of(r - 1):  # nothing to learn: the round keeps the previous adapter
                shutil.copytree(self.adapter_of(r - 1), rd / "adapter", dirs_exist_ok=True)
        elif self.adapter_of(r) is not None and info_file.is_file():
            train = json.loads(info_file.read_text())
        else:
            train = self.train(r, self.write_selected(r, chosen))
        held = self.evaluate(r) if self.adapter_of(r) else []
        row = {"round": r, "candidates": _stats([c["reward"]["total"] for c in cands]),
               "selected": _stats([c["reward"]["total"] for c in chosen]),
               "selected_ids": [c["id"] for c in chosen], "heldout": _stats(held), "train": train,
               "adapter": str(self.adapter_of(r) or ""), "policy": self.policy_spec(self.adapter_of(r)),
               "weights": weights(self.train_cfg)}
        _append(self.out / "rounds.jsonl", row)
        self.progress("round", row)
        return row

    def run(self) -> list[dict[str, Any]]:
        """Run the rounds not yet finished; return every round's statistics."""
        from .plot import plot_rounds

        rows = {row["round"]: row for row in _read_jsonl(self.out / "rounds.jsonl")}
        for r in range(1, self.config.rounds + 1):
            if r not in rows:
                rows[r] = self.run_round(r)
        ordered = [rows[r] for r in sorted(rows)]
        plot_rounds({"candidates (mean)": [x["candidates"]["mean"] for x in ordered],
                     "selected (mean)": [x["selected"]["mean"] for x in ordered],
                     "held-out (mean)": [x["heldout"]["mean"] for x in ordered]}, self.out / "rewards.png")
        return ordered


__all__ = ["SelfImproveConfig", "SelfImprover", "read_prompts", "select"]
