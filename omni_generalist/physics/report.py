"""What physics validation finds: problems, per-object motion, and the world's verdict."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True)
class Problem:
    """One finding, with a precise message a person can act on.

    ``kind`` is one of: ``interpenetration``, ``floating``, ``out_of_bounds``, ``unstable``,
    ``blocked_joint``, ``unreachable``, ``negative_mass``, ``non_convex_collider``, ``missing_body``,
    ``bad_joint``, ``bad_collider``, ``asset_validator``.
    """

    kind: str
    path: str
    message: str
    severity: str = ERROR
    other: str = ""
    value: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class ObjectMotion:
    """How far one movable object moved and turned while the world settled."""

    path: str
    moved_m: float
    turned_deg: float
    stable: bool
    final_position: tuple[float, float, float]
    final_orientation: tuple[float, float, float, float]


@dataclass
class JointSweep:
    """Whether one joint moved through its whole range without hitting anything."""

    path: str
    lower: float
    upper: float
    free_upto: float
    """The farthest position (fraction of the range, 0..1) reached without a collision."""
    blocked_by: str = ""

    @property
    def ok(self) -> bool:
        return not self.blocked_by


@dataclass
class PhysicsReport:
    """The verdict of :func:`omni_generalist.physics.validate_world` on one world."""

    engine: str
    ok: bool = True
    problems: list[Problem] = field(default_factory=list)
    motions: list[ObjectMotion] = field(default_factory=list)
    joints: list[JointSweep] = field(default_factory=list)
    stability: float = 1.0
    reachability: float | None = 1.0
    """Share of floor objects a robot base reaches from a door; None for a room without a door."""
    movable: int = 0
    timings: dict[str, float] = field(default_factory=dict)

    def of_kind(self, kind: str) -> list[Problem]:
        """Problems of one kind."""
        return [p for p in self.problems if p.kind == kind]

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == ERROR]

    def counts(self) -> dict[str, int]:
        """Number of error problems per kind."""
        out: dict[str, int] = {}
        for p in self.errors:
            out[p.kind] = out.get(p.kind, 0) + 1
        return out

    def summary(self) -> str:
        """One line: verdict, stability and the problem counts."""
        counts = ", ".join(f"{k} {v}" for k, v in sorted(self.counts().items())) or "no problems"
        verdict = "valid" if self.ok else "INVALID"
        return (f"{verdict} ({self.engine}): stability {self.stability:.1%} of {self.movable} movable objects, "
                f"{len(self.joints)} joints swept; {counts}")

    def to_dict(self) -> dict[str, Any]:
        """JSON-able form (report.json's ``physics`` entry)."""
        return {
            "engine": self.engine, "ok": self.ok, "stability": round(self.stability, 5),
            "reachability": None if self.reachability is None else round(self.reachability, 5), "movable": self.movable, "counts": self.counts(),
            "problems": [p.to_dict() for p in self.problems],
            "unstable": [{"path": m.path, "moved_m": round(m.moved_m, 4), "turned_deg": round(m.turned_deg, 2)}
                         for m in self.motions if not m.stable],
            "max_move_m": round(max((m.moved_m for m in self.motions), default=0.0), 5),
            "joints": {"swept": len(self.joints), "blocked": [
                {"path": j.path, "free_upto": round(j.free_upto, 3), "blocked_by": j.blocked_by}
                for j in self.joints if not j.ok]},
            "timings": {k: round(v, 4) for k, v in self.timings.items()},
        }
