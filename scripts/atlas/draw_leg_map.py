#!/usr/bin/env python3
# Authoring aid: draws the two leg dermatome map views and writes Content/data/leg-map.yml.
#
#   pip install shapely numpy pyyaml
#   python3 scripts/atlas/draw_leg_map.py            # writes Content/data/leg-map.yml and checks it
#   python3 scripts/atlas/draw_leg_map.py --check    # only checks the existing YAML
#
# The build and the tests never run this script: the YAML it writes is the source of truth.
# Everything is drawn for the leg on the viewer's LEFT (x < 250) and mirrored about x = 250.
# On both views that leg's lateral (outer) side is towards small x, its medial side towards x = 250.
# Coordinates are SVG user units, y grows downwards, view box 500 x 1000.
#
# Vertical layout (both views): waist/navel level y=20, crotch y~215 (front) / ~245 (back, hidden
# by the buttocks), knee centre y~545, ankle (malleoli) y~855-866, toe tips y~970.

import argparse
import math
import os
import sys

import numpy as np
import yaml
from shapely import affinity
from shapely.geometry import LineString, MultiPolygon, Point, Polygon, box
from shapely.ops import polylabel, unary_union

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", ".."))
OUT = os.path.join(ROOT, "Content", "data", "leg-map.yml")

W, H = 500, 1000
MID = 250.0
ROOTS = ["L1", "L2", "L3", "L4", "L5", "S1", "S2", "S3", "S4-S5"]


# ----------------------------------------------------------------------------------------------
# curve helpers


def catmull_rom(points, samples=16, alpha=0.5):
    """Centripetal Catmull-Rom spline through `points` (open curve, passes through every point)."""
    p = [np.array(q, dtype=float) for q in points]
    if len(p) < 2:
        return [tuple(q) for q in p]
    ext = [p[0] + (p[0] - p[1])] + p + [p[-1] + (p[-1] - p[-2])]
    out = []
    for i in range(1, len(ext) - 2):
        p0, p1, p2, p3 = ext[i - 1], ext[i], ext[i + 1], ext[i + 2]

        def tj(ti, a, b):
            return ti + max(np.linalg.norm(b - a), 1e-6) ** alpha

        t0 = 0.0
        t1 = tj(t0, p0, p1)
        t2 = tj(t1, p1, p2)
        t3 = tj(t2, p2, p3)
        for k in range(samples):
            t = t1 + (t2 - t1) * k / samples
            a1 = (t1 - t) / (t1 - t0) * p0 + (t - t0) / (t1 - t0) * p1
            a2 = (t2 - t) / (t2 - t1) * p1 + (t - t1) / (t2 - t1) * p2
            a3 = (t3 - t) / (t3 - t2) * p2 + (t - t2) / (t3 - t2) * p3
            b1 = (t2 - t) / (t2 - t0) * a1 + (t - t0) / (t2 - t0) * a2
            b2 = (t3 - t) / (t3 - t1) * a2 + (t - t1) / (t3 - t1) * a3
            c = (t2 - t) / (t2 - t1) * b1 + (t - t1) / (t2 - t1) * b2
            out.append((float(c[0]), float(c[1])))
    out.append((float(p[-1][0]), float(p[-1][1])))
    return out


def simplify(pts, tol):
    if len(pts) < 3:
        return list(pts)
    return list(LineString(pts).simplify(tol, preserve_topology=False).coords)


def ellipse_pts(cx, cy, rx, ry, n=48, a0=0.0, a1=2 * math.pi, closed=True):
    pts = []
    m = n if closed else n + 1
    for i in range(m):
        a = a0 + (a1 - a0) * i / n
        pts.append((cx + rx * math.cos(a), cy + ry * math.sin(a)))
    return pts


def ellipse_poly(cx, cy, rx, ry, n=60):
    return Polygon(ellipse_pts(cx, cy, rx, ry, n))


def toe_row(toes, samples=8):
    """Toes from lateral to medial. Each toe: (x_start, y_start, x_end, y_end, tip_y, tip_shift).
    Returns the bottom contour: rounded toe tips meeting in small notches."""
    pts = []
    for i, (xa, ya, xb, yb, tip, shift) in enumerate(toes):
        mid_base = (ya + yb) / 2.0
        for k in range(samples + 1):
            if i > 0 and k == 0:
                continue  # shared notch with the previous toe
            th = math.pi * k / samples
            u = (1 - math.cos(th)) / 2.0
            x = xa + (xb - xa) * u + shift * math.sin(th)
            base = ya + (yb - ya) * u
            y = base + (tip - mid_base) * math.sin(th) ** 0.8
            pts.append((x, y))
    return pts


def mirror_pt(p):
    return (round(2 * MID - p[0], 1), p[1])


def mirror_line(pts):
    return [mirror_pt(p) for p in pts]


def mirror_geom(g):
    return affinity.scale(g, xfact=-1, yfact=1, origin=(MID, 0))


def below(curve):
    """Region below (larger y) a left-to-right curve that spans the whole half view."""
    c = sorted(curve, key=lambda p: p[0])
    return Polygon(c + [(c[-1][0], 3000), (c[0][0], 3000)])


def above(curve):
    c = sorted(curve, key=lambda p: p[0])
    return Polygon(c + [(c[-1][0], -3000), (c[0][0], -3000)])


def medial_of(curve):
    """Region to the right (larger x, towards the midline) of a top-to-bottom curve."""
    c = sorted(curve, key=lambda p: p[1])
    return Polygon(c + [(3000, c[-1][1]), (3000, c[0][1])])


def lateral_of(curve):
    c = sorted(curve, key=lambda p: p[1])
    return Polygon(c + [(-3000, c[-1][1]), (-3000, c[0][1])])


def smooth(points, samples=10):
    return simplify(catmull_rom(points, samples), 0.15)


def hline(points):
    """A cutting curve running across the whole half view (extended far to both sides)."""
    c = smooth(points)
    return [(-400.0, c[0][1])] + c + [(MID + 300.0, c[-1][1])]


def vline(points, top=-400.0, bottom=1400.0):
    c = smooth(points)
    return [(c[0][0], top)] + c + [(c[-1][0], bottom)]


# ----------------------------------------------------------------------------------------------
# outlines (left half: from the top centre, out along the waist, down the outer side of the
# viewer's-left leg, round the foot, up the inner side to the crotch)


def half_outline(lateral_ctrl, toes, medial_ctrl_bottom_up, crotch, top_y=20.0):
    lat = smooth(lateral_ctrl, 14)
    toe = toe_row(toes)
    med = smooth(medial_ctrl_bottom_up, 14)
    lat = simplify(lat, 0.22)
    med = simplify(med, 0.22)
    pts = [(MID, top_y)] + lat + toe[1:-1] + med + [crotch]
    # drop consecutive duplicates
    clean = []
    for p in pts:
        p = (round(p[0], 1), round(p[1], 1))
        if not clean or (abs(p[0] - clean[-1][0]) > 0.05 or abs(p[1] - clean[-1][1]) > 0.05):
            clean.append(p)
    return clean


def full_outline(half):
    """half runs from (MID, top) to the crotch (MID, y). Mirror it to close the body."""
    assert half[0][0] == MID and half[-1][0] == MID
    right = [mirror_pt(p) for p in reversed(half[1:-1])]
    return half + right


FRONT_LATERAL = [
    (128, 20), (126, 48), (119, 84), (106, 122), (94, 160), (87.5, 196), (86, 230), (87.5, 265),
    (91, 318), (96.5, 378), (105, 438), (117, 490), (128, 522), (134, 546), (136, 570),
    (134, 594), (130, 620), (128.5, 648), (131, 690), (138, 740), (146, 790), (151.5, 826),
    (152.5, 842), (149, 856), (147, 866), (148, 878), (145, 896), (139.5, 913), (133.5, 927),
    (129.5, 937),
]
# toes, lateral (little toe) to medial (big toe): x_start, y_start, x_end, y_end, tip_y, bulge
FRONT_TOES = [
    (129.5, 937, 143, 942, 953, -0.5),
    (143, 942, 157, 946, 960, 0),
    (157, 946, 172.5, 950, 965, 0),
    (172.5, 950, 189, 953, 969.5, 0.3),
    (189, 953, 217.5, 945, 974, 1.5),
]
FRONT_MEDIAL_UP = [
    (217.5, 945), (219, 928), (218, 908), (215.5, 889), (212.5, 872), (214, 856), (211, 843),
    (210, 826), (214, 800), (223, 750), (232, 700), (238, 650), (238, 622), (233, 596),
    (231.5, 574), (235, 552), (238.5, 528), (238.5, 505), (235.5, 480), (234, 432), (236, 372),
    (239.5, 312), (243.5, 264), (247, 234),
]
FRONT_CROTCH = (MID, 215.0)

BACK_LATERAL = [
    (130, 20), (127, 50), (118, 88), (103, 128), (92, 168), (86.5, 204), (86, 240), (88, 280),
    (92, 330), (98, 390), (107, 450), (120, 500), (130, 530), (134.5, 556), (132, 584),
    (127, 612), (124.5, 644), (127, 690), (136, 740), (145, 790), (150.5, 826), (151.5, 844),
    (147.5, 862), (147, 878), (146.5, 894), (146, 910), (143, 928), (140, 942),
]
BACK_TOES = [
    (140, 942, 152.5, 947, 958, -0.5),
    (152.5, 947, 165.5, 951, 964, 0),
    (165.5, 951, 179.5, 954, 968, 0),
    (179.5, 954, 194, 956, 971.5, 0.3),
    (194, 956, 218, 947, 975, 1.5),
]
BACK_MEDIAL_UP = [
    (218, 947), (217, 935), (213, 921), (214.5, 905), (215.5, 888), (213, 872), (214.5, 856),
    (211.5, 838), (215, 800), (225, 750), (236, 700), (242.5, 656), (241.5, 620), (237, 590),
    (235.5, 560), (237.5, 530), (236, 500), (234, 460), (236, 400), (239, 340), (242.5, 292),
    (246, 262),
]
BACK_CROTCH = (MID, 246.0)


# ----------------------------------------------------------------------------------------------
# details (thin open polylines, drawn for the left leg and mirrored)


def arc(cx, cy, rx, ry, a0_deg, a1_deg, n=10):
    return ellipse_pts(cx, cy, rx, ry, n, math.radians(a0_deg), math.radians(a1_deg), closed=False)


def toe_separations(toes, length):
    seps = []
    for (xa, ya, xb, yb, tip, shift) in toes[:-1]:
        seps.append([(xb, yb - 1.5), (xb + 0.3, yb - length)])
    return seps


def front_details_left():
    d = []
    d.append(smooth([(114, 118), (150, 143), (190, 170), (222, 194), (236, 210)], 8))  # groin crease
    d.append(ellipse_pts(186, 536, 16, 20, 28) + [ellipse_pts(186, 536, 16, 20, 28)[0]])  # kneecap
    d.append(arc(187, 571, 10, 5, 20, 160, 8))  # tibial tuberosity / patellar tendon end
    d.append(arc(207, 855, 6, 9, -80, 80, 8)[::-1])  # medial malleolus
    d.append(arc(153, 866, 6, 9, 100, 260, 8))  # lateral malleolus
    d.append(smooth([(160, 876), (180, 884), (202, 877)], 6))  # front of ankle crease
    d.extend(toe_separations(FRONT_TOES, 5))
    for (xa, ya, xb, yb, tip, shift) in FRONT_TOES:  # toenails
        cx = (xa + xb) / 2 + shift
        rx = (xb - xa) * 0.3
        d.append(arc(cx, tip - 5, rx, 3.6, 180, 360, 8))
    return d


def front_details_mid():
    return [
        ellipse_pts(MID, 46, 4.5, 6, 16) + [ellipse_pts(MID, 46, 4.5, 6, 16)[0]],  # navel
        smooth([(MID, 196), (MID, 214)], 2),  # midline at the crotch
    ]


def back_details_left():
    d = []
    d.append(smooth([(245, 238), (230, 254), (204, 265), (176, 265), (154, 256), (140, 244)], 8))  # gluteal fold
    d.append(smooth([(121, 176), (114, 204), (117, 229), (128, 246)], 8))  # side of the buttock
    d.append(smooth([(163, 556), (186, 561), (209, 556)], 6))  # crease behind the knee
    d.append(smooth([(171, 790), (175, 830), (176, 858)], 6))  # Achilles tendon
    d.append(smooth([(199, 790), (195, 830), (193, 858)], 6))
    d.append(smooth([(158, 866), (164, 893), (184, 906), (203, 892), (207, 866)], 8))  # heel
    d.append(smooth([(156, 930), (184, 936), (212, 928)], 6))  # ball-of-foot crease
    d.extend(toe_separations(BACK_TOES, 4))
    return d


def back_details_mid():
    return [
        smooth([(MID, 20), (MID, 86)], 2),  # spine groove
        smooth([(MID, 118), (MID, 150), (MID, 196)], 4),  # gluteal cleft
    ]


# ----------------------------------------------------------------------------------------------
# dermatome zones for the left half (lateral = small x); mirrored for the right half


def front_regions(leg):
    t12 = hline([(40, 104), (120, 125), (190, 150), (250, 176)])
    b12 = hline([(40, 180), (120, 200), (190, 228), (250, 262)])
    b23 = hline([(40, 296), (120, 328), (190, 373), (250, 418)])
    b3 = hline([(40, 512), (120, 543), (190, 574), (250, 606)])
    b45 = vline([(176, 560), (184, 610), (190, 690), (194, 770), (195.5, 830), (195, 868),
                 (192, 905), (189.5, 935), (188, 960)])
    b5s1 = vline([(100, 838), (149, 850), (158.5, 870), (161, 895), (155, 918), (147, 934),
                  (143, 942)])

    r = {}
    r["L1"] = leg & below(t12) & above(b12)
    r["L2"] = leg & below(b12) & above(b23)
    r["L3"] = leg & below(b23) & above(b3)
    lower = leg & below(b3)
    r["L4"] = lower & medial_of(b45)
    lat = lower & lateral_of(b45)
    s1zone = lateral_of(b5s1) & below(hline([(40, 838), (250, 838)]))
    r["S1"] = lat & s1zone
    r["L5"] = lat.difference(s1zone)
    cut_lines = [t12, b12, b23, b3, b45, b5s1]
    return r, cut_lines


def back_regions(leg):
    s45 = ellipse_poly(MID, 212, 30, 24)
    s3z = ellipse_poly(MID, 220, 72, 60)
    ring = ellipse_poly(MID, 218, 98, 88)
    strip = Polygon(smooth([
        (150, 250), (146, 300), (148, 380), (154, 460), (162, 520), (168, 562), (175, 612),
        (182, 660), (186.5, 700),
    ], 10) + smooth([
        (186.5, 700), (192, 660), (198, 612), (204, 562), (206, 520), (204, 460), (205, 380),
        (211, 300), (222, 262),
    ], 10)[1:])
    s2z = unary_union([ring, strip])
    t12 = hline([(40, 96), (120, 101), (190, 108), (250, 112)])
    b12 = hline([(40, 182), (110, 172), (170, 152), (250, 140)])
    b23 = hline([(40, 302), (110, 292), (150, 284), (185, 335), (215, 400), (250, 418)])
    b3 = hline([(40, 514), (120, 545), (190, 578), (250, 608)])
    b5 = vline([(161, 540), (160, 600), (156, 660), (151, 715), (145, 760), (136, 795),
                (100, 805)])
    bs1l4 = vline([(201, 540), (200, 620), (203, 700), (202.5, 770), (200.5, 830), (202, 862),
                   (214, 878), (260, 885)])

    r = {}
    r["S4-S5"] = leg & s45
    r["S3"] = (leg & s3z).difference(s45)
    r["S2"] = (leg & s2z).difference(s3z)
    rest = leg.difference(unary_union([s2z, s3z]))
    r["L1"] = rest & below(t12) & above(b12)
    r["L2"] = rest & below(b12) & above(b23)
    r["L3"] = rest & below(b23) & above(b3)
    lower = rest & below(b3)
    l5z = lateral_of(b5) & above(hline([(40, 805), (250, 805)]))
    l4z = medial_of(bs1l4) & above(hline([(40, 885), (250, 885)]))
    r["L5"] = lower & l5z
    r["L4"] = lower & l4z
    r["S1"] = lower.difference(unary_union([l5z, l4z]))
    cut_lines = [t12, b12, b23, b3, b5, bs1l4]
    return r, cut_lines


# key points on the left leg (mirrored), plus midline points
FRONT_KEYS = [("L1", (172, 186)), ("L2", (200, 342)), ("L3", (224, 527)), ("L4", (204.5, 855)),
              ("L5", (164, 934))]
BACK_KEYS = [("S1", (158.5, 892)), ("S2", (186, 556)), ("S3", (204, 246))]
BACK_KEYS_MID = [("S4-S5", (MID, 228))]

# preferred label points (checked below); None = computed automatically
FRONT_LABEL_SIDE = "left"   # person's right leg is on the viewer's left on the front view
BACK_LABEL_SIDE = "right"   # ... and on the viewer's right on the back view
LABEL_HINTS = {
    "anterior": {"L1": (140, 175)},
    "posterior": {"S4-S5": (MID, 207)},
}


# ----------------------------------------------------------------------------------------------


def polys_of(g):
    if g.is_empty:
        return []
    if isinstance(g, Polygon):
        return [g]
    if isinstance(g, MultiPolygon):
        return list(g.geoms)
    out = []
    for sub in getattr(g, "geoms", []):
        out.extend(polys_of(sub))
    return out


def ring_points(poly):
    pts = [(round(x, 1), round(y, 1)) for x, y in poly.exterior.coords[:-1]]
    clean = []
    for p in pts:
        if not clean or p != clean[-1]:
            clean.append(p)
    if len(clean) > 1 and clean[0] == clean[-1]:
        clean.pop()
    # drop exactly collinear middle points (keeps shared borders identical: both neighbours
    # see the same collinear run only if it lies on a shared straight edge, which is harmless)
    return clean


def share_vertices(region_rings, outline_pts, tol=0.12):
    """After rounding, a vertex that one region has on a shared border may sit a hair off the
    neighbour's straight edge. Insert every such vertex into the neighbour's edge so both sides
    of each border run through exactly the same points (no slivers of overlap or gap)."""
    allv = set(outline_pts)
    for root, rings in region_rings:
        for r in rings:
            allv.update(r)
    allv = np.array(sorted(allv))
    out = []
    for root, rings in region_rings:
        new_rings = []
        for r in rings:
            res = []
            n = len(r)
            for i in range(n):
                a = np.array(r[i])
                b = np.array(r[(i + 1) % n])
                res.append(r[i])
                ab = b - a
                L2 = float(ab @ ab)
                if L2 == 0:
                    continue
                lo = np.minimum(a, b) - tol
                hi = np.maximum(a, b) + tol
                near = allv[np.all((allv >= lo) & (allv <= hi), axis=1)]
                ins = []
                for v in near:
                    t = float((v - a) @ ab) / L2
                    if t <= 1e-6 or t >= 1 - 1e-6:
                        continue
                    proj = a + t * ab
                    if np.linalg.norm(v - proj) <= tol:
                        ins.append((t, (float(v[0]), float(v[1]))))
                ins.sort()
                for t, v in ins:
                    if v != res[-1] and v != r[(i + 1) % n]:
                        res.append(v)
            new_rings.append(res)
        out.append((root, new_rings))
    return out


def label_size(root):
    return (9.0 * len(root) + 4, 16.0)


def choose_label(root, polys, keys, side, hint):
    if hint is not None:
        return hint
    cands = [p for p in polys if (p.centroid.x < MID if side == "left" else p.centroid.x > MID)]
    if not cands:
        cands = polys
    poly = max(cands, key=lambda p: p.area)
    keep_out = unary_union([Point(k).buffer(9) for r, k in keys]) if keys else None
    area = poly.difference(keep_out) if keep_out is not None else poly
    area = max(polys_of(area), key=lambda p: p.area)
    # pole of inaccessibility of the region shrunk vertically a bit (text is wider than high)
    sq = affinity.scale(area, xfact=1.0, yfact=0.6, origin=(0, 0))
    pole = polylabel(sq, tolerance=0.5)
    return (round(pole.x, 1), round(pole.y / 0.6, 1))


def build_view(kind):
    if kind == "anterior":
        half = half_outline(FRONT_LATERAL, FRONT_TOES, FRONT_MEDIAL_UP, FRONT_CROTCH)
        det_left, det_mid = front_details_left(), front_details_mid()
        region_fn, keys_left, keys_mid = front_regions, FRONT_KEYS, []
        title, side = "Front of the legs", FRONT_LABEL_SIDE
    else:
        half = half_outline(BACK_LATERAL, BACK_TOES, BACK_MEDIAL_UP, BACK_CROTCH)
        det_left, det_mid = back_details_left(), back_details_mid()
        region_fn, keys_left, keys_mid = back_regions, BACK_KEYS, BACK_KEYS_MID
        title, side = "Back of the legs", BACK_LABEL_SIDE
    outline_pts = full_outline(half)
    outline = Polygon(outline_pts)
    assert outline.is_valid, "outline not simple"
    left_leg = outline & box(-1000, -1000, MID, 2000)
    right_leg = outline & box(MID, -1000, 2000, 2000)

    r_left, cuts = region_fn(left_leg)
    # mirror: compute the zones on the mirrored right half, i.e. run the same function on the
    # right half mirrored into the left, then mirror the result back
    r_right_m, _ = region_fn(mirror_geom(right_leg))
    r_right = {k: mirror_geom(v) for k, v in r_right_m.items()}

    regions = []
    for root in ROOTS:
        if root not in r_left:
            continue
        if root == "S4-S5":
            merged = unary_union([r_left[root], r_right[root]])
            ps = polys_of(merged)
        else:
            ps = polys_of(r_left[root]) + polys_of(r_right[root])
        ps = [p for p in ps if p.area > 2.0]
        ps.sort(key=lambda p: p.centroid.x)
        regions.append((root, ps))

    keys = []
    for root, p in keys_left:
        keys.append((root, (round(p[0], 1), round(p[1], 1))))
        keys.append((root, mirror_pt(p)))
    for root, p in keys_mid:
        keys.append((root, p))

    labels = []
    for root, ps in regions:
        hint = LABEL_HINTS.get(kind, {}).get(root)
        if hint is not None and side == "right" and hint[0] != MID:
            hint = mirror_pt(hint)
        labels.append((root, choose_label(root, ps, keys, side, hint)))

    details = [[(round(x, 1), round(y, 1)) for x, y in d] for d in det_left]
    details += [mirror_line(d) for d in details]
    details += [[(round(x, 1), round(y, 1)) for x, y in d] for d in det_mid]

    region_rings = [(root, [ring_points(p) for p in ps]) for root, ps in regions]
    region_rings = share_vertices(region_rings, outline_pts)

    return {
        "id": kind,
        "title": title,
        "view_box": [0, 0, W, H],
        "outline": [outline_pts],
        "details": details,
        "regions": region_rings,
        "labels": labels,
        "key_points": keys,
        "_cuts": cuts,
    }


# ----------------------------------------------------------------------------------------------
# YAML writer (flow lists, numbers with at most one decimal)


def num(v):
    v = round(float(v), 1)
    if v == int(v):
        return str(int(v))
    return f"{v:.1f}"


def pt(p):
    return f"[{num(p[0])}, {num(p[1])}]"


def pts_block(points, indent, per_line=8):
    pad = " " * indent
    lines = []
    for i in range(0, len(points), per_line):
        chunk = ", ".join(pt(p) for p in points[i:i + per_line])
        lines.append(chunk)
    if len(lines) == 1:
        return f"[{lines[0]}]"
    body = (",\n" + pad + " ").join(lines)
    return "[" + body + "]"


def write_yaml(views, path):
    out = []
    out.append("# Geometry of the leg dermatome maps, in SVG user units (y grows downwards).")
    out.append("# Each view is drawn facing you: on the front view the person's right leg is on your left;")
    out.append("# on the back view their right leg is on your right.")
    out.append("# Generated by scripts/atlas/draw_leg_map.py (authoring aid); this file is the source of truth.")
    out.append("views:")
    for v in views:
        out.append(f"  - id: {v['id']}")
        out.append(f"    title: \"{v['title']}\"")
        out.append(f"    view_box: [{', '.join(num(x) for x in v['view_box'])}]")
        out.append("    outline:")
        for poly in v["outline"]:
            out.append("      - " + pts_block(poly, 8))
        out.append("    details:")
        for d in v["details"]:
            out.append("      - " + pts_block(d, 8))
        out.append("    regions:")
        for root, polys in v["regions"]:
            out.append(f"      - root: {root}")
            out.append("        polygons:")
            for poly in polys:
                out.append("          - " + pts_block(poly, 12))
        out.append("    labels:")
        for root, p in v["labels"]:
            out.append(f"      - root: {root}")
            out.append(f"        at: {pt(p)}")
        out.append("    key_points:")
        for root, p in v["key_points"]:
            out.append(f"      - root: {root}")
            out.append(f"        at: {pt(p)}")
    with open(path, "w") as f:
        f.write("\n".join(out) + "\n")


# ----------------------------------------------------------------------------------------------
# checks (the same rules the Swift validator enforces, plus a few of our own)


def check(path):
    with open(path) as f:
        data = yaml.safe_load(f)
    problems = []
    report = []
    allowed_view = {"id", "title", "view_box", "outline", "details", "regions", "labels", "key_points"}
    seen_roots = set()
    boxes = [tuple(v["view_box"]) for v in data["views"]]
    if len(set(boxes)) != 1:
        problems.append(f"view boxes differ: {boxes}")
    for v in data["views"]:
        vid = v["id"]
        extra = set(v) - allowed_view
        if extra:
            problems.append(f"{vid}: unknown keys {extra}")

        def coords_ok(points, what):
            for p in points:
                for c in p:
                    if round(c, 1) != c:
                        problems.append(f"{vid}: {what}: more than one decimal in {p}")
                        return

        outlines = []
        for i, o in enumerate(v["outline"]):
            coords_ok(o, "outline")
            if o[0] == o[-1]:
                problems.append(f"{vid}: outline {i} repeats its first point")
            poly = Polygon(o)
            if not poly.is_valid:
                problems.append(f"{vid}: outline {i} is not simple")
            outlines.append(poly)
            report.append(f"{vid}: outline {i}: {len(o)} points, area {poly.area:.0f}")
        body = unary_union(outlines)
        vb = v["view_box"]
        if not box(vb[0], vb[1], vb[0] + vb[2], vb[1] + vb[3]).contains(body):
            problems.append(f"{vid}: outline leaves the view box")

        polys_by_root = {}
        for reg in v["regions"]:
            root = reg["root"]
            seen_roots.add(root)
            if set(reg) != {"root", "polygons"}:
                problems.append(f"{vid}: region keys {set(reg)}")
            for j, pts in enumerate(reg["polygons"]):
                coords_ok(pts, f"{root} polygon {j}")
                if pts[0] == pts[-1]:
                    problems.append(f"{vid}: {root} polygon {j} repeats its first point")
                poly = Polygon(pts)
                if not poly.is_valid:
                    problems.append(f"{vid}: {root} polygon {j} is not simple")
                    poly = poly.buffer(0)
                outside = poly.difference(body.buffer(0.5)).area
                if outside > 0.01:
                    problems.append(f"{vid}: {root} polygon {j} leaves the outline by {outside:.2f}")
                polys_by_root.setdefault(root, []).append(poly)
        roots = list(polys_by_root)
        worst = 0.0
        for a in range(len(roots)):
            for b in range(a + 1, len(roots)):
                ga = unary_union(polys_by_root[roots[a]])
                gb = unary_union(polys_by_root[roots[b]])
                ov = ga.intersection(gb).area
                worst = max(worst, ov)
                if ov > 1.0:
                    problems.append(f"{vid}: {roots[a]} overlaps {roots[b]} by {ov:.2f}")
        union = unary_union([g for ps in polys_by_root.values() for g in ps])
        report.append(f"{vid}: {len(roots)} roots, worst overlap between roots {worst:.3f} sq units, "
                      f"coloured {union.area / body.area * 100:.1f}% of the outline")
        # coverage of the legs: everything below the lowest point of the crotch must be coloured
        crotch_y = max(p[1] for o in v["outline"] for p in o if abs(p[0] - MID) < 0.01)
        legs = body & box(-1000, crotch_y + 1, 2000, 2000)
        gap = legs.difference(union.buffer(0.05))
        report.append(f"{vid}: uncoloured area of the legs below the crotch: {gap.area:.2f} sq units")
        if gap.area > 2:
            problems.append(f"{vid}: legs not covered ({gap.area:.1f} sq units)")

        for kp in v["key_points"]:
            root, p = kp["root"], Point(kp["at"])
            coords_ok([kp["at"]], "key point")
            inside = [g for g in polys_by_root.get(root, []) if g.contains(p)]
            if not inside:
                problems.append(f"{vid}: key point {root} {kp['at']} not inside its region")
                continue
            d = inside[0].exterior.distance(p)
            report.append(f"{vid}: key point {root} at {kp['at']}: {d:.1f} units inside its region")
            if d < 3:
                problems.append(f"{vid}: key point {root} only {d:.1f} inside")
        for lb in v["labels"]:
            root, p = lb["root"], Point(lb["at"])
            inside = [g for g in polys_by_root.get(root, []) if g.contains(p)]
            if not inside:
                problems.append(f"{vid}: label {root} {lb['at']} not inside its region")
                continue
            wdt, hgt = label_size(root)
            x, y = lb["at"]
            tb = box(x - wdt / 2, y - hgt / 2, x + wdt / 2, y + hgt / 2)
            fit = tb.difference(inside[0]).area / tb.area * 100
            report.append(f"{vid}: label {root} at {lb['at']}: {100 - fit:.0f}% of a "
                          f"{wdt:.0f}x{hgt:.0f} text box inside the region")
            for kp in v["key_points"]:
                if tb.buffer(2).contains(Point(kp["at"])):
                    report.append(f"{vid}:   note: label {root} box covers key point {kp['root']}")
        npts = [len(o) for o in v["outline"]]
        report.append(f"{vid}: outline points {npts}")
    missing = set(ROOTS) - seen_roots
    if missing:
        problems.append(f"roots without a region: {sorted(missing)}")
    return problems, report


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--check", action="store_true", help="only check the existing YAML")
    ap.add_argument("--out", default=OUT)
    args = ap.parse_args()
    if not args.check:
        views = [build_view("anterior"), build_view("posterior")]
        os.makedirs(os.path.dirname(args.out), exist_ok=True)
        write_yaml(views, args.out)
        print(f"wrote {os.path.relpath(args.out, ROOT)}")
    problems, report = check(args.out)
    for line in report:
        print(line)
    if problems:
        print("PROBLEMS:")
        for p in problems:
            print("  " + p)
        sys.exit(1)
    print("all checks passed")


if __name__ == "__main__":
    main()
