#!/usr/bin/env python3
# Authoring aid: renders Content/data/leg-map.yml to a standalone HTML page with inline SVG so the
# maps can be checked by eye: outline, details, and either the zones of places (each filled with
# its own colour, labelled with its id, its landmark points marked) or, for an older file, the
# regions filled with each root's colour with labels and key points. Not used by the build or the
# tests.
#
#   pip install pyyaml
#   python3 scripts/atlas/preview_leg_map.py --out /tmp/atlas/preview.html
#   chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1400,1100 \
#       --screenshot=/tmp/atlas/x.png file:///tmp/atlas/preview.html
#
# Options: --crop "x y w h" shows only that part of each view (to look closely at the feet, say);
#          --plain draws the outline and details only (does it read as legs without the colours?);
#          --vertices marks every outline vertex; --no-labels leaves the zone ids off;
#          --only anterior|posterior|saddle shows one view.

import argparse
import html
import os

import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", ".."))

COLOURS = {
    "L1": "#f4c95d",
    "L2": "#f49d5d",
    "L3": "#e9707a",
    "L4": "#c58fd6",
    "L5": "#7fa7e6",
    "S1": "#6cc3b4",
    "S2": "#9fd36f",
    "S3": "#e6a1c5",
    "S4-S5": "#b9a27c",
}


ZONE_PALETTE = [
    "#f4c95d", "#7fa7e6", "#e9707a", "#6cc3b4", "#c58fd6", "#9fd36f", "#f49d5d", "#e6a1c5",
    "#8fd3e8", "#d6c36c", "#b9a27c", "#a3b8f0", "#f0a8a0", "#7cc99a", "#d9a6e8", "#c8de7a",
    "#f2b880", "#92c5c0", "#e8c1d8", "#b5b5e8", "#e3d49a",
]


def zone_colour(i):
    return ZONE_PALETTE[i % len(ZONE_PALETTE)]


def path_d(points, closed):
    d = "M" + " L".join(f"{x:g},{y:g}" for x, y in points)
    return d + (" Z" if closed else "")


def render_view(v, args):
    vb = v["view_box"]
    width = args.width * vb[2] / 500.0
    if args.crop and v["id"] != "saddle":
        vb = [float(x) for x in args.crop.split()]
        width = args.width
    height = width * vb[3] / vb[2]
    s = []
    s.append(f'<figure><figcaption>{html.escape(v["title"])} ({v["id"]})</figcaption>')
    s.append(f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="{" ".join(str(x) for x in vb)}" '
             f'width="{width:.0f}" height="{height:.0f}">')
    s.append(f'<rect x="{vb[0]}" y="{vb[1]}" width="{vb[2]}" height="{vb[3]}" fill="#fff"/>')
    for o in v["outline"]:
        s.append(f'<path d="{path_d(o, True)}" fill="#f3ece6" stroke="none"/>')
    if not args.plain:
        for i, z in enumerate(v.get("zones") or []):
            c = zone_colour(i)
            for poly in z["polygons"]:
                s.append(f'<path d="{path_d(poly, True)}" fill="{c}" fill-opacity="0.9" '
                         f'stroke="#ffffff" stroke-width="0.8" stroke-linejoin="round">'
                         f'<title>{html.escape(z["place"])}</title></path>')
        for reg in v.get("regions") or []:
            c = COLOURS.get(reg["root"], "#ccc")
            for poly in reg["polygons"]:
                s.append(f'<path d="{path_d(poly, True)}" fill="{c}" fill-opacity="0.9" '
                         f'stroke="#ffffff" stroke-width="0.8" stroke-linejoin="round">'
                         f'<title>{reg["root"]}</title></path>')
    for d in v.get("details") or []:
        s.append(f'<path d="{path_d(d, False)}" fill="none" stroke="#5b4a42" stroke-width="0.9" '
                 f'stroke-opacity="0.55" stroke-linecap="round" stroke-linejoin="round"/>')
    for o in v["outline"]:
        s.append(f'<path d="{path_d(o, True)}" fill="none" stroke="#3b2e28" stroke-width="1.6" '
                 f'stroke-linejoin="round"/>')
        if args.vertices:
            for x, y in o:
                s.append(f'<circle cx="{x}" cy="{y}" r="0.9" fill="#d00"/>')
    if not args.plain:
        fs = args.font * (vb[2] / width) * 1.3
        for z in v.get("zones") or []:
            for x, y in z.get("points") or []:
                s.append(f'<circle cx="{x}" cy="{y}" r="{fs * 0.3:.2f}" fill="#fff" stroke="#222" '
                         f'stroke-width="{fs * 0.1:.2f}"/>')
                if not args.no_labels:
                    s.append(f'<text x="{x}" y="{y + fs * 0.95:.1f}" font-size="{fs:.2f}" '
                             f'font-family="sans-serif" font-weight="600" text-anchor="middle" '
                             f'dominant-baseline="central" fill="#1d1d1d" paint-order="stroke" '
                             f'stroke="#ffffff" stroke-width="{fs * 0.22:.2f}" stroke-opacity="0.8">'
                             f'{html.escape(z["place"])}</text>')
        for kp in v.get("key_points") or []:
            x, y = kp["at"]
            s.append(f'<circle cx="{x}" cy="{y}" r="3.6" fill="#fff" stroke="#222" stroke-width="1.4">'
                     f'<title>{kp["root"]} key point</title></circle>')
            s.append(f'<circle cx="{x}" cy="{y}" r="1.2" fill="#222"/>')
        for lb in v.get("labels") or []:
            x, y = lb["at"]
            s.append(f'<text x="{x}" y="{y}" font-size="14" font-family="sans-serif" font-weight="700" '
                     f'text-anchor="middle" dominant-baseline="central" fill="#1d1d1d" '
                     f'paint-order="stroke" stroke="#ffffff" stroke-width="2.5" stroke-opacity="0.7">'
                     f'{html.escape(lb["root"])}</text>')
    s.append("</svg></figure>")
    return "\n".join(s)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default=os.path.join(ROOT, "Content", "data", "leg-map.yml"))
    ap.add_argument("--out", default="/tmp/atlas/preview.html")
    ap.add_argument("--crop", default=None)
    ap.add_argument("--width", type=float, default=540)
    ap.add_argument("--plain", action="store_true")
    ap.add_argument("--vertices", action="store_true")
    ap.add_argument("--only", default=None, help="anterior, posterior or saddle")
    ap.add_argument("--no-labels", action="store_true")
    ap.add_argument("--font", type=float, default=7.5, help="label size in screen pixels")
    args = ap.parse_args()
    with open(args.data) as f:
        data = yaml.safe_load(f)
    views = [v for v in data["views"] if not args.only or v["id"] == args.only]
    if any(v.get("regions") for v in views):
        legend = " ".join(
            f'<span style="background:{c};padding:2px 6px;margin-right:4px">{r}</span>'
            for r, c in COLOURS.items())
    else:
        legend = ""
    body = "\n".join(render_view(v, args) for v in views)
    page = f"""<!doctype html>
<html><head><meta charset="utf-8"><title>leg-map preview</title>
<style>
body {{ margin: 8px; font-family: sans-serif; font-size: 13px; background: #fafafa; }}
.views {{ display: flex; gap: 20px; align-items: flex-start; }}
figure {{ margin: 0; }}
figcaption {{ font-weight: bold; margin-bottom: 2px; }}
svg {{ border: 1px solid #ddd; }}
</style></head><body>
<div>{legend}</div>
<div class="views">
{body}
</div>
</body></html>
"""
    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    with open(args.out, "w") as f:
        f.write(page)
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
