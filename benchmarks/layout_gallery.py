"""A gallery of layout previews a person can look through: one world per prompt, seed 0.

Generates the chosen prompts of ``benchmarks/prompts/layout.jsonl`` (tune split by default, so the
held-out quarter stays unseen) with the procedural policy, and writes each world's preview (corner
view + labelled top view) as a JPEG into ``docs/images/layout/<id>.jpg`` and an index
``docs/images/layout/README.md`` with the prompt under each image.

Usage::

    python benchmarks/layout_gallery.py [--ids s01,s02,...] [--seed 0] [--out docs/images/layout]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from omni_generalist.config import Settings  # noqa: E402
from omni_generalist.evaluate import read_suite  # noqa: E402
from omni_generalist.generate import generate_world  # noqa: E402
from omni_generalist.io import write_text_atomic  # noqa: E402
from omni_generalist.policy.procedural import ProceduralPolicy  # noqa: E402

DEFAULT_IDS = "s01,s02,s03,s04,s05,s07,o03,o05,o08,c01,c03,y02,y08,y11,l01,l02,l03,l10"
"""A mix of the suite's styles: short, odd rooms, counts, styles, long paragraphs (tune split)."""


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--ids", default=DEFAULT_IDS, help="comma-separated prompt ids of the suite")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--out", default=str(ROOT / "docs" / "images" / "layout"))
    args = ap.parse_args()
    from PIL import Image

    entries = {e["id"]: e for e in read_suite(ROOT / "benchmarks" / "prompts" / "layout.jsonl")}
    ids = [i.strip() for i in args.ids.split(",") if i.strip()]
    unknown = [i for i in ids if i not in entries]
    if unknown:
        sys.exit(f"not in the suite: {', '.join(unknown)}")
    held = [i for i in ids if entries[i].get("split") == "heldout"]
    if held:
        print(f"note: {', '.join(held)} belong to the held-out split", file=sys.stderr)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    settings = Settings()
    lines = ["# Layout gallery", "",
             f"One world per prompt (seed {args.seed}), procedural policy; left: corner view, right: "
             "labelled top view. Regenerate with `python benchmarks/layout_gallery.py`.", ""]
    with tempfile.TemporaryDirectory() as tmp:
        for i in ids:
            e = entries[i]
            res = generate_world(e["prompt"], Path(tmp) / i, ProceduralPolicy(), seed=args.seed, settings=settings)
            img = Image.open(res.out / "preview.png").convert("RGB")
            img.save(out / f"{i}.jpg", quality=82)
            lay = res.report.get("layout", {})
            room = lay.get("room") or {}
            lines += [f"## {i}: {e['prompt']}", "",
                      f"![{i}]({i}.jpg)", "",
                      f"{room.get('type', '?')}, {lay.get('objects', '?')} objects", ""]
            print(f"{i}: {lay.get('objects')} objects -> {out / (i + '.jpg')}", file=sys.stderr)
    write_text_atomic(out / "README.md", "\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
