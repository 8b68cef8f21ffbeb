#!/usr/bin/env python3
"""Generate the procedural sample photos used by the sample newspaper page.

The sample page (a Tongzhou district paper) has a city-management column with
four before/after photo pairs (整治前/整治后), six photos of newly found
problems (挂账督办) and one photo for the 台湖镇 road-widening article.  Real
photos cannot be shipped, so this script draws its own street scenes with
Pillow only: a tiny one-point/two-point perspective renderer (projected 3D
polygons, painter's order, distance haze, soft shadows) plus a photographic
finish (mild blur, grain, vignette, muted colours).

Everything is deterministic: every scene uses fixed random seeds, and noise
comes from seeded ``random.Random`` instances, never from Pillow's C ``rand``.

Usage::

    python tools/make_sample_photos.py            # write all photos
    python tools/make_sample_photos.py --only pair1-before road
    python tools/make_sample_photos.py --out /tmp/photos

Output: 1200x900 px RGB JPEG, quality 85, sRGB ICC profile embedded, in
``assets/sample/photos/``.
"""

from __future__ import annotations

import argparse
import math
import random
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Sequence

from PIL import Image, ImageChops, ImageDraw, ImageEnhance, ImageFilter, ImageOps

try:  # LittleCMS ships with the standard Pillow wheels; the profile is optional.
    from PIL import ImageCms
except ImportError:  # pragma: no cover - depends on the Pillow build
    ImageCms = None  # type: ignore[assignment]

W, H = 1200, 900  # output size in pixels
SS = 2  # supersampling factor used while drawing
QUALITY = 85
ROOT = Path(__file__).resolve().parent.parent
OUT_DIR = ROOT / "assets" / "sample" / "photos"
NEAR = 0.25  # near clipping plane, metres

Vec3 = tuple[float, float, float]
Pt = tuple[float, float]
RGB = tuple[int, int, int]

# --------------------------------------------------------------------------
# Palette: muted, slightly dusty colours of a north-China street in winter.
# --------------------------------------------------------------------------
SKY_TOP: RGB = (122, 152, 190)
SKY_HORIZON: RGB = (208, 214, 220)
ASPHALT: RGB = (84, 86, 90)
ASPHALT_NEW: RGB = (58, 60, 64)
CONCRETE: RGB = (160, 157, 150)
PAVER: RGB = (150, 148, 144)
PAVER_RED: RGB = (152, 104, 92)
TACTILE: RGB = (196, 166, 70)
CURB: RGB = (178, 176, 170)
GREY_BRICK: RGB = (118, 121, 124)
RED_BRICK: RGB = (142, 92, 78)
PLASTER: RGB = (206, 200, 188)
BEIGE: RGB = (200, 184, 158)
GRASS: RGB = (92, 122, 60)
GRASS_DRY: RGB = (150, 138, 96)
SOIL: RGB = (118, 98, 76)
HEDGE: RGB = (50, 88, 46)
LEAF: RGB = (84, 108, 62)
TRUNK: RGB = (88, 78, 68)
GLASS: RGB = (52, 62, 72)
FRAME: RGB = (214, 214, 208)
STEEL: RGB = (150, 154, 158)
RUST: RGB = (120, 74, 48)

BOX_FACES: tuple[tuple[int, ...], ...] = (
    (0, 1, 2, 3),  # 0: z0 / b0 side
    (4, 5, 6, 7),  # 1: z1 / b1 side
    (0, 4, 7, 3),  # 2: x0 / a0 side
    (1, 5, 6, 2),  # 3: x1 / a1 side
    (0, 1, 5, 4),  # 4: bottom
    (3, 2, 6, 7),  # 5: top
)


# --------------------------------------------------------------------------
# Small vector and colour helpers
# --------------------------------------------------------------------------
def v_add(a: Vec3, b: Vec3) -> Vec3:
    """Vector sum."""
    return (a[0] + b[0], a[1] + b[1], a[2] + b[2])


def v_sub(a: Vec3, b: Vec3) -> Vec3:
    """Vector difference a - b."""
    return (a[0] - b[0], a[1] - b[1], a[2] - b[2])


def v_mul(a: Vec3, k: float) -> Vec3:
    """Vector scaled by k."""
    return (a[0] * k, a[1] * k, a[2] * k)


def v_dot(a: Vec3, b: Vec3) -> float:
    """Dot product."""
    return a[0] * b[0] + a[1] * b[1] + a[2] * b[2]


def v_norm(a: Vec3) -> Vec3:
    """Unit vector in the direction of a."""
    n = math.sqrt(v_dot(a, a)) or 1.0
    return (a[0] / n, a[1] / n, a[2] / n)


def v_lerp(a: Vec3, b: Vec3, t: float) -> Vec3:
    """Linear interpolation between two points."""
    return (a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, a[2] + (b[2] - a[2]) * t)


def centroid(pts: Sequence[Vec3]) -> Vec3:
    """Mean of a list of points."""
    n = len(pts)
    return (sum(p[0] for p in pts) / n, sum(p[1] for p in pts) / n, sum(p[2] for p in pts) / n)


def newell_normal(pts: Sequence[Vec3]) -> Vec3:
    """Polygon normal by Newell's method (robust for near-planar polygons)."""
    nx = ny = nz = 0.0
    for i, a in enumerate(pts):
        b = pts[(i + 1) % len(pts)]
        nx += (a[1] - b[1]) * (a[2] + b[2])
        ny += (a[2] - b[2]) * (a[0] + b[0])
        nz += (a[0] - b[0]) * (a[1] + b[1])
    return v_norm((nx, ny, nz))


def clamp8(v: float) -> int:
    """Clamp a float to a 0..255 channel value."""
    return max(0, min(255, int(round(v))))


def mix(a: RGB, b: RGB, t: float) -> RGB:
    """Blend colour a towards colour b by t (0..1)."""
    return (clamp8(a[0] + (b[0] - a[0]) * t), clamp8(a[1] + (b[1] - a[1]) * t),
            clamp8(a[2] + (b[2] - a[2]) * t))


def scale(c: RGB, k: float) -> RGB:
    """Brightness-scale a colour."""
    return (clamp8(c[0] * k), clamp8(c[1] * k), clamp8(c[2] * k))


def vary(c: RGB, rng: random.Random, amount: float = 0.08, hue: float = 0.03) -> RGB:
    """Random brightness and slight hue variation of a colour."""
    k = 1.0 + rng.uniform(-amount, amount)
    return (clamp8(c[0] * k * rng.uniform(1 - hue, 1 + hue)), clamp8(c[1] * k),
            clamp8(c[2] * k * rng.uniform(1 - hue, 1 + hue)))


def clip_near(pts: Sequence[Vec3], near: float = NEAR) -> list[Vec3]:
    """Clip a camera-space polygon against the plane z = near."""
    out: list[Vec3] = []
    for i, a in enumerate(pts):
        b = pts[(i + 1) % len(pts)]
        a_in, b_in = a[2] >= near, b[2] >= near
        if a_in:
            out.append(a)
        if a_in != b_in:
            out.append(v_lerp(a, b, (near - a[2]) / (b[2] - a[2])))
    return out


def clip_rect(pts: Sequence[Pt], lo: float, hi_x: float, hi_y: float) -> list[Pt]:
    """Clip a screen polygon to a generous rectangle (keeps coordinates sane)."""
    def edge(poly: list[Pt], inside: Callable[[Pt], bool],
             cut: Callable[[Pt, Pt], Pt]) -> list[Pt]:
        out: list[Pt] = []
        for i, a in enumerate(poly):
            b = poly[(i + 1) % len(poly)]
            if inside(a):
                out.append(a)
            if inside(a) != inside(b):
                out.append(cut(a, b))
        return out

    def at_x(x: float) -> Callable[[Pt, Pt], Pt]:
        return lambda a, b: (x, a[1] + (b[1] - a[1]) * (x - a[0]) / (b[0] - a[0]))

    def at_y(y: float) -> Callable[[Pt, Pt], Pt]:
        return lambda a, b: (a[0] + (b[0] - a[0]) * (y - a[1]) / (b[1] - a[1]), y)

    poly = list(pts)
    for inside, cut in ((lambda p: p[0] >= lo, at_x(lo)), (lambda p: p[0] <= hi_x, at_x(hi_x)),
                        (lambda p: p[1] >= lo, at_y(lo)), (lambda p: p[1] <= hi_y, at_y(hi_y))):
        if len(poly) < 3:
            return []
        poly = edge(poly, inside, cut)
    return poly


def clip_segment(a: Pt, b: Pt, lo: float, hi_x: float, hi_y: float) -> list[Pt] | None:
    """Clip a screen segment to a rectangle (Liang-Barsky); None when outside."""
    t0, t1 = 0.0, 1.0
    dx, dy = b[0] - a[0], b[1] - a[1]
    for pk, qk in ((-dx, a[0] - lo), (dx, hi_x - a[0]), (-dy, a[1] - lo), (dy, hi_y - a[1])):
        if pk == 0:
            if qk < 0:
                return None
            continue
        t = qk / pk
        if pk < 0:
            t0 = max(t0, t)
        else:
            t1 = min(t1, t)
        if t0 > t1:
            return None
    return [(a[0] + dx * t0, a[1] + dy * t0), (a[0] + dx * t1, a[1] + dy * t1)]


def convex_hull(points: Sequence[Pt]) -> list[Pt]:
    """Convex hull of 2D points (Andrew's monotone chain)."""
    pts = sorted(set(points))
    if len(pts) < 3:
        return pts

    def cross(o: Pt, a: Pt, b: Pt) -> float:
        return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0])

    lower: list[Pt] = []
    upper: list[Pt] = []
    for p in pts:
        while len(lower) >= 2 and cross(lower[-2], lower[-1], p) <= 0:
            lower.pop()
        lower.append(p)
    for p in reversed(pts):
        while len(upper) >= 2 and cross(upper[-2], upper[-1], p) <= 0:
            upper.pop()
        upper.append(p)
    return lower[:-1] + upper[:-1]


def blob_outline(cx: float, cy: float, rx: float, ry: float, rng: random.Random,
                 jag: float = 0.12, n: int = 22) -> list[Pt]:
    """Irregular closed outline around an ellipse (for stains, bags, bushes)."""
    phase = [rng.uniform(0, math.tau) for _ in range(3)]
    pts = []
    for i in range(n):
        t = math.tau * i / n
        wob = 1.0 + jag * (0.5 * math.sin(2 * t + phase[0]) + 0.3 * math.sin(3 * t + phase[1])
                           + 0.2 * math.sin(5 * t + phase[2])) + rng.uniform(-jag, jag) * 0.5
        pts.append((cx + math.cos(t) * rx * wob, cy + math.sin(t) * ry * wob))
    return pts


# --------------------------------------------------------------------------
# Camera, noise and the painter
# --------------------------------------------------------------------------
@dataclass(frozen=True)
class Camera:
    """Pinhole camera: x right, y up, z forward (metres); yaw > 0 turns right."""

    pos: Vec3 = (0.0, 1.6, 0.0)
    yaw: float = 0.0
    pitch: float = 0.0
    focal: float = 0.95  # focal length as a fraction of the image width
    horizon: float = 0.48  # principal point height as a fraction of image height

    def to_cam(self, p: Vec3) -> Vec3:
        """World point to camera space."""
        x, y, z = p[0] - self.pos[0], p[1] - self.pos[1], p[2] - self.pos[2]
        cy, sy = math.cos(math.radians(self.yaw)), math.sin(math.radians(self.yaw))
        x, z = x * cy - z * sy, x * sy + z * cy
        cp, sp = math.cos(math.radians(self.pitch)), math.sin(math.radians(self.pitch))
        return (x, y * cp - z * sp, y * sp + z * cp)

    def dir_to_world(self, d: Vec3) -> Vec3:
        """Camera-space direction (ignoring pitch) back to world space."""
        cy, sy = math.cos(math.radians(self.yaw)), math.sin(math.radians(self.yaw))
        return (d[0] * cy + d[2] * sy, d[1], -d[0] * sy + d[2] * cy)


class NoiseBank:
    """Seeded value-noise images (mode L) at a few scales, cached per scale."""

    GRAINS: dict[str, tuple[tuple[int, float], ...]] = {
        "fine": ((2, 1.0),),
        "mid": ((10, 0.7), (3, 0.3)),
        "coarse": ((48, 0.6), (10, 0.25), (3, 0.15)),
        "stone": ((90, 0.35), (20, 0.3), (4, 0.35)),
        "streak": ((0, 1.0),),  # vertical streaks for weathered walls
    }

    def __init__(self, seed: int, size: tuple[int, int]) -> None:
        self.seed, self.size = seed, size
        self.cache: dict[str, Image.Image] = {}

    def get(self, name: str) -> Image.Image:
        """Noise image for a grain name, normalised to the full 0..255 range."""
        if name not in self.cache:
            layers = [(self._octave(cell), w) for cell, w in self.GRAINS[name]]
            img, total = layers[0][0], layers[0][1]
            for layer, weight in layers[1:]:
                total += weight
                img = Image.blend(img, layer, weight / total)
            self.cache[name] = ImageOps.autocontrast(img, cutoff=1)
        return self.cache[name]

    def _octave(self, cell: int) -> Image.Image:
        """One octave: random cells upscaled bicubically (cell 0 = streaks)."""
        w, h = self.size
        rng = random.Random(self.seed * 7919 + cell)
        if cell == 0:
            row = Image.frombytes("L", (w // 6 + 2, 1), rng.randbytes(w // 6 + 2))
            streak = row.resize((w, h), Image.Resampling.BICUBIC)
            return Image.blend(streak, self._octave(40), 0.35)
        sw, sh = w // cell + 3, h // cell + 3
        small = Image.frombytes("L", (sw, sh), rng.randbytes(sw * sh))
        return small.resize((sw * cell, sh * cell), Image.Resampling.BICUBIC).crop((0, 0, w, h))


@dataclass(frozen=True)
class Plane:
    """A vertical wall plane: origin on the ground, horizontal axis u, outward normal n."""

    origin: Vec3
    u: Vec3
    n: Vec3

    def at(self, a: float, b: float, d: float = 0.0) -> Vec3:
        """Point a metres along the wall, b metres high, d metres out of the wall."""
        o, u, n = self.origin, self.u, self.n
        return (o[0] + u[0] * a + n[0] * d, o[1] + b, o[2] + u[2] * a + n[2] * d)

    def rect(self, a0: float, a1: float, b0: float, b1: float, d: float = 0.0) -> list[Vec3]:
        """Rectangle on (or d metres in front of) the wall."""
        return [self.at(a0, b0, d), self.at(a1, b0, d), self.at(a1, b1, d), self.at(a0, b1, d)]


class Painter:
    """Draws world-space primitives into a supersampled RGB canvas."""

    def __init__(self, cam: Camera, seed: int, fog_dist: float = 240.0, haze: float = 0.8,
                 sun: Vec3 = (-0.55, 0.65, -0.5)) -> None:
        self.cam = cam
        self.w, self.h = W * SS, H * SS
        self.f = cam.focal * self.w
        self.cx, self.cy = self.w / 2, cam.horizon * self.h
        self.img = Image.new("RGB", (self.w, self.h), SKY_HORIZON)
        self.draw = ImageDraw.Draw(self.img)
        self.shadow = Image.new("L", (self.w, self.h), 0)
        self.sdraw = ImageDraw.Draw(self.shadow)
        self.noise = NoiseBank(seed, (self.w, self.h))
        self.fog_dist, self.haze = fog_dist, haze
        self.sun = v_norm(sun)
        self.sky_img: Image.Image | None = None

    # ---- projection -----------------------------------------------------
    def proj_cam(self, c: Vec3) -> Pt:
        """Camera-space point to screen pixels."""
        return (self.cx + self.f * c[0] / c[2], self.cy - self.f * c[1] / c[2])

    def proj(self, p: Vec3) -> tuple[float, float, float] | None:
        """World point to (sx, sy, depth), or None when behind the near plane."""
        c = self.cam.to_cam(p)
        if c[2] < NEAR:
            return None
        sx, sy = self.proj_cam(c)
        return (sx, sy, c[2])

    def depth(self, p: Vec3) -> float:
        """Camera-space depth of a world point."""
        return self.cam.to_cam(p)[2]

    def horizon_y(self) -> float:
        """Screen y of the true horizon."""
        return self.cy + self.f * math.tan(math.radians(self.cam.pitch))

    def project_poly(self, pts: Sequence[Vec3]) -> tuple[list[Pt], float] | None:
        """Clip and project a world polygon; returns screen points and mean depth."""
        cam_pts = clip_near([self.cam.to_cam(p) for p in pts])
        if len(cam_pts) < 3:
            return None
        scr = clip_rect([self.proj_cam(c) for c in cam_pts], -self.w, 2 * self.w, 2 * self.h)
        if len(scr) < 3:
            return None
        return scr, sum(c[2] for c in cam_pts) / len(cam_pts)

    # ---- colour ---------------------------------------------------------
    def fogc(self, color: RGB, depth: float) -> RGB:
        """Blend a colour towards the horizon haze according to distance."""
        t = self.haze * (1.0 - math.exp(-max(depth, 0.0) / self.fog_dist))
        return mix(color, SKY_HORIZON, t)

    def shade(self, color: RGB, n: Vec3) -> RGB:
        """Lambert + sky-light shading for a surface with world normal n."""
        lam = max(0.0, v_dot(n, self.sun))
        k = (0.58 + 0.42 * lam + 0.12 * max(0.0, n[1])) / (0.70 + 0.42 * self.sun[1])
        return scale(color, k)

    # ---- filling ----------------------------------------------------------
    def fill(self, scr: Sequence[Pt], color: RGB, tex: float = 0.0, grain: str = "mid") -> None:
        """Fill a screen polygon, optionally modulated by a noise texture."""
        if tex <= 0.0:
            self.draw.polygon(list(scr), fill=color)
            return
        xs, ys = [p[0] for p in scr], [p[1] for p in scr]
        x0, y0 = max(0, int(min(xs))), max(0, int(min(ys)))
        x1, y1 = min(self.w, int(max(xs)) + 2), min(self.h, int(max(ys)) + 2)
        if x1 <= x0 or y1 <= y0:
            return
        size = (x1 - x0, y1 - y0)
        mask = Image.new("L", size, 0)
        ImageDraw.Draw(mask).polygon([(x - x0, y - y0) for x, y in scr], fill=255)
        noise = self.noise.get(grain).crop((x0, y0, x1, y1))
        hi = Image.new("RGB", size, scale(color, 1 + tex))
        lo = Image.new("RGB", size, scale(color, 1 - tex))
        self.img.paste(Image.composite(hi, lo, noise), (x0, y0), mask)

    def poly(self, pts: Sequence[Vec3], color: RGB, tex: float = 0.0, grain: str = "mid",
             fog: bool = True) -> bool:
        """Draw a world polygon with haze; returns False when nothing was visible."""
        res = self.project_poly(pts)
        if res is None:
            return False
        scr, depth = res
        self.fill(scr, self.fogc(color, depth) if fog else color, tex, grain)
        return True

    def ground(self, x0: float, x1: float, z0: float, z1: float, color: RGB, y: float = 0.0,
               tex: float = 0.0, grain: str = "mid") -> None:
        """Horizontal rectangle, split in depth so that haze varies smoothly."""
        za = z0
        while za < z1:
            zb = min(z1, za + max(1.5, 0.12 * max(za, 1.0)))
            self.poly([(x0, y, za), (x1, y, za), (x1, y, zb), (x0, y, zb)], color, tex, grain)
            za = zb

    def ground_blob(self, x: float, z: float, rx: float, rz: float, color: RGB,
                    rng: random.Random, y: float = 0.0, jag: float = 0.25,
                    tex: float = 0.0, soft: float = 0.0) -> None:
        """Irregular patch lying on the ground; soft > 0 feathers its edge (metres)."""
        pts = [(px, y, pz) for px, pz in blob_outline(x, z, rx, rz, rng, jag)]
        if soft > 0:
            self.soft_poly(pts, color, soft, tex)
        else:
            self.poly(pts, color, tex, "stone")

    def soft_poly(self, pts: Sequence[Vec3], color: RGB, soft: float, tex: float = 0.0,
                  grain: str = "stone") -> None:
        """World polygon with a blurred (feathered) edge of about soft metres."""
        res = self.project_poly(pts)
        if res is None:
            return
        scr, depth = res
        blur = max(1.0, self.f * soft / depth)
        pad = int(blur * 3) + 2
        xs, ys = [q[0] for q in scr], [q[1] for q in scr]
        x0, y0 = max(0, int(min(xs)) - pad), max(0, int(min(ys)) - pad)
        x1, y1 = min(self.w, int(max(xs)) + pad), min(self.h, int(max(ys)) + pad)
        if x1 <= x0 or y1 <= y0:
            return
        size = (x1 - x0, y1 - y0)
        mask = Image.new("L", size, 0)
        ImageDraw.Draw(mask).polygon([(x - x0, y - y0) for x, y in scr], fill=255)
        mask = mask.filter(ImageFilter.GaussianBlur(blur))
        col = self.fogc(color, depth)
        noise = self.noise.get(grain).crop((x0, y0, x1, y1))
        layer = Image.composite(Image.new("RGB", size, scale(col, 1 + tex)),
                                Image.new("RGB", size, scale(col, 1 - tex)), noise)
        self.img.paste(layer, (x0, y0), mask)

    def prect(self, pl: Plane, a0: float, a1: float, b0: float, b1: float, color: RGB,
              d: float = 0.0, tex: float = 0.0, grain: str = "mid", lit: bool = True,
              segs: int = 1) -> None:
        """Rectangle on a wall plane, shaded by the wall normal, optionally split."""
        col = self.shade(color, pl.n) if lit else color
        for i in range(segs):
            sa = a0 + (a1 - a0) * i / segs
            sb = a0 + (a1 - a0) * (i + 1) / segs
            self.poly(pl.rect(sa, sb, b0, b1, d), col, tex, grain)

    def solid(self, verts: Sequence[Vec3], faces: Sequence[Sequence[int]], color: RGB,
              tex: float = 0.0, grain: str = "mid",
              colors: dict[int, RGB] | None = None) -> list[int]:
        """Convex polyhedron with back-face culling; returns indices of drawn faces."""
        center = centroid(verts)
        drawn = []
        for i, face in enumerate(faces):
            pts = [verts[j] for j in face]
            c = centroid(pts)
            n = newell_normal(pts)
            if v_dot(n, v_sub(c, center)) < 0:
                n = v_mul(n, -1.0)
            if v_dot(n, v_sub(self.cam.pos, c)) <= 1e-9:
                continue
            col = (colors or {}).get(i, color)
            if self.poly(pts, self.shade(col, n), tex, grain):
                drawn.append(i)
        return drawn

    def box(self, x0: float, x1: float, y0: float, y1: float, z0: float, z1: float,
            color: RGB, tex: float = 0.0, grain: str = "mid",
            colors: dict[int, RGB] | None = None) -> list[int]:
        """Axis-aligned box."""
        return self.solid(box_verts(x0, x1, y0, y1, z0, z1), BOX_FACES, color, tex, grain, colors)

    # ---- lines and round things -------------------------------------------
    def line3d(self, a: Vec3, b: Vec3, color: RGB, width: float = 0.02,
               min_px: float = 1.0) -> None:
        """World-space line segment with a width in metres."""
        ca, cb = self.cam.to_cam(a), self.cam.to_cam(b)
        if ca[2] < NEAR and cb[2] < NEAR:
            return
        if ca[2] < NEAR:
            ca = v_lerp(ca, cb, (NEAR - ca[2]) / (cb[2] - ca[2]))
        elif cb[2] < NEAR:
            cb = v_lerp(cb, ca, (NEAR - cb[2]) / (ca[2] - cb[2]))
        zm = (ca[2] + cb[2]) / 2
        wpx = max(min_px, self.f * width / zm)
        seg = clip_segment(self.proj_cam(ca), self.proj_cam(cb), -self.w, 2 * self.w, 2 * self.h)
        if seg is not None:
            self.draw.line(seg, fill=self.fogc(color, zm), width=max(1, int(round(wpx))))

    def polyline3d(self, pts: Sequence[Vec3], color: RGB, width: float = 0.02,
                   min_px: float = 1.0) -> None:
        """Connected world-space line segments."""
        for a, b in zip(pts, pts[1:]):
            self.line3d(a, b, color, width, min_px)

    def cylinder(self, x: float, z: float, r: float, y0: float, y1: float, color: RGB,
                 bands: Sequence[tuple[float, float, RGB]] = (), cap: bool = True) -> None:
        """Vertical cylinder drawn as shaded strips (poles, bollards, trunks)."""
        b, t = self.proj((x, y0, z)), self.proj((x, y1, z))
        if b is None or t is None:
            return
        rb, rt = self.f * r / b[2], self.f * r / t[2]
        dist = math.hypot(x - self.cam.pos[0], z - self.cam.pos[2]) or 0.1
        tilt = min(1.0, abs(self.cam.pos[1] - y0) / dist)
        col = self.fogc(color, b[2])
        self.draw.ellipse([b[0] - rb, b[1] - rb * tilt, b[0] + rb, b[1] + rb * tilt],
                          fill=self.shade(col, self.cam.dir_to_world((0, 0, -1))))
        self._cyl_strips(b, t, rb, rt, col)
        for ya, yb, bc in bands:
            pa, pb = self.proj((x, ya, z)), self.proj((x, yb, z))
            if pa and pb:
                self._cyl_strips(pa, pb, self.f * r / pa[2], self.f * r / pb[2],
                                 self.fogc(bc, pa[2]))
        if cap:
            tilt = min(1.0, abs(self.cam.pos[1] - y1) / dist)
            self.draw.ellipse([t[0] - rt, t[1] - rt * tilt, t[0] + rt, t[1] + rt * tilt],
                              fill=self.shade(col, (0.0, 1.0, 0.0)))

    def _cyl_strips(self, b: tuple[float, float, float], t: tuple[float, float, float],
                    rb: float, rt: float, col: RGB, n: int = 7) -> None:
        """Side strips of a cylinder with per-strip shading."""
        for i in range(n):
            s0, s1 = -1 + 2 * i / n, -1 + 2 * (i + 1) / n
            sm = (s0 + s1) / 2
            normal = self.cam.dir_to_world((sm, 0.0, -math.sqrt(max(0.0, 1 - sm * sm))))
            quad = [(b[0] + s0 * rb, b[1]), (b[0] + s1 * rb, b[1]),
                    (t[0] + s1 * rt, t[1]), (t[0] + s0 * rt, t[1])]
            self.draw.polygon(quad, fill=self.shade(col, normal))

    def paste_sprite(self, spr: Image.Image, x: float, y: float) -> None:
        """Paste an RGBA sprite with its top-left corner at screen (x, y)."""
        self.img.paste(spr, (int(round(x)), int(round(y))), spr)

    # ---- shadows ----------------------------------------------------------
    def shadow_poly(self, pts: Sequence[Vec3], alpha: int = 150) -> None:
        """Add a polygon to the pending soft-shadow mask."""
        res = self.project_poly(pts)
        if res is not None:
            self.sdraw.polygon(res[0], fill=alpha)

    def shadow_ellipse(self, x: float, z: float, rx: float, rz: float, alpha: int = 150,
                       y: float = 0.0) -> None:
        """Elliptical contact shadow on the ground."""
        pts = [(x + rx * math.cos(t), y, z + rz * math.sin(t))
               for t in (math.tau * i / 20 for i in range(20))]
        self.shadow_poly(pts, alpha)

    def cast_shadow(self, verts: Sequence[Vec3], alpha: int = 120, y: float = 0.0) -> None:
        """Shadow of a set of points projected along the sun direction onto y."""
        flat = []
        for p in verts:
            k = (p[1] - y) / self.sun[1]
            flat.append((p[0] - self.sun[0] * k, p[2] - self.sun[2] * k))
        hull = convex_hull(flat)
        if len(hull) >= 3:
            self.shadow_poly([(px, y, pz) for px, pz in hull], alpha)

    def apply_shadows(self, blur: float = 6.0, strength: float = 0.55) -> None:
        """Darken the canvas under the pending (blurred) shadow mask, then clear it."""
        mask = self.shadow.filter(ImageFilter.GaussianBlur(blur * SS))
        k = 1.0 - strength
        lut = ([clamp8(v * k * 0.96) for v in range(256)] + [clamp8(v * k) for v in range(256)]
               + [clamp8(v * k * 1.12) for v in range(256)])
        self.img.paste(self.img.point(lut), (0, 0), mask)
        self.shadow.paste(0, (0, 0, self.w, self.h))

    # ---- sky ---------------------------------------------------------------
    def sky(self, rng: random.Random, clouds: int = 4, top: RGB = SKY_TOP) -> None:
        """Vertical sky gradient with a few soft hazy clouds."""
        yh = self.horizon_y()
        for y in range(self.h):
            t = min(1.0, max(0.0, y / max(1.0, yh)))
            self.draw.line([(0, y), (self.w, y)], fill=mix(top, SKY_HORIZON, t ** 0.8))
        layer = Image.new("L", (self.w, self.h), 0)
        ld = ImageDraw.Draw(layer)
        for _ in range(clouds):
            cx, cy = rng.uniform(0, self.w), rng.uniform(0.05, 0.7) * max(yh, 100)
            for _ in range(8):
                rx, ry = rng.uniform(0.05, 0.16) * self.w, rng.uniform(0.01, 0.035) * self.w
                ox, oy = rng.uniform(-0.1, 0.1) * self.w, rng.uniform(-0.02, 0.02) * self.w
                ld.ellipse([cx + ox - rx, cy + oy - ry, cx + ox + rx, cy + oy + ry],
                           fill=rng.randint(50, 110))
        layer = layer.filter(ImageFilter.GaussianBlur(28 * SS))
        self.img.paste((238, 240, 242), (0, 0, self.w, self.h), layer)
        self.sky_img = self.img.copy()


def box_verts(x0: float, x1: float, y0: float, y1: float, z0: float, z1: float) -> list[Vec3]:
    """Eight corners of an axis-aligned box in BOX_FACES order."""
    return [(x0, y0, z0), (x1, y0, z0), (x1, y1, z0), (x0, y1, z0),
            (x0, y0, z1), (x1, y0, z1), (x1, y1, z1), (x0, y1, z1)]


def local_to_world(cx: float, cz: float, heading: float, a: float, y: float, b: float) -> Vec3:
    """Object-local point (a across, y up, b along heading) to world space."""
    h = math.radians(heading)
    return (cx + a * math.cos(h) + b * math.sin(h), y, cz - a * math.sin(h) + b * math.cos(h))


Extent = tuple[float, float, float, float, float]


def obox_verts(cx: float, cz: float, heading: float, bottom: Extent,
               top: Extent | None = None) -> list[Vec3]:
    """Oriented box or frustum; bottom/top are (a0, a1, b0, b1, y) in local coordinates."""
    top = top or bottom
    (a0, a1, b0, b1, y0), (ta0, ta1, tb0, tb1, y1) = bottom, top
    loc = [(a0, y0, b0), (a1, y0, b0), (ta1, y1, tb0), (ta0, y1, tb0),
           (a0, y0, b1), (a1, y0, b1), (ta1, y1, tb1), (ta0, y1, tb1)]
    return [local_to_world(cx, cz, heading, a, y, b) for a, y, b in loc]


def face_plane(name: str, x0: float, x1: float, z0: float, z1: float) -> tuple[Plane, float]:
    """Wall plane and length for one vertical face of an axis-aligned building."""
    if name == "front":
        return Plane((x0, 0, z0), (1, 0, 0), (0, 0, -1)), x1 - x0
    if name == "left":
        return Plane((x0, 0, z1), (0, 0, -1), (-1, 0, 0)), z1 - z0
    if name == "right":
        return Plane((x1, 0, z0), (0, 0, 1), (1, 0, 0)), z1 - z0
    return Plane((x1, 0, z1), (-1, 0, 0), (0, 0, 1)), x1 - x0


# --------------------------------------------------------------------------
# Buildings and walls
# --------------------------------------------------------------------------
GLASS_TONES: tuple[RGB, ...] = ((48, 58, 68), (70, 84, 98), (104, 122, 140), (140, 156, 172),
                                (176, 160, 132), (120, 104, 92), (60, 66, 70))


def window(p: Painter, pl: Plane, a: float, b: float, w: float, h: float, rng: random.Random,
           frame: RGB = FRAME, bars: bool = False) -> None:
    """One window: frame, glass with a mullion, sill, optional security bars."""
    p.prect(pl, a, a + w, b, b + h, frame, d=0.02)
    fw = min(0.08, w * 0.08)
    glass = rng.choice(GLASS_TONES)
    p.prect(pl, a + fw, a + w - fw, b + fw, b + h - fw, glass, d=0.025, lit=False)
    p.prect(pl, a + fw, a + w - fw, b + h * 0.55, b + h - fw, mix(glass, SKY_HORIZON, 0.18),
            d=0.026, lit=False)
    p.prect(pl, a + w / 2 - 0.03, a + w / 2 + 0.03, b + fw, b + h - fw, frame, d=0.03)
    p.prect(pl, a - 0.06, a + w + 0.06, b - 0.07, b, scale(frame, 0.92), d=0.06)
    if bars:
        bar = (70, 72, 74)
        for i in range(7):
            aa = a + w * i / 6
            p.line3d(pl.at(aa, b - 0.05, 0.18), pl.at(aa, b + h + 0.05, 0.18), bar, 0.015)
        for bb in (b - 0.05, b + h / 2, b + h + 0.05):
            p.line3d(pl.at(a, bb, 0.18), pl.at(a + w, bb, 0.18), bar, 0.02)


def ac_unit(p: Painter, pl: Plane, a: float, b: float) -> None:
    """Wall-mounted air-conditioner outdoor unit."""
    verts = [pl.at(a, b, 0.02), pl.at(a + 0.8, b, 0.02), pl.at(a + 0.8, b + 0.55, 0.02),
             pl.at(a, b + 0.55, 0.02), pl.at(a, b, 0.32), pl.at(a + 0.8, b, 0.32),
             pl.at(a + 0.8, b + 0.55, 0.32), pl.at(a, b + 0.55, 0.32)]
    p.solid(verts, BOX_FACES, (214, 212, 204))


def balcony(p: Painter, pl: Plane, a: float, b: float, w: float, h: float,
            color: RGB, rng: random.Random) -> None:
    """Enclosed balcony box (封闭阳台) protruding from a residential facade."""
    verts = [pl.at(a, b, 0.0), pl.at(a + w, b, 0.0), pl.at(a + w, b + h, 0.0),
             pl.at(a, b + h, 0.0), pl.at(a, b, 1.1), pl.at(a + w, b, 1.1),
             pl.at(a + w, b + h, 1.1), pl.at(a, b + h, 1.1)]
    p.solid(verts, BOX_FACES, color, colors={5: scale(color, 0.9)})
    front = Plane(pl.at(0, 0, 1.1), pl.u, pl.n)
    glass = rng.choice(GLASS_TONES)
    p.prect(front, a + 0.1, a + w - 0.1, b + 0.95, b + h - 0.15, glass, d=0.01, lit=False)
    for k in range(1, 4):
        aa = a + w * k / 4
        p.prect(front, aa - 0.03, aa + 0.03, b + 0.95, b + h - 0.15, FRAME, d=0.02)


@dataclass
class FacadeStyle:
    """Parameters for the windows of a building face."""

    floor_h: float = 2.9
    bay: float = 3.4
    win_w: float = 1.5
    win_h: float = 1.5
    frame: RGB = FRAME
    ac_prob: float = 0.3
    bar_floors: int = 0
    balconies: bool = False
    skip_ground: bool = False


def facade(p: Painter, pl: Plane, length: float, height: float, style: FacadeStyle,
           rng: random.Random, color: RGB) -> None:
    """Windows, balconies and AC units on a wall, drawn far to near."""
    floors = int((height - 0.6) / style.floor_h)
    bays = max(1, int(length / style.bay))
    margin = (length - bays * style.bay) / 2
    cells = [(fl, i) for fl in range(floors) for i in range(bays)]
    seeds = {c: rng.randrange(1 << 30) for c in cells}
    cells.sort(key=lambda c: -p.depth(pl.at(margin + (c[1] + 0.5) * style.bay, 0, 0.5)))
    for fl, i in cells:
        if style.skip_ground and fl == 0:
            continue
        r = random.Random(seeds[(fl, i)])
        a = margin + i * style.bay + (style.bay - style.win_w) / 2
        b = fl * style.floor_h + 0.9
        if style.balconies and i % 2 == 1:
            balcony(p, pl, a - 0.3, b - 0.9, style.win_w + 0.6, style.floor_h - 0.15,
                    scale(color, 1.04), r)
            continue
        window(p, pl, a, b, style.win_w, style.win_h, r, style.frame, fl < style.bar_floors)
        if r.random() < style.ac_prob:
            ac_unit(p, pl, a + style.win_w + 0.15, b + 0.1)


def building(p: Painter, x0: float, x1: float, z0: float, z1: float, height: float,
             color: RGB, rng: random.Random, style: FacadeStyle | None = None,
             tex: float = 0.035) -> list[str]:
    """Box building with windows on every visible vertical face; returns those faces."""
    names = ("front", "back", "left", "right")
    drawn = p.box(x0, x1, 0, height, z0, z1, color, tex, "coarse",
                  colors={5: scale(color, 0.75)})
    p.box(x0 - 0.1, x1 + 0.1, height, height + 0.35, z0 - 0.1, z1 + 0.1, scale(color, 0.9))
    seed = rng.randrange(1 << 30)
    faces = [names[i] for i in drawn if i < 4]
    if style is None:
        return faces
    for k, name in enumerate(faces):
        pl, length = face_plane(name, x0, x1, z0, z1)
        facade(p, pl, length, height, style, random.Random(seed + k), color)
    return faces


def wall_run(p: Painter, pl: Plane, a0: float, a1: float, height: float, color: RGB,
             cap: RGB | None = None, tex: float = 0.08, grain: str = "coarse") -> None:
    """A free-standing wall face with an optional coping cap."""
    p.prect(pl, a0, a1, 0, height, color, tex=tex, grain=grain, segs=max(1, int((a1 - a0) / 6)))
    if cap is not None:
        p.prect(pl, a0, a1, height, height + 0.12, cap, d=0.08, segs=max(1, int((a1 - a0) / 6)))
        p.prect(pl, a0, a1, height - 0.06, height, scale(cap, 0.7), d=0.06,
                segs=max(1, int((a1 - a0) / 6)))


# --------------------------------------------------------------------------
# Street furniture and nature
# --------------------------------------------------------------------------
def tree(p: Painter, x: float, z: float, height: float, crown: float, rng: random.Random,
         leaf: RGB = LEAF, y: float = 0.0, clumps: int = 150) -> None:
    """Street tree: trunk, a few branches and a crown made of leaf clumps."""
    top = y + height - crown * 0.9
    p.cylinder(x, z, 0.11 + height * 0.006, y, top, TRUNK, cap=False)
    for _ in range(4):
        ang = rng.uniform(0, math.tau)
        end = (x + math.cos(ang) * crown * 0.6, top + crown * 0.6, z + math.sin(ang) * crown * 0.6)
        p.line3d((x, top - 0.3, z), end, TRUNK, 0.06)
    pts = []
    for _ in range(clumps):
        u, v, w = rng.uniform(-1, 1), rng.uniform(-1, 1), rng.uniform(-1, 1)
        if u * u + v * v + w * w > 1:
            continue
        pts.append((x + u * crown, top + crown * 0.85 + v * crown * 0.8, z + w * crown, v, u))
    pts.sort(key=lambda q: -p.depth(q[:3]))
    for px, py, pz, v, u in pts:
        pr = p.proj((px, py, pz))
        if pr is None:
            continue
        r = p.f * crown * rng.uniform(0.16, 0.27) / pr[2]
        k = 0.6 + 0.34 * (v + 1) / 2 - 0.12 * u + rng.uniform(-0.08, 0.08)
        col = p.fogc(scale(vary(leaf, rng, 0.1), k), pr[2])
        p.fill(blob_outline(pr[0], pr[1], r, r * 0.85, rng, 0.5, 18), col, 0.28 if r > 6 else 0,
               "fine")


def hedge(p: Painter, x0: float, x1: float, z0: float, z1: float, height: float,
          rng: random.Random, color: RGB = HEDGE, y: float = 0.0) -> None:
    """Clipped hedge: textured box with a lumpy top edge."""
    p.box(x0, x1, y, y + height, z0, z1, color, tex=0.22, grain="mid",
          colors={5: scale(color, 1.25)})


def bollard(p: Painter, x: float, z: float, color: RGB = STEEL, y: float = 0.0,
            height: float = 0.8, r: float = 0.075, band: RGB = (214, 170, 40)) -> None:
    """Steel bollard with a reflective band."""
    p.cylinder(x, z, r, y, y + height, color,
               bands=((y + height - 0.22, y + height - 0.12, band),))


def bollard_shadows(p: Painter, x: float, z0: float, z1: float, step: float,
                    y: float = 0.0) -> None:
    """Contact and cast shadows of a bollard row."""
    z = z0
    while z <= z1:
        p.shadow_ellipse(x, z, 0.12, 0.12, 170, y)
        p.cast_shadow([(x - 0.06, y, z), (x + 0.06, y, z), (x - 0.06, y + 0.8, z),
                       (x + 0.06, y + 0.8, z)], 90, y)
        z += step


def pole(p: Painter, x: float, z: float, height: float, color: RGB = (128, 124, 116),
         r: float = 0.13) -> None:
    """Concrete utility pole."""
    p.cylinder(x, z, r, 0.0, height, color)


def curb(p: Painter, x: float, z0: float, z1: float, height: float = 0.15,
         width: float = 0.15, color: RGB = CURB, y: float = 0.0) -> None:
    """Kerb stones along z at x (top and road-facing sides)."""
    p.box(x - width / 2, x + width / 2, y, y + height, z0, z1, color, tex=0.06)
    z = z0 + 1.0
    while z < min(z1, 25):
        p.line3d((x - width / 2, y + height, z), (x + width / 2, y + height, z),
                 scale(color, 0.75), 0.01)
        z += 1.0


def tiles(p: Painter, x0: float, x1: float, z0: float, z1: float, size: float, color: RGB,
          rng: random.Random, y: float = 0.0, joint: RGB | None = None,
          skip: Callable[[float, float], bool] | None = None, vary_amt: float = 0.06) -> None:
    """Paving tiles: base colour, individual near tiles with joints, joint lines further."""
    joint = joint or scale(color, 0.72)
    p.ground(x0, x1, z0, z1, mix(color, joint, 0.25), y, tex=0.08, grain="stone")
    g = size * 0.06
    z = z0
    while z < z1:
        px_per_tile = p.f * (p.cam.pos[1] - y) * size / max(1.0, z * z)
        if px_per_tile < 6:
            break
        x = x0
        while x < x1 - 1e-6:
            if skip is None or not skip(x + size / 2, z + size / 2):
                col = vary(color, rng, vary_amt, 0.006)
                p.poly([(x + g, y, z + g), (min(x1, x + size) - g, y, z + g),
                        (min(x1, x + size) - g, y, min(z1, z + size) - g),
                        (x + g, y, min(z1, z + size) - g)], col)
            x += size
        z += size
    joints_far(p, x0, x1, z, z1, size, joint, y)


def joints_far(p: Painter, x0: float, x1: float, z0: float, z1: float, size: float,
               joint: RGB, y: float) -> None:
    """Joint lines of paving beyond the individually drawn tiles."""
    x = x0
    while x <= x1 + 1e-6:
        p.line3d((x, y, z0), (x, y, min(z1, z0 + 40)), joint, 0.012)
        x += size
    z = z0
    while z < min(z1, z0 + 25):
        p.line3d((x0, y, z), (x1, y, z), joint, 0.012)
        z += size * 2


def planter(p: Painter, x0: float, x1: float, z0: float, z1: float, rng: random.Random,
            height: float = 0.55, flowers: bool = True) -> None:
    """Raised rectangular planter with shrubs (and flowers)."""
    p.box(x0, x1, 0, height, z0, z1, (150, 146, 138), tex=0.08, colors={5: (172, 168, 160)})
    p.ground(x0 + 0.08, x1 - 0.08, z0 + 0.08, z1 - 0.08, SOIL, y=height)
    shrubs = []
    nx, nz = max(1, int((x1 - x0) / 0.5)), max(1, int((z1 - z0) / 0.5))
    for i in range(nx):
        for j in range(nz):
            sx = x0 + (i + 0.5) * (x1 - x0) / nx + rng.uniform(-0.08, 0.08)
            sz = z0 + (j + 0.5) * (z1 - z0) / nz + rng.uniform(-0.08, 0.08)
            shrubs.append((sx, sz))
    shrubs.sort(key=lambda q: -p.depth((q[0], height, q[1])))
    for sx, sz in shrubs:
        bush(p, sx, sz, 0.32, rng, y=height - 0.05, flowers=flowers)


def bush(p: Painter, x: float, z: float, r: float, rng: random.Random, y: float = 0.0,
         color: RGB = HEDGE, flowers: bool = False) -> None:
    """Rounded shrub made of a few leafy blobs, optionally with flowers."""
    pr = p.proj((x, y + r * 0.8, z))
    if pr is None:
        return
    rs = p.f * r / pr[2]
    for k in range(6):
        t = k / 5
        col = p.fogc(scale(vary(color, rng, 0.08), 0.7 + 0.5 * t), pr[2])
        ox, oy = rng.uniform(-0.4, 0.4) * rs * (1 - t), -t * rs * 0.35
        rr = rs * (1.0 - 0.55 * t)
        p.draw.polygon(blob_outline(pr[0] + ox - t * rs * 0.15, pr[1] + oy, rr, rr * 0.8, rng,
                                    0.2, 14), fill=col)
    if flowers:
        for _ in range(int(4 + rs / 8)):
            fx, fy = pr[0] + rng.uniform(-0.7, 0.7) * rs, pr[1] + rng.uniform(-0.7, 0.2) * rs
            fr = max(1.0, rs * 0.05)
            fc = p.fogc(rng.choice([(196, 70, 78), (224, 196, 80), (230, 226, 220),
                                    (200, 110, 150)]), pr[2])
            p.draw.ellipse([fx - fr, fy - fr, fx + fr, fy + fr], fill=fc)


def grass_field(p: Painter, x0: float, x1: float, z0: float, z1: float, rng: random.Random,
                y: float = 0.0, color: RGB = GRASS, worn: float = 0.0) -> None:
    """Grass area; worn > 0 adds bare soil patches and tyre ruts."""
    p.ground(x0, x1, z0, z1, color, y, tex=0.22, grain="mid")
    for _ in range(int(worn * 30)):
        gx, gz = rng.uniform(x0, x1), rng.uniform(z0, z1)
        p.ground_blob(gx, gz, rng.uniform(0.3, 1.2), rng.uniform(0.5, 2.0),
                      vary(mix(SOIL, GRASS_DRY, rng.random() * 0.5), rng), rng, y + 0.002)


# --------------------------------------------------------------------------
# Cars
# --------------------------------------------------------------------------
CAR_COLORS: tuple[RGB, ...] = ((222, 222, 218), (162, 166, 170), (40, 42, 46), (118, 40, 42),
                               (72, 86, 104), (186, 172, 148))


@dataclass(frozen=True)
class Car:
    """A parked or moving car: centre (x, z), heading in degrees (0 = +z)."""

    x: float
    z: float
    heading: float
    color: RGB
    y: float = 0.0
    length: float = 4.6
    width: float = 1.82
    pitch_up: float = 0.0  # front raised (e.g. two wheels up on a kerb)


def car_shadow(p: Painter, c: Car) -> None:
    """Soft shadow under and beside a car."""
    hl, hw = c.length / 2 + 0.1, c.width / 2 + 0.1
    base = obox_verts(c.x, c.z, c.heading, (-hw, hw, -hl, hl, c.y))
    p.shadow_poly(base[:2] + base[5:3:-1], 215)
    body = obox_verts(c.x, c.z, c.heading, (-hw, hw, -hl, hl, c.y),
                      (-hw + 0.2, hw - 0.2, -hl + 1.2, hl - 1.8, c.y + 1.4))
    p.cast_shadow(body, 110, c.y)


def draw_car(p: Painter, c: Car) -> None:
    """Simple sedan: body, cabin with glass, wheels, lights and number plate."""
    hl, hw, y = c.length / 2, c.width / 2, c.y
    lift = c.pitch_up
    body = obox_verts(c.x, c.z, c.heading, (-hw, hw, -hl, hl, y + 0.3),
                      (-hw, hw, -hl + 0.05, hl - 0.1, y + 0.8))
    body = [(v[0], v[1] + lift * (0.5 + _along(c, v) / c.length), v[2]) for v in body]
    seen = p.solid(body, BOX_FACES, c.color)
    cabin = obox_verts(c.x, c.z, c.heading, (-hw + 0.06, hw - 0.06, -hl + 0.95, hl - 1.35, y + 0.8),
                       (-hw + 0.22, hw - 0.22, -hl + 1.3, hl - 2.0, y + 1.45))
    cabin = [(v[0], v[1] + lift * (0.5 + _along(c, v) / c.length), v[2]) for v in cabin]
    cab_seen = p.solid(cabin, BOX_FACES, c.color)
    for i in cab_seen:
        if i < 4:
            pts = [cabin[j] for j in BOX_FACES[i]]
            cen = centroid(pts)
            inset = [v_lerp(v, cen, 0.14 if i >= 2 else 0.1) for v in pts]
            p.poly(inset, mix(GLASS, SKY_HORIZON, 0.25 if i < 2 else 0.1))
    for i in cab_seen:
        if i in (2, 3):
            v = [cabin[j] for j in BOX_FACES[i]]
            p.line3d(v_lerp(v[0], v[1], 0.55), v_lerp(v[3], v[2], 0.5), c.color, 0.07)
    car_side_details(p, c, seen)
    for side, idx in ((-hw, 2), (hw, 3)):
        if idx in seen:
            for b in (-hl + 0.85, hl - 0.8):
                wheel(p, c, side * 1.003, b)
    car_lights(p, c, seen)


def car_side_details(p: Painter, c: Car, seen: list[int]) -> None:
    """Door seams and a dark sill strip on the visible side of a car."""
    hl, hw = c.length / 2, c.width / 2
    for a, idx in ((-hw * 1.004, 2), (hw * 1.004, 3)):
        if idx not in seen:
            continue

        def pt(b: float, y: float) -> Vec3:
            lift = c.pitch_up * (0.5 + b / c.length)
            return local_to_world(c.x, c.z, c.heading, a, c.y + lift + y, b)

        p.poly([pt(-hl + 0.1, 0.3), pt(hl - 0.15, 0.3), pt(hl - 0.15, 0.4), pt(-hl + 0.1, 0.4)],
               scale(c.color, 0.35))
        for b in (-0.55, 0.55):
            p.line3d(pt(b, 0.4), pt(b, 0.8), scale(c.color, 0.55), 0.012)
        p.line3d(pt(0.1, 0.68), pt(0.3, 0.68), scale(c.color, 0.5), 0.02)


def _along(c: Car, v: Vec3) -> float:
    """Signed distance of a world point along the car's heading from its centre."""
    h = math.radians(c.heading)
    return (v[0] - c.x) * math.sin(h) + (v[2] - c.z) * math.cos(h)


def wheel(p: Painter, c: Car, a: float, b: float) -> None:
    """Wheel with arch, tyre and rim on one side of the car."""
    lift = c.pitch_up * (0.5 + b / c.length)

    def ring(r: float, yc: float, t0: float = 0.0, t1: float = math.tau) -> list[Vec3]:
        return [local_to_world(c.x, c.z, c.heading, a, c.y + lift + yc + r * math.sin(t),
                               b + r * math.cos(t))
                for t in (t0 + (t1 - t0) * i / 18 for i in range(19))]

    p.poly(ring(0.39, 0.36, 0.0, math.pi), scale(c.color, 0.25))
    p.poly(ring(0.33, 0.33), (30, 30, 32))
    p.poly(ring(0.19, 0.33), (148, 150, 152))
    p.poly(ring(0.07, 0.33), (90, 92, 94))


def car_lights(p: Painter, c: Car, seen: list[int]) -> None:
    """Head/tail lights and a blue number plate on visible ends."""
    hw = c.width / 2
    ends = ((1, c.length / 2 - 0.1, (225, 225, 215)), (0, -c.length / 2, (170, 40, 36)))
    for idx, b, col in ends:
        if idx not in seen:
            continue
        bb = b + (0.002 if idx == 1 else -0.002)
        lift = c.pitch_up * (0.5 + bb / c.length)
        for a0 in (-hw + 0.1, hw - 0.45):
            quad = ((a0, 0.62), (a0 + 0.35, 0.62), (a0 + 0.35, 0.74), (a0, 0.74))
            p.poly([local_to_world(c.x, c.z, c.heading, a, c.y + lift + yy, bb)
                    for a, yy in quad], col)
        p.poly([local_to_world(c.x, c.z, c.heading, a, c.y + lift + yy, bb)
                for a, yy in ((-0.22, 0.38), (0.22, 0.38), (0.22, 0.52), (-0.22, 0.52))],
               (30, 70, 160))


# --------------------------------------------------------------------------
# Garbage, debris and rubble
# --------------------------------------------------------------------------
BAG_COLORS: tuple[RGB, ...] = ((36, 38, 40), (40, 42, 46), (48, 74, 56), (66, 92, 130),
                               (206, 206, 198), (196, 190, 170), (44, 46, 50), (30, 32, 34),
                               (52, 54, 58), (104, 74, 64))


def bag_sprite(R: float, color: RGB, rng: random.Random) -> Image.Image:
    """Shaded plastic/woven bag blob with a tied knot, as an RGBA sprite."""
    size = int(R * 3.2) + 6
    c = size / 2
    spr = Image.new("RGBA", (size, size), scale(color, 0.45) + (255,))
    d = ImageDraw.Draw(spr)
    for k in range(1, 7):
        t = k / 7
        rr = R * (1.0 - 0.8 * t)
        d.ellipse([c - R * 0.3 * t - rr, c - R * 0.35 * t - rr * 0.8,
                   c - R * 0.3 * t + rr, c - R * 0.35 * t + rr * 0.8],
                  fill=mix(scale(color, 0.45), scale(color, 1.25), t) + (255,))
    kx = c + rng.uniform(-0.3, 0.3) * R
    knot = [(kx - R * 0.1, c - R * 0.45), (kx - R * 0.16, c - R * 0.85),
            (kx + R * 0.14, c - R * 0.88), (kx + R * 0.1, c - R * 0.45)]
    d.polygon(knot, fill=scale(color, 0.9) + (255,))
    spr = spr.filter(ImageFilter.GaussianBlur(max(0.5, R * 0.12)))
    mask = Image.new("L", (size, size), 0)
    md = ImageDraw.Draw(mask)
    md.polygon(blob_outline(c, c + R * 0.15, R * rng.uniform(0.95, 1.15), R * 0.7, rng, 0.2, 26),
               fill=255)
    md.polygon(knot, fill=255)
    spr.putalpha(mask)
    hd = ImageDraw.Draw(spr)
    crease = scale(color, 0.5)
    for _ in range(rng.randint(2, 4)):
        x0, y0 = c + rng.uniform(-0.7, 0.5) * R, c + rng.uniform(-0.3, 0.6) * R
        hd.arc([x0, y0, x0 + R * rng.uniform(0.3, 0.7), y0 + R * rng.uniform(0.2, 0.5)],
               rng.uniform(180, 260), rng.uniform(300, 360), fill=crease + (255,),
               width=max(1, int(R * 0.04)))
    shine = scale(color, 1.5 if sum(color) < 300 else 1.08)
    for _ in range(rng.randint(1, 2)):
        sx, sy = c + rng.uniform(-0.6, 0.1) * R, c + rng.uniform(-0.5, 0.0) * R
        hd.line([(sx, sy), (sx + rng.uniform(0.1, 0.25) * R, sy + rng.uniform(0.1, 0.3) * R)],
                fill=shine + (255,), width=max(1, int(R * 0.035)))
    spr.putalpha(mask)
    return spr


def garbage_bag(p: Painter, x: float, z: float, r: float, color: RGB, rng: random.Random,
                y: float = 0.0) -> None:
    """A garbage bag of radius r (metres) sitting at (x, y, z)."""
    pr = p.proj((x, y + r * 0.78, z))
    if pr is None:
        return
    R = p.f * r / pr[2]
    if R < 1.5:
        return
    spr = bag_sprite(R, p.fogc(color, pr[2]), rng)
    p.paste_sprite(spr, pr[0] - spr.width / 2, pr[1] - spr.height / 2 - R * 0.1)


def bag_pile(x0: float, x1: float, z0: float, z1: float, n: int,
             rng: random.Random) -> list[tuple[float, float, float, float, RGB]]:
    """Random heap of bags as (x, y, z, r, colour), denser and higher towards x0."""
    bags = []
    for i in range(n):
        layer = 0 if i < n * 0.6 else (1 if i < n * 0.9 else 2)
        r = rng.uniform(0.22, 0.4)
        t = rng.random() ** (1 + layer)
        x = x0 + r + t * (x1 - x0 - 2 * r)
        bags.append((x, layer * 0.38, rng.uniform(z0, z1), r, rng.choice(BAG_COLORS)))
    return bags


def draw_bags(p: Painter, bags: Sequence[tuple[float, float, float, float, RGB]],
              rng: random.Random) -> None:
    """Draw a list of bags in painter's order (far first, then low first)."""
    for x, y, z, r, col in sorted(bags, key=lambda b: (-round(p.depth(b[:3]), 0), b[1])):
        garbage_bag(p, x, z, r, col, rng, y)


def bags_shadow(p: Painter, bags: Sequence[tuple[float, float, float, float, RGB]]) -> None:
    """Contact shadows under a heap of bags."""
    for x, y, z, r, _ in bags:
        if y == 0:
            p.shadow_ellipse(x + 0.1, z, r * 1.3, r * 1.1, 200)


def litter(p: Painter, x0: float, x1: float, z0: float, z1: float, n: int,
           rng: random.Random, y: float = 0.0) -> None:
    """Small scraps of paper, plastic and foam lying on the ground."""
    cols = ((214, 212, 204), (150, 70, 62), (96, 116, 150), (200, 200, 196), (150, 124, 92),
            (90, 120, 96), (60, 60, 62))
    for _ in range(n):
        x, z, s = rng.uniform(x0, x1), rng.uniform(z0, z1), rng.uniform(0.06, 0.22)
        a = rng.uniform(0, math.pi)
        pts = [(x + s * math.cos(a + k * 1.7) * rng.uniform(0.6, 1.2), y + 0.01,
                z + s * math.sin(a + k * 1.7) * rng.uniform(0.6, 1.2)) for k in range(4)]
        p.poly(pts, rng.choice(cols))


def cardboard(p: Painter, x: float, z: float, rng: random.Random, y: float = 0.0) -> None:
    """A battered cardboard box."""
    w, d, h = rng.uniform(0.4, 0.7), rng.uniform(0.3, 0.6), rng.uniform(0.25, 0.5)
    col = vary((160, 126, 88), rng, 0.1)
    p.solid(obox_verts(x, z, rng.uniform(-30, 30), (-w / 2, w / 2, -d / 2, d / 2, y),
                       (-w / 2, w / 2, -d / 2, d / 2, y + h)), BOX_FACES, col, 0.08)


def plank(p: Painter, base: Vec3, top: Vec3, width: float, color: RGB) -> None:
    """A board leaning from base to top, width measured along z."""
    t = 0.03
    verts = [v_add(base, (0, 0, -width / 2)), v_add(base, (t, 0, -width / 2)),
             v_add(top, (t, 0, -width / 2)), v_add(top, (0, 0, -width / 2)),
             v_add(base, (0, 0, width / 2)), v_add(base, (t, 0, width / 2)),
             v_add(top, (t, 0, width / 2)), v_add(top, (0, 0, width / 2))]
    p.solid(verts, BOX_FACES, color, 0.1, "streak")


RUBBLE: tuple[RGB, ...] = ((150, 146, 138), (128, 124, 118), (140, 136, 128), (150, 104, 88),
                           (128, 88, 74), (176, 172, 164), (100, 94, 86), (166, 160, 150))


def mound(p: Painter, x: float, z: float, w: float, h: float, rng: random.Random,
          base: RGB = (132, 124, 112), chunks: int = 160, net: float = 0.0) -> None:
    """Heap of construction waste (bricks, concrete chunks, dust), optionally netted."""
    b, t = p.proj((x, 0, z)), p.proj((x, h, z))
    if b is None or t is None:
        return
    ws, hs = p.f * w / b[2], b[1] - t[1]
    sw, sh = int(ws * 1.1) + 8, int(hs * 1.25) + 8
    outline = _mound_outline(sw, sh, ws, hs, rng)
    mask = Image.new("L", (sw, sh), 0)
    ImageDraw.Draw(mask).polygon(outline, fill=255)
    spr = _mound_body(p, sw, sh, p.fogc(base, b[2]), b)
    d = ImageDraw.Draw(spr)
    _mound_chunks(d, mask, sw, sh, hs, chunks, rng, lambda c: p.fogc(mix(c, base, 0.25), b[2]))
    _mound_sticks(d, mask, sw, sh, hs, rng, lambda c: p.fogc(c, b[2]))
    if net > 0:
        _mound_net(spr, sw, sh, net, rng, p.fogc((54, 112, 68), b[2]))
    spr.putalpha(mask)
    p.paste_sprite(spr.filter(ImageFilter.GaussianBlur(0.5)), b[0] - sw / 2, b[1] - sh + 4)


def _mound_outline(sw: int, sh: int, ws: float, hs: float, rng: random.Random) -> list[Pt]:
    """Lumpy heap silhouette in sprite coordinates (base on the bottom edge)."""
    pts = [((sw - ws) / 2, sh - 4.0)]
    n = 40
    ph = [rng.uniform(0, 6) for _ in range(3)]
    for i in range(1, n):
        t = i / n
        bump = math.sin(math.pi * t) ** 0.8 * (1 + 0.08 * math.sin(9 * t + ph[0])
                                               + 0.05 * math.sin(23 * t + ph[1]))
        pts.append(((sw - ws) / 2 + t * ws, sh - 4 - hs * bump * rng.uniform(0.95, 1.03)))
    pts.append(((sw + ws) / 2, sh - 4.0))
    return pts


def _mound_body(p: Painter, sw: int, sh: int, base: RGB,
                b: tuple[float, float, float]) -> Image.Image:
    """Dusty textured fill of a heap, lit from the upper left."""
    x0, y0 = max(0, int(b[0] - sw / 2)), max(0, int(b[1] - sh))
    noise = p.noise.get("fine").crop((x0, y0, x0 + sw, y0 + sh))
    spr = Image.composite(Image.new("RGB", (sw, sh), scale(base, 1.2)),
                          Image.new("RGB", (sw, sh), scale(base, 0.75)), noise)
    side = Image.linear_gradient("L").rotate(90).resize((sw, sh)).point(lambda v: int(v * 0.35))
    spr.paste(scale(base, 0.6), (0, 0, sw, sh), side)
    low = Image.linear_gradient("L").resize((sw, sh)).point(lambda v: int(max(0, v - 150) * 0.8))
    spr.paste(scale(base, 0.55), (0, 0, sw, sh), low)
    return spr.convert("RGBA")


def _mound_chunks(d: ImageDraw.ImageDraw, mask: Image.Image, sw: int, sh: int, hs: float,
                  n: int, rng: random.Random, fog: Callable[[RGB], RGB]) -> None:
    """Bricks and concrete fragments scattered over a heap sprite."""
    tries = n * 4
    while n > 0 and tries > 0:
        tries -= 1
        cx, cy = rng.uniform(0, sw - 1), rng.uniform(0, sh - 1)
        if mask.getpixel((int(cx), int(cy))) == 0:
            continue
        n -= 1
        s = hs * rng.uniform(0.012, 0.045)
        col = fog(rng.choice(RUBBLE))
        k = 1.15 - 0.35 * (cx / sw)
        pts = blob_outline(cx, cy, s * rng.uniform(1, 1.7), s, rng, 0.3, 6)
        d.polygon([(x + s * 0.3, y + s * 0.35) for x, y in pts], fill=scale(col, 0.5))
        d.polygon(pts, fill=scale(col, k))


def _mound_sticks(d: ImageDraw.ImageDraw, mask: Image.Image, sw: int, sh: int, hs: float,
                  rng: random.Random, fog: Callable[[RGB], RGB]) -> None:
    """Bits of rebar and broken boards sticking out of a heap."""
    for _ in range(int(6 + sw / 120)):
        cx, cy = rng.uniform(0, sw - 1), rng.uniform(0, sh - 1)
        if mask.getpixel((int(cx), int(cy))) == 0:
            continue
        ln, ang = hs * rng.uniform(0.1, 0.3), rng.uniform(-2.6, -0.5)
        end = (cx + math.cos(ang) * ln, cy + math.sin(ang) * ln)
        wood = rng.random() < 0.5
        d.line([(cx, cy), end], fill=fog((130, 104, 78) if wood else (92, 64, 50)),
               width=max(1, int(hs * (0.025 if wood else 0.008))))


def _mound_net(spr: Image.Image, sw: int, sh: int, cover: float, rng: random.Random,
               color: RGB) -> None:
    """Green dust-screen net draped over the right part of a heap."""
    net = Image.new("L", (sw, sh), 0)
    nd = ImageDraw.Draw(net)
    left = [(sw * (1 - cover) + sw * 0.12 * math.sin(t * 5 + 1) + (t - 0.5) * sw * 0.2, t * sh)
            for t in (i / 12 for i in range(13))]
    nd.polygon(left + [(sw, sh), (sw, 0)], fill=185)
    mesh = Image.new("L", (sw, sh), 0)
    md = ImageDraw.Draw(mesh)
    for x in range(-sh, sw, 4):
        md.line([(x, 0), (x + sh, sh)], fill=70)
        md.line([(x + sh, 0), (x, sh)], fill=70)
    layer = Image.new("RGB", (sw, sh), color)
    layer.paste(scale(color, 1.3), (0, 0, sw, sh), mesh)
    shade = Image.linear_gradient("L").rotate(90).resize((sw, sh)).point(lambda v: int(v * 0.45))
    layer.paste(scale(color, 0.55), (0, 0, sw, sh), shade)
    ld = ImageDraw.Draw(layer)
    for _ in range(6):
        x = rng.uniform(sw * (1 - cover), sw)
        ld.line([(x, 0), (x + rng.uniform(-0.2, 0.2) * sw, sh)], fill=scale(color, 0.5),
                width=max(1, sw // 150))
    spr.paste(layer, (0, 0), net)


# --------------------------------------------------------------------------
# Fences, small ads, graffiti, cables, sheds
# --------------------------------------------------------------------------
def railing(p: Painter, pl: Plane, a0: float, a1: float, height: float, rng: random.Random,
            color: RGB = (44, 62, 52), damage: float = 0.0, y: float = 0.0) -> None:
    """Iron railing along a plane; damage 0..1 adds missing, bent and rusty bars."""
    post, bar = 2.0, 0.14
    a = a0
    panels = []
    while a < a1 - 1e-6:
        panels.append((a, min(a1, a + post)))
        a += post
    panels.sort(key=lambda q: -p.depth(pl.at((q[0] + q[1]) / 2, 0)))
    for pa, pb in panels:
        tilt = damage > 0 and rng.random() < damage * 0.35
        _railing_panel(p, pl, pa, pb, height, bar, color, rng, damage, tilt, y)


def _railing_panel(p: Painter, pl: Plane, pa: float, pb: float, height: float, bar: float,
                   color: RGB, rng: random.Random, damage: float, tilt: bool, y: float) -> None:
    """One railing panel between two posts."""
    lean = rng.uniform(0.35, 0.6) if tilt else 0.0

    def pt(a: float, b: float) -> Vec3:
        return pl.at(a, y + b * math.cos(lean), b * math.sin(lean))

    p.box(*_post_box(pl, pb, height + 0.1, y), scale(color, 1.1))
    for b in (0.12, height - 0.1):
        sag = 0.12 if tilt else 0.0
        p.polyline3d([pt(pa, b), pt((pa + pb) / 2, b - sag), pt(pb, b)], _rusty(color, rng, damage),
                     0.035)
    n = int((pb - pa) / bar)
    for i in range(1, n):
        a = pa + i * (pb - pa) / n
        r = rng.random()
        if damage and r < damage * 0.3:
            continue  # missing bar
        col = _rusty(color, rng, damage)
        if damage and r < damage * 0.55:
            kink = rng.uniform(0.3, 0.7) * height
            off = rng.uniform(-0.25, 0.25)
            p.polyline3d([pt(a, 0.05), pt(a + off * 0.3, kink), pl.at(a + off, y + height * 0.9,
                                                                     rng.uniform(0.1, 0.4))],
                         col, 0.022)
            continue
        p.line3d(pt(a, 0.05), pt(a, height + 0.06), col, 0.022)
        p.line3d(pt(a, height + 0.06), pt(a, height + 0.14), col, 0.03)


def _post_box(pl: Plane, a: float, height: float, y: float) -> tuple[float, ...]:
    """Axis-aligned box bounds of a square fence post at position a on a plane."""
    c = pl.at(a, 0)
    return (c[0] - 0.05, c[0] + 0.05, y, y + height, c[2] - 0.05, c[2] + 0.05)


def _rusty(color: RGB, rng: random.Random, damage: float) -> RGB:
    """Paint colour, rusted at random when the fence is damaged."""
    if damage and rng.random() < damage * 0.6:
        return mix(color, RUST, rng.uniform(0.4, 0.9))
    return color


def fake_text(p: Painter, pl: Plane, a: float, b: float, cell: float, chars: int,
              color: RGB, rng: random.Random, d: float = 0.015, width: float = 0.0) -> None:
    """Row of illegible character-like stroke groups (no real text)."""
    width = width or cell * 0.09
    for k in range(chars):
        ca = a + k * cell * 1.1
        for _ in range(rng.randint(3, 5)):
            kind = rng.random()
            x0, y0 = ca + rng.uniform(0, 0.6) * cell, b + rng.uniform(0.1, 0.9) * cell
            if kind < 0.45:
                x1, y1 = x0 + rng.uniform(0.3, 0.8) * cell, y0
            elif kind < 0.8:
                x1, y1 = x0, y0 - rng.uniform(0.3, 0.8) * cell
            else:
                x1, y1 = x0 + rng.uniform(-0.4, 0.4) * cell, y0 - rng.uniform(0.3, 0.6) * cell
            p.line3d(pl.at(x0, y0, d), pl.at(min(x1, ca + cell), max(y1, b), d), color, width)


def small_ads(p: Painter, pl: Plane, a0: float, a1: float, b0: float, b1: float, n: int,
              rng: random.Random) -> None:
    """Illegally posted small paper ads (小广告), some torn, with fake text."""
    papers = ((236, 234, 226), (236, 222, 140), (226, 170, 170), (200, 220, 236),
              (240, 240, 236), (250, 200, 120))
    for _ in range(n):
        w, h = rng.uniform(0.14, 0.36), rng.uniform(0.1, 0.26)
        a, b = rng.uniform(a0, a1 - w), rng.uniform(b0, b1 - h)
        col = rng.choice(papers)
        if rng.random() < 0.3:  # torn remnant
            pts = blob_outline(a + w / 2, b + h / 2, w / 2, h / 2, rng, 0.45, 9)
            p.poly([pl.at(x, y, 0.01) for x, y in pts], p.shade(scale(col, 0.9), pl.n))
            continue
        p.prect(pl, a, a + w, b, b + h, col, d=0.01)
        ink = rng.choice(((30, 30, 34), (170, 30, 30), (30, 50, 130)))
        for row in range(int(h / 0.06)):
            fake_text(p, pl, a + 0.02, b + h - 0.06 * (row + 1), 0.045,
                      int((w - 0.03) / 0.05), ink, rng, 0.012, 0.006)


def spray_ad(p: Painter, pl: Plane, a: float, b: float, rng: random.Random,
             color: RGB = (30, 30, 34)) -> None:
    """Spray-painted ad (e.g. "办证 + phone number"): big sloppy fake characters."""
    fake_text(p, pl, a, b, 0.22, rng.randint(2, 3), color, rng, 0.012, 0.035)
    fake_text(p, pl, a, b - 0.22, 0.13, rng.randint(8, 11), color, rng, 0.012, 0.022)


def graffiti(p: Painter, pl: Plane, a: float, b: float, w: float, h: float, color: RGB,
             rng: random.Random, strokes: int = 3) -> None:
    """Looping spray-paint scribble."""
    for _ in range(strokes):
        pts = []
        ph = rng.uniform(0, 6)
        for i in range(40):
            t = i / 39
            x = a + t * w + 0.12 * w * math.sin(9 * t + ph)
            y = b + h * (0.5 + 0.45 * math.sin(13 * t + ph) * math.cos(3 * t))
            pts.append(pl.at(x, y, 0.012))
        p.polyline3d(pts, color, 0.035)


def cable(p: Painter, a: Vec3, b: Vec3, sag: float, color: RGB = (28, 28, 30),
          width: float = 0.018, n: int = 18) -> None:
    """Sagging overhead cable between two points."""
    pts = []
    for i in range(n + 1):
        t = i / n
        q = v_lerp(a, b, t)
        pts.append((q[0], q[1] - sag * 4 * t * (1 - t), q[2]))
    p.polyline3d(pts, color, width, 1.5)


def cable_coil(p: Painter, c: Vec3, r: float, rng: random.Random, loops: int = 4) -> None:
    """Loose coil of spare cable hanging from a pole."""
    for _ in range(loops):
        rr = r * rng.uniform(0.7, 1.1)
        pts = [(c[0] + rr * 0.4 * math.cos(t), c[1] - rr * (1 - math.cos(t)) * 0.9,
                c[2] + rr * math.sin(t) * 0.8) for t in (math.tau * i / 16 for i in range(17))]
        p.polyline3d(pts, (30, 30, 32), 0.015, 1.5)


def corrugated(p: Painter, pl: Plane, a0: float, a1: float, b0: float, b1: float,
               color: RGB, step: float = 0.18) -> None:
    """Corrugated steel panel wall (彩钢板)."""
    p.prect(pl, a0, a1, b0, b1, color, tex=0.05)
    a = a0 + step
    dark = p.shade(scale(color, 0.78), pl.n)
    while a < a1:
        p.line3d(pl.at(a, b0, 0.01), pl.at(a, b1, 0.01), dark, 0.025)
        a += step


def steel_shed(p: Painter, x0: float, x1: float, z0: float, z1: float, height: float,
               rng: random.Random, wall: RGB = (78, 122, 172), roof: RGB = (52, 102, 168)) -> None:
    """Makeshift steel-sheet shed (违建彩钢房) with a blue mono-pitch roof."""
    drawn = p.box(x0, x1, 0, height, z0, z1, wall)
    for i in drawn:
        if i < 4:
            name = ("front", "back", "left", "right")[i]
            pl, length = face_plane(name, x0, x1, z0, z1)
            corrugated(p, pl, 0, length, 0, height, wall)
            if name == "front":
                p.prect(pl, length * 0.15, length * 0.15 + 0.95, 0, 2.0, (70, 90, 110), d=0.02)
                window(p, pl, length * 0.55, 1.0, 1.2, 0.9, rng, (200, 204, 206), bars=True)
            p.prect(pl, 0, length, height - 0.3, height, (214, 216, 214), d=0.03)
    roof_v = [(x0 - 0.3, height + 0.05, z0 - 0.4), (x1 + 0.3, height + 0.05, z0 - 0.4),
              (x1 + 0.3, height + 0.55, z1 + 0.3), (x0 - 0.3, height + 0.55, z1 + 0.3)]
    thick = [(v[0], v[1] + 0.08, v[2]) for v in roof_v]
    p.solid(roof_v + thick, ((0, 1, 2, 3), (4, 5, 6, 7), (0, 1, 5, 4), (1, 2, 6, 5),
                             (2, 3, 7, 6), (3, 0, 4, 7)), roof)
    for k in range(1, int((x1 - x0 + 0.6) / 0.25)):
        x = x0 - 0.3 + k * 0.25
        p.line3d((x, height + 0.14, z0 - 0.4), (x, height + 0.64, z1 + 0.3), scale(roof, 0.7),
                 0.02)


# --------------------------------------------------------------------------
# Pair 1: back alley with piled garbage -> clean alley
# --------------------------------------------------------------------------
def alley_base(p: Painter, rng: random.Random) -> None:
    """Sky, buildings, walls and ground of the back alley (shared by both photos)."""
    p.sky(rng, clouds=3)
    p.ground(-30, 30, 0, 90, CONCRETE, tex=0.08, grain="stone")
    building(p, -30, 30, 78, 88, 24, (190, 186, 178), rng, FacadeStyle(balconies=True))
    building(p, -40, -12, 12, 70, 18, (198, 184, 162), rng,
             FacadeStyle(balconies=True, ac_prob=0.25))
    building(p, 2.2, 20, 36, 64, 13, RED_BRICK, rng, FacadeStyle(bar_floors=2))
    building(p, 2.2, 20, -3, 32, 15.5, (186, 176, 160), rng,
             FacadeStyle(bar_floors=2, floor_h=3.0, ac_prob=0.45))
    right = Plane((2.2, 0, 32), (0, 0, -1), (-1, 0, 0))
    for z, col in ((6.0, (64, 84, 74)), (19.0, (96, 70, 56))):
        p.prect(right, 32 - z - 0.6, 32 - z + 0.6, 0, 2.15, col, d=0.03, tex=0.06)
        p.prect(right, 32 - z - 0.7, 32 - z + 0.7, 2.15, 2.3, (150, 150, 146), d=0.08)
    p.prect(right, 0, 35, 0, 0.5, (120, 118, 114), d=0.01, tex=0.1, segs=6)
    p.cylinder(2.12, 10.5, 0.06, 0, 15.5, (150, 150, 146))
    p.cylinder(2.12, 24.0, 0.06, 0, 15.5, (150, 150, 146))


def alley_left_wall(p: Painter, clean: bool) -> None:
    """Courtyard wall on the left with a tiled coping; stained unless clean."""
    pl = Plane((-2.2, 0, -2), (0, 0, 1), (1, 0, 0))
    col = (168, 168, 164) if clean else (136, 134, 130)
    wall_run(p, pl, 0, 80, 2.7, col, cap=(84, 88, 92), tex=0.04 if clean else 0.1,
             grain="mid" if clean else "streak")
    p.prect(pl, 0, 80, 0, 0.35, scale(col, 0.8), d=0.01, tex=0.1, segs=10)
    if not clean:
        stain = random.Random(5)
        for _ in range(14):
            a = stain.uniform(3, 20)
            p.prect(pl, a, a + stain.uniform(0.3, 1.5), 0.3, stain.uniform(0.6, 1.6),
                    (96, 94, 86), d=0.005, tex=0.2, grain="streak")


def alley_ground_details(p: Painter, rng: random.Random) -> None:
    """Slab joints, a drain cover and patched concrete."""
    z = 1.5
    while z < 60:
        p.line3d((-2.2, 0, z), (2.2, 0, z), (118, 116, 110), 0.015)
        z += 3.0
    p.line3d((0.0, 0, 0.5), (0.0, 0, 70), (124, 122, 116), 0.02)
    p.ground_blob(0.9, 8.5, 0.32, 0.32, (70, 70, 70), random.Random(3), jag=0.0)


def alley_wires(p: Painter) -> None:
    """Overhead wires running along and across the alley."""
    for y, sag in ((6.2, 0.6), (6.5, 0.8), (7.0, 0.5)):
        cable(p, (2.1, y, 0.5), (2.1, y - 0.4, 30), sag)
    cable(p, (2.1, 7.0, 12), (-9, 9.5, 22), 0.9)
    cable(p, (2.1, 6.4, 26), (-9, 8.0, 30), 0.5)


def alley_junk(p: Painter, rng: random.Random) -> None:
    """Garbage heap, boxes, a discarded sofa and boards along the left wall."""
    for _ in range(10):
        p.ground_blob(rng.uniform(-2.1, 0.5), rng.uniform(2.5, 16), rng.uniform(0.3, 0.9),
                      rng.uniform(0.4, 1.4), (108, 102, 90), rng, 0.003, tex=0.2, soft=0.04)
    bags = bag_pile(-2.2, -0.4, 4.5, 11.5, 46, rng)
    bags_shadow(p, bags)
    p.shadow_poly([(-2.2, 0, 12.4), (-1.2, 0, 12.4), (-1.2, 0, 14.8), (-2.2, 0, 14.8)], 200)
    p.apply_shadows(blur=5, strength=0.5)
    plank(p, (-1.55, 0, 16.2), (-2.15, 2.1, 16.3), 0.28, (128, 112, 92))
    plank(p, (-1.45, 0, 16.7), (-2.15, 1.9, 16.6), 0.22, (146, 126, 98))
    sofa(p, -2.15, 12.5, rng)
    for x, z in ((-1.3, 12.0), (-0.6, 11.6), (-1.7, 4.2), (-0.9, 3.8), (-1.6, 3.2)):
        cardboard(p, x, z, rng)
    draw_bags(p, bags, rng)
    litter(p, -2.0, 1.2, 2.5, 17, 40, rng)
    for x, z in ((0.2, 6.0), (-0.2, 9.8), (0.6, 13.0)):
        garbage_bag(p, x, z, 0.26, rng.choice(BAG_COLORS), rng)


def sofa(p: Painter, x_wall: float, z0: float, rng: random.Random) -> None:
    """Discarded fabric sofa standing against a wall (seat facing +x)."""
    fab = (128, 86, 66)
    p.box(x_wall, x_wall + 0.25, 0.1, 0.9, z0, z0 + 2.0, fab, 0.12)
    p.box(x_wall, x_wall + 0.9, 0.1, 0.65, z0 + 1.8, z0 + 2.0, scale(fab, 0.95), 0.12)
    p.box(x_wall + 0.2, x_wall + 0.9, 0.1, 0.45, z0 + 0.2, z0 + 1.8, scale(fab, 1.05), 0.12)
    p.box(x_wall, x_wall + 0.9, 0.1, 0.65, z0, z0 + 0.2, scale(fab, 0.95), 0.12)
    p.box(x_wall + 0.3, x_wall + 0.85, 0.45, 0.6, z0 + 0.9, z0 + 1.7, (150, 120, 96), 0.12)


def alley_tidy(p: Painter, rng: random.Random) -> None:
    """Planters along the freshly painted wall."""
    for z0 in (5.0, 10.0, 15.0):
        p.shadow_poly([(-2.2, 0, z0), (-1.4, 0, z0), (-1.4, 0, z0 + 2.6), (-2.2, 0, z0 + 2.6)], 150)
    p.apply_shadows(blur=5, strength=0.5)
    for z0 in (15.0, 10.0, 5.0):
        planter(p, -2.15, -1.5, z0, z0 + 2.4, rng)


def pair1(fixed: bool) -> Painter:
    """Back alley (背街小巷): garbage along the wall, or cleaned up."""
    cam = Camera(pos=(0.5, 1.55, 0.0), yaw=-4, focal=0.72, horizon=0.5)
    p = Painter(cam, seed=101, fog_dist=200)
    rng = random.Random(11)
    alley_base(p, rng)
    alley_ground_details(p, rng)
    alley_left_wall(p, fixed)
    p.cast_shadow([(-2.2, 0, -2), (-2.2, 0, 80), (-2.2, 2.8, -2), (-2.2, 2.8, 80)], 140)
    p.apply_shadows(blur=8, strength=0.4)
    alley_wires(p)
    if fixed:
        alley_tidy(p, random.Random(12))
    else:
        alley_junk(p, random.Random(13))
    return p


# --------------------------------------------------------------------------
# Shared scene helpers
# --------------------------------------------------------------------------
def draw_sorted(p: Painter, items: Sequence[tuple[Vec3, Callable[[], None]]]) -> None:
    """Call drawing functions far-to-near by the depth of their anchor point."""
    for _, fn in sorted(items, key=lambda it: -p.depth(it[0])):
        fn()


def shopfront(p: Painter, pl: Plane, a0: float, a1: float, rng: random.Random) -> None:
    """Ground-floor shop: glass front, door, coloured sign band with fake lettering."""
    signs = ((150, 44, 40), (40, 80, 140), (44, 110, 80), (190, 150, 60), (120, 60, 100))
    sign = rng.choice(signs)
    p.prect(pl, a0 + 0.2, a1 - 0.2, 3.0, 3.8, sign, d=0.12)
    fake_text(p, pl, a0 + 0.6, 3.17, 0.46, int((a1 - a0 - 1.2) / 0.52), (236, 232, 220), rng,
              0.13, 0.035)
    p.prect(pl, a0 + 0.3, a1 - 0.3, 0.3, 2.8, (168, 170, 170), d=0.03)
    p.prect(pl, a0 + 0.4, a1 - 0.4, 0.4, 2.7, rng.choice(GLASS_TONES), d=0.04, lit=False)
    for k in range(1, int((a1 - a0) / 1.4)):
        aa = a0 + 0.4 + k * 1.4
        p.prect(pl, aa - 0.04, aa + 0.04, 0.4, 2.7, (168, 170, 170), d=0.05)


def shops_row(p: Painter, x: float, z0: float, z1: float, rng: random.Random) -> None:
    """Row of shop fronts on a wall facing +x, drawn far to near."""
    pl = Plane((x, 0, z1), (0, 0, -1), (1, 0, 0))
    spans = []
    a = 0.0
    while a < z1 - z0 - 3:
        w = rng.uniform(4.5, 8.0)
        spans.append((a, min(z1 - z0, a + w), random.Random(rng.randrange(1 << 30))))
        a += w
    for a0, a1, r in spans:
        shopfront(p, pl, a0, a1, r)


def lane_marks(p: Painter, x: float, z0: float, z1: float, dash: float = 4.0,
               gap: float = 6.0, color: RGB = (214, 214, 206), width: float = 0.15) -> None:
    """Dashed (gap > 0) or solid (gap == 0) road marking along z."""
    z = z0
    while z < z1:
        zb = z1 if gap == 0 else min(z1, z + dash)
        p.ground(x - width / 2, x + width / 2, z, zb, color, y=0.005)
        z = zb + gap if gap else z1


def bench(p: Painter, x: float, z: float, rng: random.Random, along_z: bool = True) -> None:
    """Park bench: two legs and a wooden seat."""
    hl, hw = (0.9, 0.25) if along_z else (0.25, 0.9)
    legs = (72, 74, 76)
    for s in (-1, 1):
        lx, lz = (x, z + s * 0.7) if along_z else (x + s * 0.7, z)
        p.box(lx - 0.04 - (0.2 if along_z else 0), lx + 0.04 + (0.2 if along_z else 0), 0, 0.42,
              lz - 0.04 - (0 if along_z else 0.2), lz + 0.04 + (0 if along_z else 0.2), legs)
    p.box(x - hw, x + hw, 0.42, 0.48, z - hl, z + hl, (150, 110, 76), 0.1, "streak")


# --------------------------------------------------------------------------
# Pair 2: wall with small ads and a broken railing -> repainted, repaired
# --------------------------------------------------------------------------
def street_base(p: Painter, rng: random.Random) -> None:
    """Road, far side of the street and the compound behind the wall."""
    p.sky(rng, clouds=4)
    p.ground(-80, 80, 0, 160, ASPHALT, tex=0.08, grain="stone")
    building(p, 16, 40, 26, 60, 18, (196, 190, 180), rng, FacadeStyle(balconies=True))
    building(p, 16, 40, 66, 110, 26, (176, 184, 190), rng, FacadeStyle())
    building(p, -60, -15, 20, 55, 16, (212, 206, 192), rng,
             FacadeStyle(ac_prob=0.1, win_w=2.2, bay=3.8))
    trees = random.Random(rng.randrange(1 << 30))
    for z in range(6, 70, 7):
        tree(p, -9.5 + trees.uniform(-1, 1), z, 8.5, 2.6, trees)
    for z in range(4, 90, 8):
        tree(p, 13.0, z, 7.5, 2.3, trees)
    lane_marks(p, 5.3, 0, 120)
    lane_marks(p, 9.2, 0, 120, gap=0, color=(200, 170, 70), width=0.12)


def wall_and_strip(p: Painter, fixed: bool, rng: random.Random) -> Plane:
    """Sidewalk, the enclosure wall with pillars and the green strip; returns wall plane."""
    tiles(p, -4.0, 1.5, 0, 120, 0.5, PAVER, rng)
    curb(p, 1.55, 0, 120)
    pl = Plane((-5.6, 0, -2), (0, 0, 1), (1, 0, 0))
    col = (216, 210, 196) if fixed else (186, 178, 162)
    wall_run(p, pl, 0, 100, 2.6, col, cap=(120, 96, 84), tex=0.03 if fixed else 0.12,
             grain="mid" if fixed else "streak")
    p.prect(pl, 0, 100, 0, 0.45, (128, 128, 126) if fixed else (112, 106, 96), d=0.01,
            tex=0.08, segs=12)
    for a in range(4, 100, 4):
        p.box(-5.6, -5.42, 0, 2.75, a - 2.2, a - 1.8, scale(col, 0.97), 0.04,
              colors={5: (120, 96, 84)})
    p.ground(-5.6, -4.0, 0, 100, SOIL, y=0.02, tex=0.15)
    hedge(p, -5.3, -4.3, 0, 100, 0.55, rng)
    return pl


def wall_vandalism(p: Painter, pl: Plane, rng: random.Random) -> None:
    """Stains, small ads, spray-painted ads and scribbles on the wall."""
    for _ in range(18):
        a = rng.uniform(2, 28)
        p.prect(pl, a, a + rng.uniform(0.4, 2.0), 0.4, rng.uniform(1.0, 2.4), (150, 140, 122),
                d=0.004, tex=0.25, grain="streak")
    for a0 in range(2, 30, 4):
        small_ads(p, pl, a0 + 0.25, a0 + 3.75, 0.6, 2.4, 26, rng)
    for a, b in ((3.2, 2.1), (7.6, 1.6), (12.3, 2.2), (17.0, 1.7), (22.5, 2.0)):
        spray_ad(p, pl, a, b, rng, rng.choice(((30, 30, 34), (150, 30, 30))))
    graffiti(p, pl, 9.0, 0.7, 2.2, 1.0, (40, 60, 140), rng)
    graffiti(p, pl, 19.5, 0.8, 1.8, 1.1, (160, 40, 40), rng, 2)


def fallen_panel(p: Painter, x: float, z0: float, z1: float, color: RGB) -> None:
    """A railing panel lying flat on the pavement."""
    for dx in (0.0, 0.9):
        p.line3d((x + dx, 0.02, z0), (x + dx + 0.1, 0.02, z1), color, 0.035)
    n = int((z1 - z0) / 0.14)
    for i in range(n + 1):
        z = z0 + i * (z1 - z0) / n
        p.line3d((x, 0.02, z), (x + 1.05, 0.02, z + 0.05), color, 0.022)


def pair2(fixed: bool) -> Painter:
    """Street wall (围墙) with small ads and a broken railing, or cleaned and repaired."""
    cam = Camera(pos=(0.2, 1.6, 0.0), yaw=-26, focal=0.9, horizon=0.5)
    p = Painter(cam, seed=202, sun=(0.6, 0.6, -0.45))
    rng = random.Random(21)
    street_base(p, rng)
    pl = wall_and_strip(p, fixed, random.Random(22))
    fence = Plane((-4.0, 0, -2), (0, 0, 1), (1, 0, 0))
    if fixed:
        railing(p, fence, 4, 100, 1.1, random.Random(23), color=(36, 70, 52))
    else:
        wall_vandalism(p, pl, random.Random(24))
        railing(p, fence, 22, 100, 1.1, random.Random(25), color=(60, 70, 62), damage=0.15)
        railing(p, fence, 4, 22, 1.1, random.Random(26), color=(60, 70, 62), damage=0.7)
        fallen_panel(p, -3.6, 8.5, 10.4, mix((60, 70, 62), RUST, 0.5))
        litter(p, -3.9, 0.8, 3, 20, 18, random.Random(27))
    return p


# --------------------------------------------------------------------------
# Pair 3: cars parked on a roadside green belt -> grass restored, bollards
# --------------------------------------------------------------------------
BELT_X0, BELT_X1 = -9.3, -4.5


def greenbelt_base(p: Painter, rng: random.Random) -> None:
    """Road, opposite side, shops and sidewalk around the green belt."""
    p.sky(rng, clouds=3)
    p.ground(-80, 80, 0, 200, ASPHALT, tex=0.08, grain="stone")
    building(p, 15, 40, 12, 46, 20, (188, 182, 172), rng, FacadeStyle(balconies=True))
    building(p, 15, 40, 52, 90, 26, (200, 196, 188), rng, FacadeStyle())
    building(p, -30, 30, 170, 180, 30, (186, 190, 194), rng, FacadeStyle(balconies=True))
    building(p, -40, -17, 34, 80, 16, (198, 190, 176), rng, FacadeStyle(skip_ground=True))
    building(p, -40, -17, -5, 30, 13, BEIGE, rng, FacadeStyle(skip_ground=True, ac_prob=0.4))
    shops_row(p, -17, 34, 80, rng)
    shops_row(p, -17, -5, 30, rng)
    tiles(p, 7.6, 13, 0, 150, 0.5, PAVER, rng)
    curb(p, 7.55, 0, 150)
    trees = random.Random(rng.randrange(1 << 30))
    for z in range(60, 2, -8):
        tree(p, 10.0, z, 7.0, 2.2, trees)
    lane_marks(p, 1.5, 0, 150)
    lane_marks(p, 7.2, 0, 150, gap=0, width=0.12)
    lane_marks(p, -4.2, 0, 150, gap=0, width=0.12)
    tiles(p, -17, BELT_X0, 0, 150, 0.5, PAVER, rng)


def belt_ground(p: Painter, fixed: bool, rng: random.Random) -> None:
    """The belt itself: kerbs and grass, worn to soil when cars park on it."""
    curb(p, BELT_X0, 0, 150)
    curb(p, BELT_X1, 0, 150)
    if fixed:
        grass_field(p, BELT_X0 + 0.08, BELT_X1 - 0.08, 0, 150, rng, y=0.12)
    else:
        p.ground(BELT_X0 + 0.08, BELT_X1 - 0.08, 0, 150, mix(SOIL, GRASS_DRY, 0.3), y=0.12,
                 tex=0.2)
        for _ in range(40):
            p.ground_blob(rng.uniform(BELT_X0, BELT_X1), rng.uniform(0, 60), rng.uniform(0.3, 0.9),
                          rng.uniform(0.5, 1.6), vary(mix(GRASS, GRASS_DRY, 0.6), rng, 0.1),
                          rng, 0.122)
        for x in (-7.6, -6.0):
            for z0 in (2.0, 10.0, 18.0):
                p.ground(x - 0.12, x + 0.12, z0, z0 + 6.5, scale(SOIL, 0.75), y=0.123)


def belt_trees(rng: random.Random) -> list[tuple[float, float]]:
    """Tree positions in the belt."""
    return [(-6.9 + rng.uniform(-0.2, 0.2), z) for z in (1.5, 9.0, 16.5, 24.0, 31.5, 39.0,
                                                         46.5, 54.0, 61.5)]


def pair3(fixed: bool) -> Painter:
    """Roadside green belt (绿化带) with cars parked on it, or restored with bollards."""
    cam = Camera(pos=(-11.2, 1.6, -1.0), yaw=16, focal=0.9, horizon=0.5)
    p = Painter(cam, seed=303)
    rng = random.Random(31)
    greenbelt_base(p, rng)
    belt_ground(p, fixed, random.Random(32))
    trees = belt_trees(random.Random(33))
    cars = [Car(-6.9, 5.3, 4, CAR_COLORS[0], y=0.12), Car(-6.7, 12.8, -3, CAR_COLORS[4], y=0.12),
            Car(-7.0, 20.3, 2, CAR_COLORS[2], y=0.12), Car(-6.8, 27.8, 0, CAR_COLORS[1], y=0.12)]
    moving = [Car(3.3, 22.0, 0, CAR_COLORS[3]), Car(-1.0, 45.0, 0, CAR_COLORS[5])]
    items: list[tuple[Vec3, Callable[[], None]]] = []
    for c in moving:
        car_shadow(p, c)
        items.append(((c.x, 0, c.z), lambda c=c: draw_car(p, c)))
    if fixed:
        for x in (BELT_X0 + 0.2, BELT_X1 - 0.2):
            bollard_shadows(p, x, 0.5, 60, 1.5, y=0.12)
            items += [((x, 0, z), lambda x=x, z=z: bollard(p, x, z, y=0.12))
                      for z in [0.5 + 1.5 * k for k in range(40)]]
    else:
        for c in cars:
            car_shadow(p, c)
            items.append(((c.x, 0, c.z), lambda c=c: draw_car(p, c)))
    for x, z in trees:
        p.shadow_ellipse(x, z, 1.8, 1.5, 80, 0.12)
        items.append(((x, 0, z), lambda x=x, z=z: tree(p, x, z, 6.5, 2.0, random.Random(int(z)),
                                                       y=0.12)))
    p.apply_shadows(blur=6, strength=0.5)
    draw_sorted(p, items)
    return p


# --------------------------------------------------------------------------
# Pair 4: illegal shed and construction waste on a lot -> paved with planters
# --------------------------------------------------------------------------
def lot_base(p: Painter, rng: random.Random) -> None:
    """Residential blocks around the corner lot."""
    p.sky(rng, clouds=4)
    p.ground(-80, 80, 0, 200, CONCRETE, tex=0.08, grain="stone")
    building(p, -34, 30, 36, 46, 15.5, (204, 190, 166), rng,
             FacadeStyle(balconies=True, ac_prob=0.3))
    trees = random.Random(rng.randrange(1 << 30))
    for z in range(32, 4, -6):
        tree(p, 17.0, z, 7.0, 2.4, trees)
    building(p, -40, -14, 4, 33, 15, (190, 176, 156), rng,
             FacadeStyle(bar_floors=1, ac_prob=0.45))
    pl = Plane((14, 0, 36), (0, 0, -1), (-1, 0, 0))
    wall_run(p, pl, 0, 40, 2.2, (176, 170, 160), cap=(110, 104, 96), tex=0.05)


def lot_before(p: Painter, rng: random.Random) -> None:
    """Dirt ground, a steel shed and heaps of construction waste."""
    p.ground(-14, 14, 0, 36, mix(SOIL, CONCRETE, 0.45), tex=0.2, grain="stone")
    for _ in range(30):
        p.ground_blob(rng.uniform(-13, 13), rng.uniform(2, 34), rng.uniform(0.4, 1.4),
                      rng.uniform(0.4, 1.4), vary(mix(SOIL, CONCRETE, rng.uniform(0.2, 0.7)), rng),
                      rng, 0.003, tex=0.25)
    litter(p, -13, 13, 1, 34, 160, rng)
    heaps = ((4.6, 10.5, 7.5, 2.6), (-9.5, 8.0, 4.5, 1.6), (9.5, 21.0, 4.5, 1.7),
             (-1.8, 4.5, 3.0, 1.0))
    p.cast_shadow(box_verts(-8, -1.5, 0, 3.4, 16, 21), 130)
    for x, z, w, h in heaps:
        p.shadow_ellipse(x + 0.6, z + 0.3, w * 0.55, w * 0.4, 160)
    p.apply_shadows(blur=7, strength=0.5)
    steel_shed(p, -8, -1.5, 16, 21, 3.0, rng)
    for x, z, w, h in sorted(heaps, key=lambda q: -q[1]):
        mound(p, x, z, w, h, rng, chunks=int(60 * w), net=0.45 if w > 7 else 0.0,
              base=vary((132, 122, 108), rng, 0.06))
    plank(p, (0.9, 0, 7.4), (1.4, 0.7, 6.8), 0.25, (140, 118, 90))
    plank(p, (-5.0, 0, 12.0), (-4.4, 0.9, 12.6), 0.3, (150, 126, 96))


def lot_after(p: Painter, rng: random.Random) -> None:
    """Paved square with planters, young trees and benches."""
    tiles(p, -14, 14, 0, 36, 0.6, (164, 160, 152), rng, vary_amt=0.05)
    planters = [(-10.5, -6.5, 15.0, 16.4), (-1.8, 1.8, 15.0, 16.4), (6.5, 10.5, 15.0, 16.4),
                (-8.0, -5.0, 24.0, 25.2), (5.0, 8.0, 24.0, 25.2)]
    for x0, x1, z0, z1 in planters:
        p.shadow_poly([(x0, 0, z0), (x1 + 0.4, 0, z0), (x1 + 0.4, 0, z1 + 0.4),
                       (x0, 0, z1 + 0.4)], 150)
    p.apply_shadows(blur=6, strength=0.5)
    items: list[tuple[Vec3, Callable[[], None]]] = []
    for i, (x0, x1, z0, z1) in enumerate(planters):
        items.append((((x0 + x1) / 2, 0, z0), lambda b=(x0, x1, z0, z1), i=i:
                      planter(p, *b, random.Random(40 + i))))
    for x, z in ((-3.5, 11.5), (3.5, 11.5), (0.0, 21.0)):
        items.append(((x, 0, z), lambda x=x, z=z: bench(p, x, z, rng, along_z=False)))
    for x, z in ((-8.5, 20.0), (0.0, 28.0), (8.5, 20.0)):
        items.append(((x, 0, z), lambda x=x, z=z: tree(p, x, z, 4.2, 1.3, random.Random(int(x * 7)),
                                                       clumps=60)))
    draw_sorted(p, items)


def pair4(fixed: bool) -> Painter:
    """Corner lot with an illegal shed and rubble, or cleared, paved and planted."""
    cam = Camera(pos=(0.0, 4.2, -5.0), yaw=3, pitch=-6, focal=0.85, horizon=0.5)
    p = Painter(cam, seed=404)
    lot_base(p, random.Random(41))
    if fixed:
        lot_after(p, random.Random(42))
    else:
        lot_before(p, random.Random(43))
    return p


# --------------------------------------------------------------------------
# Supervise 1: garbage overflowing at a transfer station
# --------------------------------------------------------------------------
def bag_heap(cx: float, cz: float, rx: float, rz: float, n: int, height: float,
             rng: random.Random) -> list[tuple[float, float, float, float, RGB]]:
    """Bags heaped into a mound: higher near the centre of the ellipse."""
    bags = []
    for _ in range(n):
        ang, d = rng.uniform(0, math.tau), math.sqrt(rng.random())
        r = rng.uniform(0.22, 0.4)
        y = max(0.0, (1 - d) * height - r) * rng.uniform(0.6, 1.0)
        bags.append((cx + math.cos(ang) * d * rx, y, cz + math.sin(ang) * d * rz, r,
                     rng.choice(BAG_COLORS)))
    return bags


def wheelie_bin(p: Painter, x: float, z: float, color: RGB, rng: random.Random,
                lid_open: bool = False, overflow: bool = False) -> None:
    """240 L wheelie bin (front faces -z); optionally open and overflowing."""
    p.solid(obox_verts(x, z, 0, (-0.29, 0.29, -0.36, 0.36, 0.05), (-0.31, 0.31, -0.38, 0.36, 1.0)),
            BOX_FACES, color, 0.05)
    if lid_open:
        p.box(x - 0.33, x + 0.33, 1.0, 1.65, z + 0.36, z + 0.42, scale(color, 0.8))
    else:
        p.box(x - 0.33, x + 0.33, 1.0, 1.06, z - 0.42, z + 0.4, scale(color, 1.1))
    for s in (-0.22, 0.22):
        p.cylinder(x + s, z - 0.3, 0.07, 0.0, 0.12, (30, 30, 32), cap=False)
    if overflow:
        for k in range(rng.randint(2, 3)):
            garbage_bag(p, x + rng.uniform(-0.2, 0.2), z + rng.uniform(-0.15, 0.15),
                        rng.uniform(0.22, 0.3), rng.choice(BAG_COLORS), rng, 0.95 + k * 0.18)


def transfer_station(p: Painter, rng: random.Random) -> None:
    """Small tiled refuse transfer station with roll-up doors and a sign band."""
    x0, x1, z0 = -10.0, 6.0, 17.0
    building(p, x0, x1, z0, 24, 5.0, (214, 214, 208), rng, None, tex=0.03)
    pl = Plane((x0, 0, z0), (1, 0, 0), (0, 0, -1))
    z = 0.0
    while z < 4.4:
        p.line3d(pl.at(0, z, 0.005), pl.at(x1 - x0, z, 0.005), (190, 190, 186), 0.01)
        z += 0.3
    p.prect(pl, 0, x1 - x0, 4.3, 5.0, (46, 96, 150), d=0.02)
    p.prect(pl, 3.0, 13.0, 3.6, 4.2, (40, 86, 146), d=0.05)
    fake_text(p, pl, 3.4, 3.68, 0.44, 18, (236, 236, 230), rng, 0.06, 0.05)
    for a in (1.0, 8.5):
        p.prect(pl, a, a + 4.5, 0, 3.3, (150, 154, 156), d=0.03)
        b = 0.15
        while b < 3.3:
            p.line3d(pl.at(a, b, 0.035), pl.at(a + 4.5, b, 0.035), (118, 122, 124), 0.02)
            b += 0.12
    p.prect(pl, 0, x1 - x0, 0, 0.6, (118, 114, 106), d=0.01, tex=0.2, grain="streak")


def supervise1() -> Painter:
    """Garbage bags piled around the bins of a refuse transfer station."""
    cam = Camera(pos=(0.4, 1.6, 2.0), yaw=-8, pitch=0, focal=0.85, horizon=0.5)
    p = Painter(cam, seed=501)
    rng = random.Random(51)
    p.sky(rng, clouds=4)
    p.ground(-80, 80, 0, 200, CONCRETE, tex=0.12, grain="stone")
    building(p, -40, 10, 48, 58, 24, (196, 188, 176), rng, FacadeStyle(balconies=True))
    building(p, 14, 40, 30, 60, 18, (178, 184, 190), rng, FacadeStyle())
    for x in (-12.0, -4.0, 4.0, 11.0):
        tree(p, x, 30.0, 9.0, 3.0, rng)
    transfer_station(p, rng)
    tree(p, 10.0, 14.0, 7.0, 2.4, rng)
    for _ in range(12):
        p.ground_blob(rng.uniform(-8, 5), rng.uniform(6, 16), rng.uniform(0.2, 0.8),
                      rng.uniform(0.3, 0.8), (112, 106, 92), rng, 0.003, tex=0.25, soft=0.04)
    heap = (bag_heap(-3.0, 12.0, 3.2, 1.4, 70, 1.1, rng)
            + bag_heap(2.0, 10.5, 1.4, 0.9, 24, 0.6, rng))
    bags_shadow(p, heap)
    bins = [(-8.5 + 0.8 * i, 15.6) for i in range(13)]
    for x, z in bins:
        p.shadow_ellipse(x + 0.2, z, 0.45, 0.45, 150)
    p.apply_shadows(blur=6, strength=0.5)
    for i, (x, z) in enumerate(bins):
        wheelie_bin(p, x, z, (46, 110, 74) if i % 3 else (88, 92, 96), rng,
                    lid_open=i % 4 == 1, overflow=i % 4 == 1 or i % 5 == 0)
    litter(p, -9, 6, 5, 16, 90, rng)
    draw_bags(p, heap, rng)
    for x, z in ((-6.5, 9.0), (0.5, 8.0), (4.5, 12.5)):
        cardboard(p, x, z, rng)
    return p


# --------------------------------------------------------------------------
# Supervise 2: damaged pavement
# --------------------------------------------------------------------------
def broken_tile(p: Painter, x: float, z: float, s: float, color: RGB, rng: random.Random) -> None:
    """A tile cracked in two along a jagged line, one half sunken and darker."""
    za, zb = z + rng.uniform(0.25, 0.75) * s, z + rng.uniform(0.25, 0.75) * s
    mid = (x + s * rng.uniform(0.35, 0.65), (za + zb) / 2 + rng.uniform(-0.12, 0.12) * s)
    g = s * 0.05
    p.poly([(x + g, 0.001, z + g), (x + s - g, 0.001, z + g), (x + s - g, 0.001, z + s - g),
            (x + g, 0.001, z + s - g)], (58, 56, 52))
    near = [(x + g, z + g), (x + s - g, z + g), (x + s - g, zb - 0.01), (mid[0], mid[1] - 0.01),
            (x + g, za - 0.01)]
    far = [(x + g, za + 0.01), (mid[0], mid[1] + 0.01), (x + s - g, zb + 0.01),
           (x + s - g, z + s - g), (x + g, z + s - g)]
    k = rng.uniform(0.72, 0.85)
    for piece, kk in ((near, 1.0), (far, k)):
        p.poly([(px, 0.002, pz) for px, pz in piece], scale(vary(color, rng, 0.05, 0.005), kk))
    if rng.random() < 0.5:
        cx, cz = (x + s - g, z + s - g) if rng.random() < 0.5 else (x + g, z + g)
        sx, sz = (-1, -1) if cx > x + s / 2 else (1, 1)
        p.poly([(cx, 0.003, cz), (cx + sx * s * 0.3, 0.003, cz), (cx, 0.003, cz + sz * s * 0.25)],
               (84, 74, 60))


def pothole(p: Painter, x: float, z: float, rx: float, rz: float, rng: random.Random) -> None:
    """Missing tiles: a dark hole with soil, sand and gravel."""
    p.ground_blob(x, z, rx, rz, (76, 66, 54), rng, 0.002, jag=0.15, tex=0.3)
    p.ground_blob(x + 0.05, z + 0.05, rx * 0.8, rz * 0.75, (110, 96, 76), rng, 0.003, jag=0.3,
                  tex=0.35)
    for _ in range(int(60 * rx * rz) + 8):
        gx, gz = x + rng.uniform(-rx, rx) * 0.8, z + rng.uniform(-rz, rz) * 0.8
        gs = rng.uniform(0.02, 0.06)
        p.ground_blob(gx, gz, gs, gs, vary((150, 146, 138), rng, 0.2), rng, 0.006, jag=0.4)


def damaged_pavement(p: Painter, rng: random.Random) -> None:
    """Tile field with missing, broken and sunken tiles plus a puddle."""
    holes = [(-0.2, 4.2, 0.9, 0.7), (1.2, 7.0, 0.6, 0.9), (-1.2, 10.5, 0.7, 0.6)]

    def skip(x: float, z: float) -> bool:
        return any(((x - hx) / hr) ** 2 + ((z - hz) / hz2) ** 2 < 1.3
                   for hx, hz, hr, hz2 in holes)

    tiles(p, -3.0, 2.4, 0, 80, 0.4, PAVER, rng, skip=skip, vary_amt=0.08)
    tiles(p, -2.4, -2.0, 0, 80, 0.4, TACTILE, rng)
    for hx, hz, rx, rz in holes:
        pothole(p, hx, hz, rx, rz, rng)
    for _ in range(14):
        x = rng.choice([-1.6, -1.2, -0.8, 0.4, 0.8, 1.2, 1.6])
        z = round(rng.uniform(2.0, 14.0) / 0.4) * 0.4
        if not skip(x + 0.2, z + 0.2):
            broken_tile(p, x, z, 0.4, PAVER, rng)
    p.ground_blob(0.6, 2.4, 1.0, 0.75, (124, 124, 122), rng, 0.004, jag=0.3, tex=0.1, soft=0.03)
    p.ground_blob(0.6, 2.45, 0.78, 0.52, (146, 154, 162), rng, 0.005, jag=0.3, tex=0.05,
                  soft=0.008)
    p.ground_blob(0.5, 2.65, 0.4, 0.22, (184, 192, 200), rng, 0.006, jag=0.3, tex=0.04,
                  soft=0.03)
    for _ in range(10):
        x, z = rng.uniform(-2.5, 2.0), rng.uniform(2.5, 12)
        s = rng.uniform(0.06, 0.16)
        p.box(x, x + s, 0, 0.05, z, z + s * 0.8, vary(PAVER, rng, 0.1))


def supervise2() -> Painter:
    """Broken and missing paving tiles on a sidewalk."""
    cam = Camera(pos=(-0.3, 1.6, -0.5), yaw=3, pitch=-20, focal=0.85, horizon=0.5)
    p = Painter(cam, seed=502)
    rng = random.Random(52)
    p.sky(rng, clouds=3)
    p.ground(-80, 80, 0, 200, ASPHALT, tex=0.08, grain="stone")
    building(p, -30, -3.2, -5, 80, 14, (196, 186, 170), rng, FacadeStyle(skip_ground=True))
    shops_row(p, -3.2, -5, 80, rng)
    lane_marks(p, 5.5, 0, 100)
    damaged_pavement(p, rng)
    curb(p, 2.45, 0, 100, width=0.15)
    p.shadow_poly([(-3.2, 0, 0), (-1.8, 0, 0), (-1.8, 0, 80), (-3.2, 0, 80)], 110)
    p.apply_shadows(blur=10, strength=0.35)
    return p


# --------------------------------------------------------------------------
# Supervise 3: cars parked on the pavement
# --------------------------------------------------------------------------
def supervise3() -> Painter:
    """Cars parked on the sidewalk, covering the tactile paving."""
    cam = Camera(pos=(-4.8, 1.6, 0.0), yaw=9, focal=0.9, horizon=0.5)
    p = Painter(cam, seed=503)
    rng = random.Random(53)
    p.sky(rng, clouds=3)
    p.ground(-80, 80, 0, 200, ASPHALT, tex=0.08, grain="stone")
    building(p, 12, 40, 20, 60, 22, (190, 194, 196), rng, FacadeStyle(balconies=True))
    building(p, -40, -7, -5, 40, 15, (206, 196, 178), rng, FacadeStyle(skip_ground=True))
    building(p, -40, -7, 44, 90, 18, (186, 176, 160), rng, FacadeStyle(skip_ground=True))
    shops_row(p, -7, -5, 40, rng)
    shops_row(p, -7, 44, 90, rng)
    lane_marks(p, 6.0, 0, 150)
    tiles(p, -7, 1.6, 0, 150, 0.5, PAVER, rng)
    tiles(p, -2.4, -2.0, 0, 150, 0.4, TACTILE, rng)
    curb(p, 1.65, 0, 150)
    cars = [Car(-1.5, 8.5, 3, CAR_COLORS[1]), Car(-1.7, 14.6, -2, CAR_COLORS[2]),
            Car(-2.9, 21.5, 74, CAR_COLORS[0]), Car(-1.4, 28.0, 1, CAR_COLORS[4]),
            Car(-1.6, 34.5, 0, CAR_COLORS[5]), Car(4.0, 40.0, 0, CAR_COLORS[3])]
    items: list[tuple[Vec3, Callable[[], None]]] = []
    for c in cars:
        car_shadow(p, c)
        items.append(((c.x, 0, c.z), lambda c=c: draw_car(p, c)))
    for z in (4.0, 12.0, 20.0, 28.0, 36.0, 44.0):
        p.shadow_ellipse(0.9, z, 1.6, 1.3, 80)
        items.append(((0.9, 0, z), lambda z=z: tree(p, 0.9, z, 6.8, 2.1, random.Random(int(z)))))
    p.apply_shadows(blur=6, strength=0.5)
    draw_sorted(p, items)
    return p


# --------------------------------------------------------------------------
# Supervise 4: piled construction waste
# --------------------------------------------------------------------------
def hoarding(p: Painter, pl: Plane, a0: float, a1: float, rng: random.Random) -> None:
    """Construction-site hoarding (围挡): blue steel panels with a white top band."""
    corrugated(p, pl, a0, a1, 0, 2.5, (70, 112, 160), step=0.25)
    p.prect(pl, a0, a1, 2.0, 2.5, (222, 224, 222), d=0.02, segs=4)
    a = a0
    while a < a1:
        p.prect(pl, a, a + 0.08, 0, 2.55, (200, 204, 206), d=0.04)
        a += 3.0


def supervise4() -> Painter:
    """Heaps of construction waste dumped on vacant land beside a road."""
    cam = Camera(pos=(1.0, 1.7, 0.0), yaw=-6, focal=0.88, horizon=0.55)
    p = Painter(cam, seed=504)
    rng = random.Random(54)
    p.sky(rng, clouds=5)
    p.ground(-80, 80, 0, 200, mix(SOIL, CONCRETE, 0.4), tex=0.2, grain="stone")
    building(p, -50, -10, 60, 70, 30, (196, 190, 182), rng, FacadeStyle(balconies=True))
    building(p, -5, 30, 70, 80, 36, (184, 188, 192), rng, FacadeStyle())
    hoarding(p, Plane((-40, 0, 32), (1, 0, 0), (0, 0, -1)), 0, 48, rng)
    for z in range(40, 0, -8):
        tree(p, 11.5, z, 6.5, 2.0, rng)
    p.ground(8.0, 80, 0, 200, ASPHALT, y=0.01, tex=0.08, grain="stone")
    lane_marks(p, 8.3, 0, 200, gap=0, width=0.12)
    for _ in range(30):
        p.ground_blob(rng.uniform(-14, 7), rng.uniform(3, 30), rng.uniform(0.4, 1.4),
                      rng.uniform(0.4, 1.4), vary(mix(SOIL, CONCRETE, 0.6), rng), rng, 0.003,
                      tex=0.2)
    litter(p, -14, 7, 2, 30, 150, rng)
    heaps = [(-3.0, 13.0, 10.0, 3.0, 0.5), (5.0, 19.0, 7.0, 2.3, 0.0),
             (-12.0, 21.0, 6.5, 2.0, 0.0), (2.2, 7.5, 3.2, 1.0, 0.0)]
    for x, z, w, h, _ in heaps:
        p.shadow_ellipse(x + 0.8, z + 0.5, w * 0.55, w * 0.35, 160)
    p.apply_shadows(blur=8, strength=0.5)
    for x, z, w, h, net in sorted(heaps, key=lambda q: -q[1]):
        mound(p, x, z, w, h, rng, chunks=int(50 * w), net=net,
              base=vary((134, 124, 110), rng, 0.06))
    plank(p, (-1.0, 0, 6.0), (-0.3, 0.8, 5.5), 0.3, (140, 118, 90))
    return p


# --------------------------------------------------------------------------
# Supervise 5: dirty water channel
# --------------------------------------------------------------------------
CH_W, CH_TOP, CH_Y = 4.5, 7.0, -2.4  # half width of water, top of bank, water level


def channel_banks(p: Painter, rng: random.Random) -> None:
    """Sloped concrete banks with a dark water line, weeds and an outfall stain."""
    for s in (-1, 1):
        for z0 in range(0, 150, 3):
            z1 = z0 + 3
            bank = [(s * CH_W, CH_Y, z0), (s * CH_TOP, 0, z0), (s * CH_TOP, 0, z1),
                    (s * CH_W, CH_Y, z1)]
            n = v_norm((-s * 2.4, 2.5, 0.0))
            p.poly(bank, p.shade((156, 152, 144), n), 0.12, "stone")
            low = [(s * CH_W, CH_Y, z0), (s * (CH_W + 0.6), CH_Y + 0.65, z0),
                   (s * (CH_W + 0.6), CH_Y + 0.65, z1), (s * CH_W, CH_Y, z1)]
            p.poly(low, p.shade((84, 86, 70), n), 0.2, "mid")
    for _ in range(120):
        s = rng.choice((-1, 1))
        z = rng.uniform(1, 60)
        t = rng.uniform(0.0, 0.3)
        base = (s * (CH_W + (CH_TOP - CH_W) * t), CH_Y + 2.4 * t, z)
        h = rng.uniform(0.2, 0.6)
        tip = (base[0] + rng.uniform(-0.15, 0.15), base[1] + h, z + rng.uniform(-0.1, 0.1))
        p.line3d(base, tip, vary((150, 136, 92), rng, 0.15), 0.015)


def channel_water(p: Painter, rng: random.Random) -> None:
    """Murky water with sky reflection towards the distance, scum and floating rubbish."""
    for z0 in range(0, 150, 2):
        z1 = z0 + 2
        t = min(1.0, z0 / 90)
        col = mix((80, 82, 64), (156, 162, 162), t ** 1.2)
        p.poly([(-CH_W, CH_Y, z0), (CH_W, CH_Y, z0), (CH_W, CH_Y, z1), (-CH_W, CH_Y, z1)], col,
               0.12, "mid")
    for _ in range(40):
        x, z = rng.uniform(-CH_W, CH_W), rng.uniform(2, 45)
        p.ground_blob(x, z, rng.uniform(0.2, 0.9), rng.uniform(0.3, 1.3),
                      vary((112, 116, 72), rng, 0.12), rng, CH_Y + 0.005, 0.5, tex=0.25, soft=0.03)
    for _ in range(60):
        x, z = rng.uniform(-CH_W, CH_W - 1.0), rng.uniform(6, 60)
        p.line3d((x, CH_Y + 0.004, z), (x + rng.uniform(0.4, 1.5), CH_Y + 0.004, z),
                 mix((160, 166, 166), (96, 100, 84), rng.random() * 0.4), 0.03)
    for _ in range(35):
        x, z = rng.uniform(-CH_W + 0.3, CH_W - 0.3), rng.uniform(2, 35)
        p.ground_blob(x, z, rng.uniform(0.1, 0.35), rng.uniform(0.1, 0.3),
                      rng.choice(((214, 212, 200), (190, 188, 176), (226, 226, 220))), rng,
                      CH_Y + 0.01, 0.5)
    floats = [(rng.uniform(-CH_W + 0.3, CH_W - 0.3), rng.uniform(3, 26)) for _ in range(30)]
    for x, z in sorted(floats, key=lambda q: -q[1]):
        if rng.random() < 0.5:
            col = rng.choice(((40, 42, 44), (200, 200, 194), (70, 100, 140), (226, 226, 222)))
            p.ground_blob(x, z, rng.uniform(0.15, 0.3), rng.uniform(0.12, 0.25), col, rng,
                          CH_Y + 0.02, 0.35, tex=0.25)
        else:
            a = rng.uniform(0, math.pi)
            d = (math.cos(a) * 0.12, 0.0, math.sin(a) * 0.12)
            c = (x, CH_Y + 0.04, z)
            p.line3d(v_sub(c, d), v_add(c, d), rng.choice(((226, 230, 232), (90, 150, 190),
                                                           (200, 70, 60))), 0.07)


def supervise5() -> Painter:
    """A drainage channel with murky water, scum and floating rubbish."""
    cam = Camera(pos=(0.6, 2.2, -1.0), yaw=2, pitch=-13, focal=0.85, horizon=0.5)
    p = Painter(cam, seed=505)
    rng = random.Random(55)
    p.sky(rng, clouds=5)
    p.ground(-80, 80, 0, 220, (128, 124, 100), tex=0.2, grain="stone")
    building(p, -60, -22, 40, 80, 20, (196, 188, 176), rng, FacadeStyle(balconies=True))
    building(p, 22, 60, 30, 90, 26, (184, 188, 190), rng, FacadeStyle())
    building(p, -30, 30, 170, 180, 30, (190, 190, 188), rng, FacadeStyle())
    for s in (-1, 1):
        p.ground(s * 7.0 if s > 0 else -11.0, 11.0 if s > 0 else -7.0, 0, 200, (150, 146, 138),
                 y=0.01, tex=0.1)
        for z in range(70, 3, -7):
            tree(p, s * 12.5, z, 7.5, 2.4, random.Random(z * s + 500), leaf=(98, 112, 66))
    channel_banks(p, rng)
    channel_water(p, rng)
    for s in (-1, 1):
        railing(p, Plane((s * 7.15, 0, 0), (0, 0, 1), (-s, 0, 0)), 0, 80, 1.0, rng,
                color=(120, 124, 126))
    return p


# --------------------------------------------------------------------------
# Supervise 6: messy overhead cables
# --------------------------------------------------------------------------
def cable_mess(p: Painter, poles: Sequence[tuple[float, float]], rng: random.Random) -> None:
    """Dozens of sagging cables between poles, across the street and into buildings."""
    for side in (-1, 1):
        row = [q for q in poles if q[0] * side > 0]
        for (xa, za), (xb, zb) in zip(row, row[1:]):
            for _ in range(rng.randint(8, 12)):
                ya, yb = rng.uniform(6.0, 8.6), rng.uniform(6.0, 8.6)
                cable(p, (xa, ya, za), (xb, yb, zb), rng.uniform(0.2, 1.4),
                      width=rng.uniform(0.012, 0.03))
    for _ in range(16):
        (xa, za), (xb, zb) = rng.sample(list(poles), 2)
        cable(p, (xa, rng.uniform(6, 8.5), za), (xb, rng.uniform(6, 8.5), zb),
              rng.uniform(0.4, 1.6), width=0.015)
    for x, z in poles:
        for _ in range(rng.randint(2, 4)):
            wall_x = 7.0 if x > 0 else -7.0
            cable(p, (x, rng.uniform(6, 8.5), z),
                  (wall_x * 0.99, rng.uniform(4, 9), z + rng.uniform(-6, 6)), rng.uniform(0.2, 0.9),
                  width=0.014)


def pole_hardware(p: Painter, x: float, z: float, rng: random.Random) -> None:
    """Cross-arm, junction boxes and coils of spare cable on a pole."""
    p.box(x - 0.9, x + 0.9, 8.6, 8.72, z - 0.06, z + 0.06, (112, 110, 104))
    p.box(x - 0.25, x + 0.25, 4.6, 5.3, z - 0.35, z - 0.12, (170, 172, 170))
    cable_coil(p, (x + rng.uniform(-0.3, 0.3), 5.8, z - 0.2), 0.6, rng)
    p.polyline3d([(x, 7.4, z - 0.1), (x + 0.2, 5.0, z - 0.3), (x - 0.1, 3.2, z - 0.3),
                  (x + 0.4, 2.6, z - 0.5)], (30, 30, 32), 0.03)


def supervise6() -> Painter:
    """Tangled overhead cables (架空线) above an old street."""
    cam = Camera(pos=(0.5, 1.6, 0.0), yaw=4, pitch=13, focal=0.8, horizon=0.5)
    p = Painter(cam, seed=506)
    rng = random.Random(56)
    p.sky(rng, clouds=6)
    p.ground(-80, 80, 0, 200, ASPHALT, tex=0.08, grain="stone")
    building(p, -40, 40, 90, 100, 24, (196, 192, 184), rng, FacadeStyle(balconies=True))
    building(p, -30, -7, -5, 30, 14, (184, 170, 150), rng,
             FacadeStyle(bar_floors=2, ac_prob=0.5, skip_ground=True))
    building(p, -30, -7, 34, 80, 17, RED_BRICK, rng, FacadeStyle(bar_floors=2, skip_ground=True))
    building(p, 7, 30, -5, 40, 15, (198, 192, 180), rng,
             FacadeStyle(bar_floors=2, ac_prob=0.5, skip_ground=True))
    building(p, 7, 30, 44, 80, 12, (170, 172, 170), rng, FacadeStyle(skip_ground=True))
    shops_row(p, -7, -5, 80, rng)
    shops_left = Plane((7, 0, -5), (0, 0, 1), (-1, 0, 0))
    for a0 in range(0, 80, 7):
        shopfront(p, shops_left, a0, a0 + 6.5, random.Random(a0))
    tiles(p, -7, -4.2, 0, 100, 0.5, PAVER, rng)
    tiles(p, 4.2, 7, 0, 100, 0.5, PAVER, rng)
    poles = [(-4.6, 6.0), (-4.6, 18.0), (-4.6, 30.0), (-4.6, 42.0), (-4.6, 54.0),
             (4.6, 10.0), (4.6, 22.0), (4.6, 34.0), (4.6, 46.0), (4.6, 58.0)]
    for x, z in sorted(poles, key=lambda q: -q[1]):
        pole(p, x, z, 9.5)
        pole_hardware(p, x, z, rng)
    cable_mess(p, poles, rng)
    return p


# --------------------------------------------------------------------------
# Road: the widened road beside 中建幸福里 with a pedestrian path and bollards
# --------------------------------------------------------------------------
def road_base(p: Painter, rng: random.Random) -> None:
    """Residential tower, compound fence, green strip, far trees."""
    p.sky(rng, clouds=4)
    p.ground(-80, 80, 0, 200, (120, 128, 96), tex=0.15, grain="stone")
    building(p, -40, 40, 120, 130, 30, (190, 192, 194), rng, FacadeStyle(balconies=True))
    building(p, 10.0, 28.0, 6, 44, 50, (206, 192, 170), rng,
             FacadeStyle(balconies=True, ac_prob=0.3, floor_h=2.9))
    building(p, 12.0, 30.0, 56, 90, 50, (200, 186, 164), rng,
             FacadeStyle(balconies=True, ac_prob=0.3))
    building(p, -36, -12, 18, 40, 10, (214, 196, 150), rng, FacadeStyle(win_w=2.0, bay=3.6))
    for z in range(80, 0, -7):
        tree(p, -7.5, z, 7.0, 2.3, random.Random(z))
    railing(p, Plane((8.2, 0, -5), (0, 0, 1), (-1, 0, 0)), 0, 110, 1.8, rng, color=(60, 60, 64))


def road_surface(p: Painter, rng: random.Random) -> None:
    """Fresh asphalt, edge lines, kerbs and the red pedestrian path on the right."""
    p.ground(-3.6, 3.6, 0, 200, ASPHALT_NEW, tex=0.07, grain="stone")
    lane_marks(p, 0.0, 0, 200)
    lane_marks(p, -3.3, 0, 200, gap=0, width=0.12)
    lane_marks(p, 3.3, 0, 200, gap=0, width=0.12)
    tiles(p, 3.75, 5.25, 0, 200, 0.3, PAVER_RED, rng, y=0.12)
    p.ground(5.25, 8.2, 0, 200, GRASS, y=0.05, tex=0.2)
    p.ground(-6, -3.75, 0, 200, GRASS, y=0.05, tex=0.2)
    curb(p, 3.68, 0, 200, height=0.14)
    curb(p, 5.3, 0, 200, height=0.16)
    curb(p, -3.68, 0, 200, height=0.14)


def road() -> Painter:
    """The widened road beside a residential compound, with a path and bollards."""
    cam = Camera(pos=(0.9, 1.6, -3.0), yaw=9, focal=0.88, horizon=0.5)
    p = Painter(cam, seed=600)
    rng = random.Random(60)
    road_base(p, rng)
    road_surface(p, rng)
    for x in (3.5, -3.5):
        bollard_shadows(p, x, 0.0, 70, 1.5)
    p.shadow_poly([(8.2, 0.05, 0), (9.5, 0.05, 0), (9.5, 0.05, 90), (8.2, 0.05, 90)], 90)
    p.apply_shadows(blur=5, strength=0.5)
    hedge(p, 5.5, 6.4, 0, 110, 0.7, rng)
    items: list[tuple[Vec3, Callable[[], None]]] = []
    for x in (3.5, -3.5):
        items += [((x, 0, z), lambda x=x, z=z: bollard(p, x, z, height=0.75, band=(220, 220, 216)))
                  for z in [1.5 * k for k in range(47)]]
    for z in (2.0, 10.0, 18.0, 26.0, 34.0):
        items.append(((7.2, 0, z), lambda z=z: tree(p, 7.2, z, 5.5, 1.6, random.Random(int(z) + 7),
                                                    y=0.05)))
    c = Car(-1.7, 30.0, 180, CAR_COLORS[0])
    car_shadow(p, c)
    items.append(((c.x, 0, c.z), lambda: draw_car(p, c)))
    draw_sorted(p, items)
    return p


SCENES: dict[str, Callable[[], Painter]] = {
    "pair1-before": lambda: pair1(False),
    "pair1-after": lambda: pair1(True),
    "pair2-before": lambda: pair2(False),
    "pair2-after": lambda: pair2(True),
    "pair3-before": lambda: pair3(False),
    "pair3-after": lambda: pair3(True),
    "pair4-before": lambda: pair4(False),
    "pair4-after": lambda: pair4(True),
    "supervise1": supervise1,
    "supervise2": supervise2,
    "supervise3": supervise3,
    "supervise4": supervise4,
    "supervise5": supervise5,
    "supervise6": supervise6,
    "road": road,
}


# --------------------------------------------------------------------------
# Photographic finish and output
# --------------------------------------------------------------------------
def grime(img: Image.Image, sky: Image.Image | None, noise: NoiseBank) -> Image.Image:
    """Subtle blotchy dirt over everything that is not sky."""
    lo = img.point(lambda v: int(v * 0.96))
    hi = img.point(lambda v: min(255, int(v * 1.025)))
    dirty = Image.composite(hi, lo, noise.get("coarse"))
    if sky is None:
        return dirty
    diff = ImageChops.difference(img, sky).convert("L").point(lambda v: 255 if v > 3 else 0)
    return Image.composite(dirty, img, diff.filter(ImageFilter.GaussianBlur(2)))


def tone(img: Image.Image) -> Image.Image:
    """Gentle film-like tone curve, lifted blacks, slight warmth, muted saturation."""
    def curve(v: int, gain: float) -> int:
        x = v / 255
        s = x + 0.10 * math.sin(math.tau * x) * -0.5 * (1 - x)  # soft S, protects shadows
        return clamp8(10 + 238 * s * gain)

    lut = ([curve(v, 1.015) for v in range(256)] + [curve(v, 1.0) for v in range(256)]
           + [curve(v, 0.975) for v in range(256)])
    return ImageEnhance.Color(img.point(lut)).enhance(0.88)


def vignette(img: Image.Image, amount: float = 0.22) -> Image.Image:
    """Darken the corners a little, like a phone-camera lens."""
    grad = Image.radial_gradient("L").resize(img.size, Image.Resampling.BICUBIC)
    mask = grad.point(lambda v: int(max(0, v - 90) * 255 / 165 * amount))
    return Image.composite(img.point(lambda v: int(v * 0.55)), img, mask)


def film_grain(img: Image.Image, seed: int, amp: float = 5.0) -> Image.Image:
    """Add fine seeded luminance grain."""
    rng = random.Random(seed)
    raw = Image.frombytes("L", img.size, rng.randbytes(img.size[0] * img.size[1]))
    raw = raw.filter(ImageFilter.GaussianBlur(0.55))
    raw = ImageOps.autocontrast(raw, cutoff=0.5)
    grain = raw.point(lambda v: clamp8(128 + (v - 128) * amp / 128))
    return ImageChops.add(img, Image.merge("RGB", (grain, grain, grain)), 1.0, -128)


def finish(p: Painter, seed: int) -> Image.Image:
    """Downsample the canvas and give it a mild photographic look."""
    img = grime(p.img, p.sky_img, p.noise)
    img = img.resize((W, H), Image.Resampling.LANCZOS)
    img = Image.blend(img, img.filter(ImageFilter.GaussianBlur(1.1)), 0.45)
    img = vignette(tone(img))
    return film_grain(img, seed)


def srgb_profile() -> bytes | None:
    """Bytes of a built-in sRGB ICC profile, if LittleCMS is available.

    LittleCMS stamps the creation time into the header (bytes 24-35); it is
    pinned to 2023-02-01 00:00:00 so that the output files are reproducible.
    """
    if ImageCms is None:
        return None
    icc = bytearray(ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes())
    icc[24:36] = bytes((0x07, 0xE7, 0, 2, 0, 1, 0, 0, 0, 0, 0, 0))
    return bytes(icc)


def save_jpeg(img: Image.Image, path: Path) -> None:
    """Write an RGB JPEG (quality 85, sRGB profile embedded)."""
    extra = {}
    icc = srgb_profile()
    if icc:
        extra["icc_profile"] = icc
    img.convert("RGB").save(path, "JPEG", quality=QUALITY, optimize=True, **extra)


def main(argv: Sequence[str] | None = None) -> int:
    """Render every (or the selected) photo and report sizes and timing."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", type=Path, default=OUT_DIR, help="output directory")
    ap.add_argument("--only", nargs="*", default=None, help="file stems to render")
    args = ap.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    start = time.perf_counter()
    for k, (stem, make) in enumerate(SCENES.items()):
        if args.only and stem not in args.only:
            continue
        t0 = time.perf_counter()
        path = args.out / f"{stem}.jpg"
        save_jpeg(finish(make(), 9000 + k), path)
        print(f"{path.name:20s} {path.stat().st_size / 1024:6.0f} KB "
              f"{time.perf_counter() - t0:5.1f} s")
    print(f"total {time.perf_counter() - start:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
