#!/usr/bin/env python3
# Authoring aid: cuts the leg map into the zones of named body places and writes
# Content/data/leg-map.yml.
#
#   pip install shapely numpy pyyaml
#   python3 scripts/atlas/draw_places.py            # writes Content/data/leg-map.yml, then checks it
#   python3 scripts/atlas/draw_places.py --check    # only checks the existing YAML
#
# The build and the tests never run this script: the YAML it writes is the source of truth.
#
# It reads the `outline` and `details` of the anterior and posterior views from the existing YAML
# and keeps them, except the feet: below the ankle the outline is redrawn here (a wider, longer foot
# with toes big enough to tap) and the foot's detail lines (toe separations, toenails, ball-of-foot
# crease) are redrawn to match. Re-running is stable: the same feet are spliced in again.
#
# Everything is drawn for the leg on the viewer's LEFT (x < 250) and mirrored about x = 250. On both
# leg views that leg's outer (lateral) side is towards small x, its inner side towards x = 250.
# Zones are cut in priority order: each zone is its shape minus every zone cut before it, so zones
# of one view never overlap (they share borders). The saddle view is a separate schematic.

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

MID = 250.0
MIN_AREA = 30.0
MAX_POINTS = 400
TOL = 2.0          # overlap / outside tolerance, square units
MARGIN = 2.0       # landmark points at least this far inside their polygon


# ----------------------------------------------------------------------------------------------
# curve helpers


def catmull_rom(points, samples=16, alpha=0.5):
    """Centripetal Catmull-Rom spline through `points` (open curve, passes through every point)."""
    p = [np.array(q, dtype=float) for q in points]
    if len(p) < 3:
        return [tuple(map(float, q)) for q in p]
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


def smooth(points, samples=10, tol=0.15):
    return simplify(catmull_rom(points, samples), tol)


def ellipse_pts(cx, cy, rx, ry, n=48, a0=0.0, a1=2 * math.pi, closed=True):
    m = n if closed else n + 1
    return [(cx + rx * math.cos(a0 + (a1 - a0) * i / n), cy + ry * math.sin(a0 + (a1 - a0) * i / n))
            for i in range(m)]


def ellipse(cx, cy, rx, ry, n=48, angle=0.0):
    e = Polygon(ellipse_pts(cx, cy, rx, ry, n))
    return affinity.rotate(e, angle, origin=(cx, cy)) if angle else e


def arc(cx, cy, rx, ry, a0_deg, a1_deg, n=10):
    return ellipse_pts(cx, cy, rx, ry, n, math.radians(a0_deg), math.radians(a1_deg), closed=False)


def rounded(poly, r):
    """Round a polygon's corners (shrink, then grow back)."""
    return poly.buffer(-r, join_style=1).buffer(r, join_style=1)


def toe_row(toes, samples=8):
    """Toes from lateral to medial, each (x_start, y_start, x_end, y_end, tip_y, bulge).
    Returns the contour along the toe tips: rounded tips meeting in notches."""
    pts = []
    for i, (xa, ya, xb, yb, tip, shift) in enumerate(toes):
        mid_base = (ya + yb) / 2.0
        for k in range(samples + 1):
            if i > 0 and k == 0:
                continue
            th = math.pi * k / samples
            u = (1 - math.cos(th)) / 2.0
            x = xa + (xb - xa) * u + shift * math.sin(th)
            y = ya + (yb - ya) * u + (tip - mid_base) * math.sin(th) ** 0.8
            pts.append((x, y))
    return pts


def mirror_pt(p):
    return (round(2 * MID - p[0], 1), round(p[1], 1))


def mirror_geom(g):
    return affinity.scale(g, xfact=-1, yfact=1, origin=(MID, 0))


def hline(points, samples=10):
    """A cut running across the whole half view, left to right (extended flat to both sides)."""
    c = smooth(sorted(points), samples)
    return [(-400.0, c[0][1])] + c + [(MID + 400.0, c[-1][1])]


def vline(points, samples=10):
    """A cut running down the whole view, top to bottom (extended straight up and down)."""
    c = smooth(sorted(points, key=lambda p: p[1]), samples)
    return [(c[0][0], -400.0)] + c + [(c[-1][0], 1400.0)]


def below(curve):
    return Polygon(curve + [(curve[-1][0], 3000), (curve[0][0], 3000)])


def above(curve):
    return Polygon(curve + [(curve[-1][0], -3000), (curve[0][0], -3000)])


def medial_of(curve):
    return Polygon(curve + [(3000, curve[-1][1]), (3000, curve[0][1])])


def lateral_of(curve):
    return Polygon(curve + [(-3000, curve[-1][1]), (-3000, curve[0][1])])


def band(upper, lower):
    return below(upper) & above(lower)


def polys_of(g):
    if g.is_empty:
        return []
    if isinstance(g, Polygon):
        return [g]
    out = []
    for sub in getattr(g, "geoms", []):
        out.extend(polys_of(sub))
    return out


class Edges:
    """The outer (lateral) and inner (medial) edge of a half-view leg at each height."""

    def __init__(self, leg):
        self.leg = leg

    def at(self, y):
        seg = self.leg.intersection(LineString([(-100, y), (MID + 1, y)]))
        parts = [g for g in getattr(seg, "geoms", [seg]) if not g.is_empty]
        best = max(parts, key=lambda g: g.length)
        xs = [c[0] for c in best.coords]
        return min(xs), max(xs)

    def frac(self, f, y0, y1, step=10.0):
        """A top-to-bottom cut at fraction f of the way from the outer to the inner edge."""
        pts = []
        for y in np.arange(y0, y1 + 0.01, step):
            a, b = self.at(y)
            pts.append((a + f * (b - a), float(y)))
        return vline(pts, 4)

    def offset(self, d, side, y0, y1, step=8.0):
        """A top-to-bottom cut d units in from the outer (side='lat') or inner edge."""
        pts = []
        for y in np.arange(y0, y1 + 0.01, step):
            a, b = self.at(y)
            pts.append((a + d if side == "lat" else b - d, float(y)))
        return vline(pts, 4)


def cut_zones(leg, order):
    """order: [(place, shape)] in priority order. Returns {place: Polygon} inside `leg`."""
    taken = Polygon()
    out = {}
    for place, shape in order:
        g = leg.intersection(shape).difference(taken)
        ps = [p for p in polys_of(g) if p.area > 0.5]
        if not ps:
            raise SystemExit(f"zone {place} came out empty")
        ps.sort(key=lambda p: -p.area)
        main = ps[0]
        lost = sum(p.area for p in ps[1:])
        if lost > 2.0:
            print(f"  note: {place}: dropped {len(ps) - 1} stray pieces, {lost:.1f} sq units")
        if main.interiors:
            raise SystemExit(f"zone {place} has a hole")
        out[place] = main
        taken = unary_union([taken, main])
    return out


# ----------------------------------------------------------------------------------------------
# the feet (redrawn: wider and longer than the first drawing, toes big enough to tap)

# toes, lateral (little toe) to medial (big toe): x_start, y_start, x_end, y_end, tip_y, bulge
FRONT_TOES = [
    (117, 948, 134, 952, 975, -0.6),
    (134, 952, 152, 955.5, 982, 0),
    (152, 955.5, 171, 958, 987.5, 0),
    (171, 958, 191, 958.5, 991, 0.4),
    (191, 958.5, 232, 946, 994.5, 2.0),
]
FRONT_FOOT_LAT = [(147.9, 875.3), (147.4, 886), (144.6, 900), (138.5, 917), (129, 933), (117, 948)]
FRONT_FOOT_MED_UP = [(232, 946), (234, 932), (232.5, 919), (226, 901), (218.5, 886), (212.6, 873.2)]
FRONT_CUT = (875.4, 873.3)  # keep the old outline above these heights (lateral side, medial side)

BACK_TOES = [
    (118, 955, 135, 959, 979, -0.6),
    (135, 959, 153, 962, 985.5, 0),
    (153, 962, 172, 964, 990, 0),
    (172, 964, 192, 964.5, 993, 0.4),
    (192, 964.5, 232, 953, 995.5, 2.0),
]
BACK_FOOT_LAT = [(147.3, 864.3), (146.9, 880), (146.2, 897), (143.5, 915), (136, 931), (126.5, 945), (118, 955)]
BACK_FOOT_MED_UP = [(232, 953), (234, 938), (231, 924), (224.5, 905), (218, 889), (213.1, 873.1)]
BACK_CUT = (864.4, 873.2)


def splice_foot(outline, lat, toes, med_up, cut):
    """outline: the whole view outline starting at (250, top). Returns the left half from the top
    centre down the outer side, round the new foot and up the inner side to the crotch."""
    crotch_i = [i for i, p in enumerate(outline) if p[0] == MID][1]
    half = [tuple(p) for p in outline[:crotch_i + 1]]
    i = 0
    while half[i + 1][1] <= cut[0]:
        i += 1
    j = len(half) - 1
    while half[j - 1][1] <= cut[1]:
        j -= 1
    head, tail = half[:i + 1], half[j:]
    assert head[-1] == lat[0] and tail[0] == med_up[-1], (head[-1], tail[0])
    lat_pts = smooth(lat, 10, 0.2)
    toe_pts = toe_row(toes)
    med_pts = smooth(med_up, 10, 0.2)
    foot = lat_pts[1:-1] + toe_pts + med_pts[1:-1]
    pts = head + foot + tail
    clean = []
    for p in pts:
        p = (round(p[0], 1), round(p[1], 1))
        if not clean or p != clean[-1]:
            clean.append(p)
    return clean


def full_outline(half):
    right = [mirror_pt(p) for p in reversed(half[1:-1])]
    return half + right


def front_foot_details():
    d = [smooth([(160, 876), (180, 884), (202, 877)], 6)]  # already kept; not returned below
    d = []
    for (xa, ya, xb, yb, tip, shift) in FRONT_TOES[:-1]:
        d.append([(xb, yb - 1.5), (xb + 0.4, yb - 8)])  # toe separations
    for k, (xa, ya, xb, yb, tip, shift) in enumerate(FRONT_TOES):  # toenails
        cx = (xa + xb) / 2 + shift
        w = xb - xa
        rx, ry = (w * 0.27, 5.5) if k == len(FRONT_TOES) - 1 else (w * 0.3, 4)
        d.append(arc(cx, tip - ry - 2.5, rx, ry, 180, 360, 10))
    return d


def back_foot_details():
    d = [smooth([(131, 941), (160, 948), (192, 950), (226, 939)], 6)]  # ball-of-foot crease
    for (xa, ya, xb, yb, tip, shift) in BACK_TOES[:-1]:
        d.append([(xb, yb - 1.5), (xb + 0.4, yb - 6)])
    return d


def rnd_line(pts):
    return [(round(x, 1), round(y, 1)) for x, y in pts]


def redo_details(details, new_left):
    """Keep every detail line except the old foot lines (entirely below y = 900), add the new ones
    for the left foot and their mirror images."""
    kept = [[tuple(p) for p in d] for d in details if min(p[1] for p in d) < 900]
    left = [rnd_line(d) for d in new_left]
    return kept + left + [[mirror_pt(p) for p in d] for d in left]


# ----------------------------------------------------------------------------------------------
# anterior zones (left half)


def crease_of(details):
    for d in details:
        if tuple(d[0]) == (114, 118):
            return [tuple(p) for p in d]
    raise SystemExit("groin crease detail not found")


def along(line, t):
    ls = LineString(line)
    p = ls.interpolate(t, normalized=True)
    return (p.x, p.y)


def extend(line, lat_x, med_x):
    (x0, y0), (x1, y1) = line[0], line[1]
    s0 = (y1 - y0) / (x1 - x0)
    (xa, ya), (xb, yb) = line[-2], line[-1]
    s1 = (yb - ya) / (xb - xa)
    return [(lat_x, y0 + s0 * (lat_x - x0))] + line + [(med_x, yb + s1 * (med_x - xb))]


def front_zones(leg, details):
    e = Edges(leg)
    crease = crease_of(details)
    groin_pt = along(crease, 0.5)
    knee_pt = (224.0, 527.0)
    thigh_pt = ((groin_pt[0] + knee_pt[0]) / 2, (groin_pt[1] + knee_pt[1]) / 2)
    upper_pt = ((groin_pt[0] + thigh_pt[0]) / 2, (groin_pt[1] + thigh_pt[1]) / 2)

    ext = extend(crease, 70, 262)
    groin_top = hline([(x, y - 12) for x, y in ext])
    groin_bot = hline([(x, y + 13) for x, y in ext])
    b1 = hline([(60, 248), (110, 258), (160, 272), (200, 286), (250, 304)])
    b2 = hline([(60, 360), (110, 372), (160, 388), (205, 404), (250, 420)])
    k1 = hline([(60, 484), (120, 490), (160, 500), (186, 508.5), (212, 501), (250, 496)])
    k2 = hline([(60, 590), (130, 583), (162, 572), (186, 560), (210, 572), (250, 588)])
    ankle = hline([(60, 871), (150, 874), (160, 876), (180, 884), (202, 877), (212, 874), (260, 870)])
    shin_split = vline([(186, 540), (185.5, 600), (184, 680), (182.5, 760), (181.5, 830), (181, 880)])
    outer = e.offset(30, "lat", 90, 500)
    inner = e.offset(24, "med", 225, 500)

    # foot
    notches = [(xb, yb) for (xa, ya, xb, yb, tip, s) in FRONT_TOES[:-1]]
    toe_base = hline([(90, 938)] + [(x, y - 6) for x, y in notches] + [(245, 936)])
    split = [vline([(x, 900), (x, 1000)]) for x, y in notches]
    nx, ny = notches[-1]
    web = Polygon(smooth([(nx - 7.5, ny - 5), (nx, ny - 23), (nx + 8.5, ny - 7)], 6) + [(nx + 2, ny + 6), (nx - 2, ny + 6)])
    foot_in = e.offset(13, "med", 870, 960)
    foot_out = e.offset(13, "lat", 870, 960)
    third = FRONT_TOES[2]
    mtp3 = ((third[0] + third[2]) / 2, (third[1] + third[3]) / 2 - 14)

    inner_ankle = ellipse(205.5, 854, 12.5, 17)
    outer_ankle = ellipse(154, 864, 12.5, 17)
    kneecap = ellipse(186, 535, 23, 26.5)
    below_groin = below(groin_bot)
    thigh = below_groin & above(k1)
    knee = below(k1) & above(k2)
    lower = below(k2) & above(ankle)
    foot = below(ankle)
    toes = below(toe_base)

    order = [
        ("groin", band(groin_top, groin_bot)),
        ("outer-thigh", thigh & lateral_of(outer)),
        ("inner-thigh", thigh & medial_of(inner)),
        ("upper-front-thigh", below_groin & above(b1)),
        ("front-thigh", below(b1) & above(b2)),
        ("kneecap", kneecap),
        ("lower-front-thigh", below(b2) & above(k1)),
        ("inner-knee", knee & medial_of(shin_split)),
        ("outer-knee", knee & lateral_of(shin_split)),
        ("inner-ankle", inner_ankle),
        ("outer-ankle", outer_ankle),
        ("inner-shin", lower & medial_of(shin_split)),
        ("outer-shin", lower & lateral_of(shin_split)),
        ("first-web-space", web),
        ("big-toe", toes & medial_of(split[3])),
        ("little-toe", toes & lateral_of(split[0])),
        ("middle-toes", toes),
        ("inner-edge-of-foot", foot & medial_of(foot_in)),
        ("outer-edge-of-foot", foot & lateral_of(foot_out)),
        ("top-of-foot", foot),
    ]
    zones = cut_zones(leg, order)
    points = {
        "groin": groin_pt, "upper-front-thigh": upper_pt, "front-thigh": thigh_pt,
        "inner-knee": knee_pt, "inner-ankle": (204.5, 855.0), "top-of-foot": mtp3,
        "first-web-space": (nx, ny - 11),
    }
    cuts = [groin_top, groin_bot, b1, b2, k1, k2, ankle, shin_split, outer, inner, toe_base]
    return zones, points, cuts


PLACES_FRONT = [
    "groin", "upper-front-thigh", "front-thigh", "inner-thigh", "outer-thigh", "lower-front-thigh",
    "kneecap", "inner-knee", "outer-knee", "inner-shin", "outer-shin", "inner-ankle", "outer-ankle",
    "top-of-foot", "inner-edge-of-foot", "outer-edge-of-foot", "big-toe", "first-web-space",
    "middle-toes", "little-toe",
]


# ----------------------------------------------------------------------------------------------
# posterior zones (left half; the anus ring is cut on the whole view first)

ANUS = (MID, 213.0)


def back_zones(leg, details, anus_ring):
    e = Edges(leg)
    fold = None
    for d in details:
        if tuple(d[0]) == (245, 238):
            fold = [tuple(p) for p in d]
    fold_line = LineString([(256, 230)] + fold + [(133, 236)])
    fold_band = fold_line.buffer(11, cap_style=2, join_style=1)
    th = hline([(40, 252), (128, 247)] + [(x, y + 5) for x, y in fold if x > 150] + [(262, 236)])
    top = hline([(40, 116), (150, 111), (250, 114)])
    knee = hline([(40, 551), (250, 551)])
    heel_top = hline([(40, 866), (150, 866), (184, 869), (220, 866), (260, 866)])
    heel_bot = hline([(40, 908), (150, 911), (170, 917), (184, 919), (200, 916), (220, 909), (260, 906)])
    notches = [(xb, yb) for (xa, ya, xb, yb, tip, s) in BACK_TOES[:-1]]
    toe_base = hline([(90, 946)] + [(x, y - 5) for x, y in notches] + [(245, 943)])
    split = [vline([(x, 900), (x, 1000)]) for x, y in notches]
    sole_split = vline([(182, 905), (181, 930), (180.5, 960)])
    edge = e.offset(13, "lat", 900, 965)

    t_lo, t_hi = e.frac(0.3, 255, 560), e.frac(0.7, 255, 560)
    c_lo, c_hi = e.frac(0.3, 540, 870), e.frac(0.7, 540, 870)
    cx = sum(e.at(551)) / 2
    fossa = rounded(Polygon([(cx, 506), (cx + 25, 551), (cx, 594), (cx - 25, 551)]), 7)
    inner_buttock = Polygon(smooth([(MID, 150), (240, 152), (227, 166), (219, 190), (218, 212),
                                    (226, 232), (240, 244), (MID, 248)], 10) + [(262, 248), (262, 150)])
    sitting = ellipse(206, 232, 23, 16, 40, -8)

    thigh = below(th) & above(knee)
    calf = below(knee) & above(heel_top)
    sole = below(heel_bot)
    toes = below(toe_base)
    order = [
        ("gluteal-fold", fold_band),
        ("sitting-bone", sitting),
        ("inner-buttock", inner_buttock & above(th)),
        ("buttock", below(top) & above(th)),
        ("back-of-knee", fossa),
        ("back-of-thigh", thigh & medial_of(t_lo) & lateral_of(t_hi)),
        ("inner-thigh", thigh & medial_of(t_hi)),
        ("outer-thigh", thigh & lateral_of(t_lo)),
        ("inner-ankle", ellipse(210.5, 846, 12, 16)),
        ("outer-ankle", ellipse(151.5, 850, 12, 16)),
        ("back-of-calf", calf & medial_of(c_lo) & lateral_of(c_hi)),
        ("inner-shin", calf & medial_of(c_hi)),
        ("outer-shin", calf & lateral_of(c_lo)),
        ("heel", below(heel_top) & above(heel_bot)),
        ("big-toe", toes & medial_of(split[3])),
        ("little-toe", toes & lateral_of(split[0])),
        ("middle-toes", toes),
        ("outer-edge-of-foot", sole & lateral_of(edge)),
        ("outer-sole", sole & lateral_of(sole_split)),
        ("inner-sole", sole),
    ]
    zones = cut_zones(leg.difference(anus_ring), order)
    hx0, hx1 = e.at(890)
    points = {"back-of-knee": (cx, 551.0), "heel": (hx0 + 12, 892.0)}
    cuts = [th, top, knee, heel_top, heel_bot, toe_base, t_lo, t_hi, c_lo, c_hi, sole_split, edge]
    return zones, points, cuts


PLACES_BACK = [
    "buttock", "inner-buttock", "around-the-anus", "sitting-bone", "gluteal-fold", "back-of-thigh",
    "inner-thigh", "outer-thigh", "back-of-knee", "back-of-calf", "inner-shin", "outer-shin",
    "inner-ankle", "outer-ankle", "heel", "inner-sole", "outer-sole", "outer-edge-of-foot",
    "big-toe", "middle-toes", "little-toe",
]


# ----------------------------------------------------------------------------------------------
# saddle view: the lower body seen from below (lying on the back, legs apart), 300 x 300.
# Front (the pubic end) at the top, the tailbone at the bottom, a thigh going off to each side.

S_MID = 150.0


def saddle():
    # the buttocks (bottom), a thigh going up and out to each side (raised, seen end-on from the
    # feet), the lower belly between the thighs at the top
    seat = ellipse(S_MID, 198, 106, 86, 96)
    belly = ellipse(S_MID, 128, 58, 58, 64)
    thigh_l = rounded(affinity.rotate(box(66, 44, 124, 215), -21, origin=(95, 215)), 24)
    thigh_l = thigh_l & box(0, 14, 300, 300)
    thigh_r = mirror_about(thigh_l, S_MID)
    shape = unary_union([seat, belly, thigh_l, thigh_r])
    shape = shape.buffer(5, join_style=1).buffer(-5, join_style=1)
    shape = shape & box(4, 14, 296, 290)
    shape = shape.buffer(-2, join_style=1).buffer(2, join_style=1)
    ring = shape.exterior.simplify(0.25)
    outline = [(round(x, 1), round(y, 1)) for x, y in ring.coords[:-1]]
    outline = [p for k, p in enumerate(outline) if p != outline[k - 1]]
    # start at the bottom centre
    k0 = max(range(len(outline)), key=lambda k: (outline[k][1], -abs(outline[k][0] - S_MID)))
    outline = outline[k0:] + outline[:k0]
    if Polygon(outline).exterior.is_ccw:
        outline = [outline[0]] + outline[1:][::-1]

    details = []
    # the fold where each thigh meets the body, beside the genitals, down to the sitting bone
    crease_l = smooth([(104, 112), (98, 140), (92, 166), (84, 190)], 8)
    details.append(rnd_line(crease_l))
    details.append([mirror_about_pt(p, S_MID) for p in rnd_line(crease_l)])
    # the line between the buttocks, from the anus towards the tailbone
    details.append(rnd_line([(S_MID, 222), (S_MID, 262)]))
    # the lower curve of each buttock
    cheek_l = smooth([(144, 272), (114, 265), (88, 248), (72, 226)], 8)
    details.append(rnd_line(cheek_l))
    details.append([mirror_about_pt(p, S_MID) for p in rnd_line(cheek_l)])

    anus = (S_MID, 200.0)
    genitals = ellipse(S_MID, 102, 24, 29, 48)
    ring_ = ellipse(anus[0], anus[1], 15, 14, 40)
    perineum = rounded(Polygon([(S_MID, 110), (S_MID + 28, 158), (S_MID, 208), (S_MID - 28, 158)]), 8)
    sit_l = ellipse(104, 214, 20, 23, 48, 15)
    inner_l = Polygon(smooth([(S_MID, 190), (134, 190), (125, 212), (128, 240), (S_MID, 254)], 8))
    bodyg = Polygon(outline)
    taken = Polygon()
    zones = {}
    for place, g in [("genitals", genitals), ("around-the-anus", ring_), ("perineum", perineum)]:
        z = (bodyg & g).difference(taken)
        zones[place] = [max(polys_of(z), key=lambda p: p.area)]
        taken = unary_union([taken, z])
    left = box(0, 0, S_MID, 300)
    for place, g in [("sitting-bone", sit_l), ("inner-buttock", inner_l)]:
        zl = (bodyg & g & left).difference(taken)
        zl = max(polys_of(zl), key=lambda p: p.area)
        zr = mirror_about(zl, S_MID)
        zones[place] = [zl, zr]
        taken = unary_union([taken, zl, zr])
    points = {"around-the-anus": [anus], "genitals": [(S_MID, 102)]}
    return outline, details, zones, points


def mirror_about(g, mid):
    return affinity.scale(g, xfact=-1, yfact=1, origin=(mid, 0))


def mirror_about_pt(p, mid):
    return (round(2 * mid - p[0], 1), p[1])


PLACES_SADDLE = ["genitals", "perineum", "around-the-anus", "sitting-bone", "inner-buttock"]


# ----------------------------------------------------------------------------------------------
# rings, shared vertices, landmark points


def ring_points(poly):
    pts = [(round(x, 1), round(y, 1)) for x, y in poly.exterior.coords[:-1]]
    clean = []
    for p in pts:
        if not clean or p != clean[-1]:
            clean.append(p)
    while len(clean) > 1 and clean[0] == clean[-1]:
        clean.pop()
    if Polygon(clean).exterior.is_ccw:  # clockwise on screen (y down) like the outline
        clean = [clean[0]] + clean[1:][::-1]
    return clean


def share_vertices(rings, extra, tol=0.12):
    """After rounding, a vertex on a shared border may sit a hair off the neighbour's edge. Insert
    every such vertex into the neighbour's edge so both sides run through the same points."""
    allv = set(extra)
    for r in rings:
        allv.update(r)
    allv = np.array(sorted(allv))
    out = []
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
                if np.linalg.norm(v - (a + t * ab)) <= tol:
                    ins.append((t, (float(v[0]), float(v[1]))))
            ins.sort()
            for t, v in ins:
                if v != res[-1] and v != r[(i + 1) % n]:
                    res.append(v)
        out.append(res)
    return out


def unpinch(r, place):
    """A ring that touches itself at a vertex (two zones meeting in a point) is split there and
    only the larger loop kept."""
    while True:
        seen = {}
        hit = None
        for k, v in enumerate(r):
            if v in seen:
                hit = (seen[v], k)
                break
            seen[v] = k
        if hit is None:
            return r
        i, j = hit
        a, b = r[i:j], r[j:] + r[:i]
        aa, ab = abs(Polygon(a).area) if len(a) > 2 else 0, abs(Polygon(b).area) if len(b) > 2 else 0
        if min(aa, ab) > 1.0:
            print(f"  note: {place}: dropped a loop of {min(aa, ab):.1f} sq units")
        r = a if aa >= ab else b


def landmark(poly, want=None):
    """The given point (rounded) if it is well inside, else the pole of inaccessibility."""
    if want is not None:
        p = (round(want[0], 1), round(want[1], 1))
        if poly.contains(Point(p)) and poly.exterior.distance(Point(p)) >= MARGIN + 0.5:
            return p
        print(f"  note: wanted point {p} is not well inside; using the pole")
    q = polylabel(poly, tolerance=0.2)
    return (round(q.x, 1), round(q.y, 1))


def assemble(places, left, points, mid_zones=None, mid_points=None):
    """left: {place: Polygon} for the viewer's-left leg; mirrored for the other leg."""
    zones = []
    for place in places:
        if mid_zones and place in mid_zones:
            polys = [mid_zones[place]]
            pts = [mid_points[place]]
        else:
            pl = left[place]
            pr = mirror_geom(pl)
            polys = [pl, pr]
            a = points.get(place)
            pts = [a, None if a is None else (2 * MID - a[0], a[1])]
        zones.append((place, polys, pts))
    return zones


def finish(zones, outline, mid=MID):
    rings = [ring_points(p) for place, polys, pts in zones for p in polys]
    rings = share_vertices(rings, outline)
    names = [place for place, polys, pts in zones for p in polys]
    rings = [unpinch(r, n) for r, n in zip(rings, names)]
    out = []
    k = 0
    for place, polys, pts in zones:
        rs = rings[k:k + len(polys)]
        k += len(polys)
        lm = [landmark(Polygon(rs[0]), pts[0])]
        if len(rs) == 2:
            # the other leg's landmark is the mirror image of the first
            lm.append(landmark(Polygon(rs[1]), (2 * mid - lm[0][0], lm[0][1])))
        out.append((place, rs, lm))
    return out


# ----------------------------------------------------------------------------------------------


def build(source):
    with open(source) as f:
        data = yaml.safe_load(f)
    by_id = {v["id"]: v for v in data["views"]}
    views = []
    for vid, title, lat, toes, med, cut, foot_det in [
        ("anterior", "Front of the legs", FRONT_FOOT_LAT, FRONT_TOES, FRONT_FOOT_MED_UP, FRONT_CUT,
         front_foot_details()),
        ("posterior", "Back of the legs", BACK_FOOT_LAT, BACK_TOES, BACK_FOOT_MED_UP, BACK_CUT,
         back_foot_details()),
    ]:
        old = by_id[vid]
        half = splice_foot(old["outline"][0], lat, toes, med, cut)
        outline = full_outline(half)
        body = Polygon(outline)
        assert body.is_valid, f"{vid}: outline not simple"
        details = redo_details(old["details"], foot_det)
        leg = body & box(-1000, -1000, MID, 2000)
        if vid == "anterior":
            left, pts, _ = front_zones(leg, details)
            zones = assemble(PLACES_FRONT, left, pts)
        else:
            ring = (body & ellipse(ANUS[0], ANUS[1], 14, 13, 48))
            left, pts, _ = back_zones(leg, details, ring)
            zones = assemble(PLACES_BACK, left, pts, {"around-the-anus": ring},
                             {"around-the-anus": ANUS})
        views.append({"id": vid, "title": title, "view_box": [0, 0, 500, 1000], "outline": [outline],
                      "details": details, "zones": finish(zones, outline)})
    outline, details, szones, spts = saddle()
    zl = []
    for place in PLACES_SADDLE:
        polys = szones[place]
        want = spts.get(place, [None] * len(polys))
        zl.append((place, polys, want))
    views.append({"id": "saddle", "title": "Between the legs (the saddle area), seen from below",
                  "view_box": [0, 0, 300, 300], "outline": [outline], "details": details,
                  "zones": finish(zl, outline, S_MID)})
    return views


# ----------------------------------------------------------------------------------------------
# YAML writer: flow lists, numbers with at most one decimal, wrapped lines


def num(v):
    v = round(float(v), 1)
    if v == int(v):
        return str(int(v))
    return f"{v:.1f}"


def pt(p):
    return f"[{num(p[0])}, {num(p[1])}]"


def pts_block(points, indent, per_line=8):
    pad = " " * indent
    lines = [", ".join(pt(p) for p in points[i:i + per_line]) for i in range(0, len(points), per_line)]
    if len(lines) == 1:
        return f"[{lines[0]}]"
    return "[" + (",\n" + pad + " ").join(lines) + "]"


HEADER = """\
# Geometry of the body maps, in SVG user units (y grows downwards).
# Each view is drawn facing you: on the front view the person's right leg is on your left;
# on the back view their right leg is on your right. The saddle view shows the area between
# the legs from below.
# A view's `zones` are named places, each the patch of skin the place's name means: one polygon
# per leg (the leg on your left first) and one landmark point per polygon, or one polygon on the
# midline. Zones of a view share borders but never overlap. The site colours each zone by the
# nerve roots the data set gives that place.
# Generated by scripts/atlas/draw_places.py (an authoring aid); this file is the source of truth
# for the shapes."""


def write_yaml(views, path):
    out = [HEADER, "views:"]
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
        out.append("    zones:")
        for place, rings, lms in v["zones"]:
            out.append(f"      - place: {place}")
            out.append("        polygons:")
            for r in rings:
                out.append("          - " + pts_block(r, 12))
            out.append(f"        points: [{', '.join(pt(p) for p in lms)}]")
    with open(path, "w") as f:
        f.write("\n".join(out) + "\n")


# ----------------------------------------------------------------------------------------------
# checks


EXPECTED = {"anterior": PLACES_FRONT, "posterior": PLACES_BACK, "saddle": PLACES_SADDLE}
MIDLINE = {("posterior", "around-the-anus"), ("saddle", "genitals"), ("saddle", "perineum"),
           ("saddle", "around-the-anus")}


def check(path):
    with open(path) as f:
        data = yaml.safe_load(f)
    problems, report = [], []
    ids = [v["id"] for v in data["views"]]
    if ids != ["anterior", "posterior", "saddle"]:
        problems.append(f"views are {ids}")
    for v in data["views"]:
        vid = v["id"]
        extra = set(v) - {"id", "title", "view_box", "outline", "details", "zones"}
        if extra:
            problems.append(f"{vid}: unknown keys {sorted(extra)}")
        vb = v["view_box"]
        vbox = box(vb[0], vb[1], vb[0] + vb[2], vb[1] + vb[3])

        def decimals(points, what):
            for p in points:
                if any(round(c, 1) != c for c in p):
                    problems.append(f"{vid}: {what}: more than one decimal in {p}")
                    return

        outlines = []
        for i, o in enumerate(v["outline"]):
            decimals(o, "outline")
            poly = Polygon(o)
            if not poly.is_valid:
                problems.append(f"{vid}: outline {i} is not simple")
            outlines.append(poly)
        body = unary_union(outlines)
        if len(outlines) != 1:
            problems.append(f"{vid}: {len(outlines)} outline polygons, want 1")
        if not vbox.contains(body):
            problems.append(f"{vid}: outline leaves the view box")
        for d in v["details"]:
            decimals(d, "detail")
            if not all(vbox.contains(Point(p)) for p in d):
                problems.append(f"{vid}: a detail line leaves the view box")
        report.append(f"{vid}: outline {len(v['outline'][0])} points, area {body.area:.0f}; "
                      f"{len(v['details'])} detail lines; {len(v['zones'])} zones")
        places = [z["place"] for z in v["zones"]]
        if places != EXPECTED.get(vid):
            problems.append(f"{vid}: places {places} differ from {EXPECTED.get(vid)}")
        polys = []
        for z in v["zones"]:
            place = z["place"]
            if set(z) != {"place", "polygons", "points"}:
                problems.append(f"{vid}: {place}: keys {sorted(z)}")
            want_n = 1 if (vid, place) in MIDLINE else 2
            if len(z["polygons"]) != want_n:
                problems.append(f"{vid}: {place}: {len(z['polygons'])} polygons, want {want_n}")
            if len(z["points"]) != len(z["polygons"]):
                problems.append(f"{vid}: {place}: {len(z['points'])} points for {len(z['polygons'])} polygons")
            areas, margins = [], []
            for j, pts in enumerate(z["polygons"]):
                decimals(pts, f"{place} polygon {j}")
                if pts[0] == pts[-1]:
                    problems.append(f"{vid}: {place} polygon {j} repeats its first point")
                if len(pts) > MAX_POINTS:
                    problems.append(f"{vid}: {place} polygon {j} has {len(pts)} points")
                poly = Polygon(pts)
                if not poly.is_valid:
                    problems.append(f"{vid}: {place} polygon {j} is not simple")
                    poly = poly.buffer(0)
                if poly.area < MIN_AREA:
                    problems.append(f"{vid}: {place} polygon {j} is only {poly.area:.1f} sq units")
                if not vbox.contains(poly):
                    problems.append(f"{vid}: {place} polygon {j} leaves the view box")
                outside = poly.difference(body).area
                if outside > TOL:
                    problems.append(f"{vid}: {place} polygon {j} leaves the outline by {outside:.2f}")
                areas.append(poly.area)
                polys.append((place, j, poly))
                if j < len(z["points"]):
                    p = Point(z["points"][j])
                    d = poly.exterior.distance(p) if poly.contains(p) else -poly.exterior.distance(p)
                    margins.append(d)
                    if d < MARGIN:
                        problems.append(f"{vid}: {place} point {z['points'][j]} is {d:.1f} inside polygon {j}")
            report.append(f"  {vid:9s} {place:20s} area {' + '.join(f'{a:7.1f}' for a in areas):19s}"
                          f"  point margin {' / '.join(f'{m:.1f}' for m in margins)}")
        worst = 0.0
        for a in range(len(polys)):
            for b in range(a + 1, len(polys)):
                if polys[a][0] == polys[b][0]:
                    continue
                if not polys[a][2].bounds or not polys[a][2].intersects(polys[b][2]):
                    continue
                ov = polys[a][2].intersection(polys[b][2]).area
                worst = max(worst, ov)
                if ov > TOL:
                    problems.append(f"{vid}: {polys[a][0]} overlaps {polys[b][0]} by {ov:.2f}")
        union = unary_union([p for _, _, p in polys])
        report.append(f"{vid}: worst overlap {worst:.3f} sq units; zones cover "
                      f"{union.area / body.area * 100:.1f}% of the outline")
    return problems, report


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--check", action="store_true", help="only check the existing YAML")
    ap.add_argument("--source", default=OUT, help="YAML to take the leg outlines and details from")
    ap.add_argument("--out", default=OUT)
    args = ap.parse_args()
    if not args.check:
        views = build(args.source)
        os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
        write_yaml(views, args.out)
        print(f"wrote {os.path.relpath(os.path.abspath(args.out), ROOT)}")
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
