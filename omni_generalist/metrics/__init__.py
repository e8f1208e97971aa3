"""Metrics read from a written world: prompt alignment (and, with later issues, physics metrics)."""

from .alignment import Requirement, alignment_score, lighting_profile, score_suite_entry

__all__ = ["Requirement", "alignment_score", "lighting_profile", "score_suite_entry"]
