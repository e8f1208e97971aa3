"""Seconds per frame of the two CPU renderers: previews, dataset frames and panoramas.

A living room is generated with the procedural policy (no physics, no preview), then rendered:
- preview frame: RGB + instance ids + distance, 512×512, no occlusion counts (what policies see);
- dataset frame: the same plus occlusion counts and all BasicWriter files written (PNG, npy, JSON);
- panorama: 2048×1024 equirectangular;
- preview.png: the whole collage (room view + labelled plan) as ``generate`` writes it.
Fast rows are medians of ``--repeat`` runs after a warm-up; Cycles rows are one run each.

Usage: python benchmarks/bench_render.py [--repeat 5] [--no-quality] [--size 512]
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from omni_generalist.config import RenderConfig, Settings
from omni_generalist.generate import generate_world
from omni_generalist.policy.procedural import ProceduralPolicy
from omni_generalist.render import get_renderer, panorama_camera, room_views, write_preview
from omni_generalist.render.dataset import write_frame
from omni_generalist.world.stage import open_stage

PROMPT = "a living room with a sofa, a coffee table with a vase and a tv on a stand"


def _time(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--size", type=int, default=512)
    ap.add_argument("--pano-width", type=int, default=2048)
    ap.add_argument("--no-quality", action="store_true", help="skip the Cycles rows")
    args = ap.parse_args()
    rows: list[tuple[str, str, float]] = []
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings()
        settings.generator.validate = False
        settings.generator.preview = False
        res = generate_world(PROMPT, Path(tmp) / "world", ProceduralPolicy(), seed=0, settings=settings)
        stage = open_stage(res.out)
        cam = room_views(stage, args.size, args.size)[0]
        pano = panorama_camera(stage, args.pano_width)
        frames = Path(tmp) / "frames"
        frames.mkdir()

        fast = get_renderer("fast")
        fast.render(stage, cam)  # warm-up: GL context, shaders, scene upload
        rows.append(("fast", f"preview frame {args.size}²", _time(lambda: fast.render(stage, cam, occlusion=False),
                                                                   args.repeat)))
        rows.append(("fast", f"dataset frame {args.size}² (+ files)",
                     _time(lambda: write_frame(frames, 0, fast.render(stage, cam)), args.repeat)))
        rows.append(("fast", f"panorama {pano.width}×{pano.height}", _time(lambda: fast.render(stage, pano),
                                                                          max(1, args.repeat // 2))))
        rows.append(("fast", "preview.png collage (2 × 512×384)",
                     _time(lambda: write_preview(stage, frames / "preview.png", RenderConfig(), fast), args.repeat)))
        fast.close()
        if not args.no_quality:
            q = get_renderer("quality", samples=8)
            t0 = time.perf_counter()
            q.render(stage, cam.resized(64, 64), occlusion=False)
            rows.append(("quality", "first call (import the stage into Blender)", time.perf_counter() - t0))
            rows.append(("quality", f"preview frame {args.size}² (8 spp + OIDN)",
                         _time(lambda: q.render(stage, cam, occlusion=False), 1)))
            rows.append(("quality", f"dataset frame {args.size}² (+ occlusion, files)",
                         _time(lambda: write_frame(frames, 0, q.render(stage, cam)), 1)))
            rows.append(("quality", f"panorama {pano.width}×{pano.height} (8 spp + OIDN)",
                         _time(lambda: q.render(stage, pano), 1)))
            q.close()
    print("| renderer | workload | seconds |\n|---|---|---|")
    for renderer, what, s in rows:
        print(f"| {renderer} | {what} | {s:.3f} |")


if __name__ == "__main__":
    main()
