"""Batch generation: many prompts → many worlds (and variants), on a local pool or on Ray,
with a JSONL manifest and resume (see ``docs/batch.md``)."""

from .manifest import Manifest, Task, read_prompts, scan_finished, task_id
from .runner import BatchSummary, check_manifest, run_batch, run_local, run_ray
from .worker import run_task

__all__ = ["BatchSummary", "Manifest", "Task", "check_manifest", "read_prompts", "run_batch", "run_local", "run_ray",
           "run_task", "scan_finished", "task_id"]
