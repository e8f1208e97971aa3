"""A small line chart of per-round reward statistics (PNG, drawn with Pillow; no plotting library)."""

from __future__ import annotations

from pathlib import Path

COLORS = [(31, 119, 180), (255, 127, 14), (44, 160, 44), (214, 39, 40)]


def plot_rounds(series: dict[str, list[float]], out: str | Path, title: str = "reward per round") -> Path:
    """Draw each named series (values in 0..1, one per round) against the round number; write ``out``."""
    from PIL import Image, ImageDraw

    w, h, m = 640, 400, 50
    img = Image.new("RGB", (w, h), "white")
    d = ImageDraw.Draw(img)
    d.text((m, 10), title, fill="black")
    d.rectangle([m, m, w - m, h - m], outline="black")
    n = max((len(v) for v in series.values()), default=0)
    for k in range(5):  # y grid 0, .25, ... 1
        y = h - m - k * (h - 2 * m) / 4
        d.line([m, y, w - m, y], fill=(220, 220, 220))
        d.text((8, y - 6), f"{k / 4:.2f}", fill="black")

    def xy(i: int, v: float) -> tuple[float, float]:
        x = m + (w - 2 * m) * (i / max(1, n - 1) if n > 1 else 0.5)
        return x, h - m - (h - 2 * m) * min(1.0, max(0.0, v))

    for i in range(n):
        d.text((xy(i, 0)[0] - 3, h - m + 8), str(i + 1), fill="black")
    for c, (name, values) in enumerate(series.items()):
        color = COLORS[c % len(COLORS)]
        pts = [xy(i, v) for i, v in enumerate(values)]
        if len(pts) > 1:
            d.line(pts, fill=color, width=2)
        for x, y in pts:
            d.ellipse([x - 3, y - 3, x + 3, y + 3], fill=color)
        d.text((w - m - 150, m + 8 + 14 * c), name, fill=color)
    out = Path(out)
    tmp = out.with_name(f".{out.name}.tmp")
    img.save(tmp, format="PNG")
    tmp.replace(out)
    return out


__all__ = ["plot_rounds"]
