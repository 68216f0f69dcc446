"""A per-pixel object head: heatmaps on the front camera, spatial soft-argmax to sub-pixel image coordinates, and a
lift to metres through the camera's calibration onto a learned height.

Sessions 8-11 regressed 3-D positions from pooled conv features and plateaued at 2.7-5 cm (the instructed cube ~3.8 cm
at reset, the pad 6.5 cm). Here one heatmap channel per cube and per place (``pad``, ``bin``) is a distribution over
the front image; its expectation (soft-argmax, integral regression) is where that object appears, to a fraction of a
pixel. A second channel per object is a per-pixel height, read under the same distribution: a cube on the table reads
its centre height, a cube in the hand the height the hand holds it at (the image shows the gripper), so the lift needs
no table-plane assumption and no proprioception. The pixel is lifted along its camera ray to that height
(``CameraCalibration.lift``). The instructed cube and the goal are the instruction's choice among them: a softmax over
the cube channels (over the place channels for the goal, plus a learned offset per place: the goal stands above the
place's body origin) computed from the instruction embedding, so the words select, and the pixels locate.

The calibration is the camera's nominal pose and field of view (a real arm has a calibrated camera); truth pixels for
training are projected through it, so lifting a truth pixel at the truth height gives the truth point exactly, and a
scene whose camera is jittered (the default randomisation moves it by up to 2 cm and 3 degrees) is one where the
network must place the object where the nominal camera would see it.

No sim import here (a network module); ``policies.visuomotor.scenes.camera_calibration`` reads the MuJoCo camera.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import torch
from torch import nn

PLACES = ("pad", "bin")
"""The place channels, in ``policies.visuomotor.scenes.PLACE_NAMES`` order."""
HEIGHT_SCALE_M = 0.05
"""A height channel's raw output is in units of 5 cm above ``height_mean`` (its weights start at zero, so every height
starts at ``height_mean``): random height weights on the shared layers lifted points tens of centimetres off
(session 12: a 3 cm height error, 6 cm lifted, at step 300), and a 1 cm unit learned a cube held 10-25 cm up too
slowly (13-29 cm off at step 500)."""
SELECT_GAIN = 10.0
"""The instruction's choice of cube and place: logits are this times a linear map of the embedding (zero at the start:
an even mix). MiniLM embeddings have unit norm, so without the gain Adam needs thousands of steps to make the choice
sharp; a soft choice mixes cubes 10-30 cm apart (session 12: the instructed cube 5.9 cm at reset at step 500 while
each cube was 1.7 cm)."""
HELD_OPENING = (0.2, 0.95)
"""The gripper opening (proprioception: 1 open, 0 closed) between which the hand holds a cube: below 0.95 the fingers
are closing or closed on something (the expert closes with the TCP at the cube's centre), above 0.2 a cube stops them
(Panda PickPlace: a held cube reads 0.52-0.60; fingers closed on nothing read 0)."""
CALIBRATION_SIZE = 14
"""A calibration as numbers: camera position (3), camera-to-world rotation (9, row-major), vertical fovy (degrees),
image size (pixels, square)."""


@dataclass(frozen=True)
class CameraCalibration:
    """A pinhole camera in MuJoCo's convention (looks along its -z, x right, y up; image row 0 at the top)."""

    position: tuple[float, float, float]
    rotation: tuple[float, ...]
    """Camera-to-world rotation, row-major (MuJoCo's ``cam_xmat``): its columns are the camera's axes in the world."""
    fovy_deg: float
    size: int

    def __post_init__(self) -> None:
        if len(self.position) != 3 or len(self.rotation) != 9:
            raise ValueError(f"a calibration needs a 3-vector position and 9 rotation values, got "
                             f"{len(self.position)} and {len(self.rotation)}")
        if not 1.0 <= self.fovy_deg < 179.0 or self.size < 2:
            raise ValueError(f"fovy_deg must be in [1, 179) and size >= 2, got {self.fovy_deg}, {self.size}")
        # Plain Python, not torch: checkpoints are sized on torch's meta device, where no tensor has values.
        r = [self.rotation[3 * i:3 * i + 3] for i in range(3)]
        if any(abs(sum(a * b for a, b in zip(r[i], r[j], strict=True)) - (i == j)) > 1e-4
               for i in range(3) for j in range(3)):
            raise ValueError("the calibration's rotation is not orthonormal")

    @classmethod
    def from_values(cls, values: Sequence[float]) -> CameraCalibration:
        if len(values) != CALIBRATION_SIZE:
            raise ValueError(f"a calibration has {CALIBRATION_SIZE} values, got {len(values)}")
        v = [float(x) for x in values]
        return cls(position=(v[0], v[1], v[2]), rotation=tuple(v[3:12]), fovy_deg=v[12], size=round(v[13]))

    def values(self) -> list[float]:
        return [*self.position, *self.rotation, self.fovy_deg, float(self.size)]

    @property
    def focal_px(self) -> float:
        return 0.5 * self.size / math.tan(math.radians(self.fovy_deg) / 2)

    def _tensors(self, like: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        pos = torch.tensor(self.position, dtype=like.dtype)
        rot = torch.tensor(self.rotation, dtype=like.dtype).reshape(3, 3)
        return pos, rot

    def project(self, points: torch.Tensor) -> torch.Tensor:
        """(..., 3) world points (metres) -> (..., 2) pixel coordinates (u right, v down; 0 at the image's top-left
        corner, ``size`` at the opposite one)."""
        pos, rot = self._tensors(points)
        cam = (points - pos) @ rot  # world -> camera frame: R^T (p - c), written for row vectors
        depth = (-cam[..., 2]).clamp(min=1e-6)
        f, c = self.focal_px, 0.5 * self.size
        return torch.stack([c + f * cam[..., 0] / depth, c - f * cam[..., 1] / depth], dim=-1)

    def lift(self, pixels: torch.Tensor, height: torch.Tensor) -> torch.Tensor:
        """(..., 2) pixel coordinates and (...) world heights (metres) -> (..., 3) world points: where each pixel's
        ray meets the horizontal plane at that height."""
        pos, rot = self._tensors(pixels)
        f, c = self.focal_px, 0.5 * self.size
        ray_cam = torch.stack([(pixels[..., 0] - c) / f, -(pixels[..., 1] - c) / f,
                               -torch.ones_like(pixels[..., 0])], dim=-1)
        ray = ray_cam @ rot.T
        # A ray parallel to the table (or pointing up) never meets it: keep the divisor away from zero.
        dz = ray[..., 2]
        dz = torch.where(dz.abs() < 1e-6, torch.full_like(dz, -1e-6), dz)
        t = (height - pos[2]) / dz
        return pos + t.unsqueeze(-1) * ray


def soft_argmax(logits: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
    """(B, C, h, w) logits -> ((B, C, 2) expected (x, y) in cells, 0 at the top-left corner and w, h at the opposite
    one, (B, C, h*w) the softmax). The expectation is differentiable and sub-cell (kornia's spatial_soft_argmax2d, in
    the cell units the lift needs)."""
    h, w = logits.shape[-2:]
    prob = logits.flatten(2).softmax(dim=-1)
    ys, xs = torch.meshgrid(torch.arange(h, dtype=logits.dtype) + 0.5, torch.arange(w, dtype=logits.dtype) + 0.5,
                            indexing="ij")
    xy = torch.stack([xs.reshape(-1), ys.reshape(-1)], dim=-1)  # (h*w, 2)
    return prob @ xy, prob


def _block(cin: int, cout: int, stride: int = 1, dilation: int = 1) -> list[nn.Module]:
    return [nn.Conv2d(cin, cout, 3, stride=stride, padding=dilation, dilation=dilation), nn.GroupNorm(8, cout),
            nn.ReLU()]


class HeatmapHead(nn.Module):
    """(B, 3, S, S) front image in [0, 1] and (B, text_dim) instruction -> every object-head target in metres.

    ``object_names`` are the policy's object-head targets (``<object>.x/y/z`` for each cube, ``goal.*``,
    ``instructed.*``); every ``<object>`` other than goal and instructed gets a channel, as does each of ``PLACES``.
    The heatmaps are at half the image size (each cell 2 x 2 pixels)."""

    def __init__(self, object_names: Sequence[str], calibration: CameraCalibration, text_dim: int,
                 width: int = 32, height_mean: float = 0.02) -> None:
        super().__init__()
        groups = list(dict.fromkeys(n.rsplit(".", 1)[0] for n in object_names))
        if [f"{g}.{a}" for g in groups for a in "xyz"] != list(object_names) or \
                not {"goal", "instructed"} <= set(groups):
            raise ValueError(f"a heatmap head needs x, y, z of each object, the goal and the instructed object, got "
                             f"{list(object_names)[:6]}...")
        if width % 8 or width < 8:
            raise ValueError(f"heatmap width must be a multiple of 8, got {width}")
        self.groups = groups
        self.cubes = [g for g in groups if g not in ("goal", "instructed")]
        self.channels = [*self.cubes, *PLACES]
        self.calibration = calibration
        k = len(self.channels)
        self.down = nn.Sequential(nn.Conv2d(5, width, 5, stride=2, padding=2), nn.GroupNorm(8, width), nn.ReLU(),
                                  *_block(width, width))
        self.context = nn.Sequential(*_block(width, 2 * width, stride=2), *_block(2 * width, 2 * width, dilation=2),
                                     *_block(2 * width, 2 * width, dilation=4))
        out = nn.Conv2d(width, 2 * k, 1)
        with torch.no_grad():  # heights start flat at the table-top cube height: a random map lifts points metres off
            out.weight[k:] = 0.0
        self.up = nn.Sequential(*_block(3 * width, width), out)
        self.height_mean = float(height_mean)
        # Self-calibration: the default randomisation moves the camera by up to 2 cm and 3 degrees of fovy per
        # scene, which shifts every object in the image by 1.3 px on average from where the nominal camera puts it
        # (2.4 cm lifted). The table and the robot's base stand still in the world, so the image says how the camera
        # moved: one shift (x, y) and one zoom about the image centre for all channels, read from the context layers,
        # starting at none.
        shift_zoom = nn.Linear(2 * width * 16, 3)
        nn.init.zeros_(shift_zoom.weight)
        nn.init.zeros_(shift_zoom.bias)
        self.correction = nn.Sequential(nn.AdaptiveAvgPool2d(4), nn.Flatten(), shift_zoom)
        self.select_cube = nn.Linear(text_dim, len(self.cubes))
        self.select_place = nn.Linear(text_dim, len(PLACES))
        for layer in (self.select_cube, self.select_place):
            nn.init.zeros_(layer.weight)
            nn.init.zeros_(layer.bias)
        self.goal_offset = nn.Parameter(torch.zeros(len(PLACES), 3))

    def maps(self, image: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        """(B, K, h, w) heatmap logits and per-pixel heights (metres) for ``self.channels``."""
        return self._maps(image)[:2]

    def _maps(self, image: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
        b, _, h, w = image.shape
        ys, xs = torch.meshgrid(torch.linspace(-1.0, 1.0, h), torch.linspace(-1.0, 1.0, w), indexing="ij")
        x = torch.cat([image, xs.expand(b, 1, h, w), ys.expand(b, 1, h, w)], dim=1)
        skip = self.down(x)
        context = self.context(skip)
        out = self.up(torch.cat([skip, nn.functional.interpolate(context, size=skip.shape[-2:], mode="nearest")],
                                dim=1))
        k = len(self.channels)
        return out[:, :k], self.height_mean + HEIGHT_SCALE_M * out[:, k:], self.correction(context)

    def channel_pixels(self, image: torch.Tensor,
                       detach: bool = False) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
        """Per channel: (B, K, 2) image pixels, (B, K) heights (metres), (B, K, h*w) heatmap log-probabilities.
        ``detach``: the weights the heights are read under carry no gradient (pretraining trains the heatmaps on
        pixels alone and the heights on metres, and lifts detached pixels: the metres' gradient would swamp the
        heatmaps' own loss while the maps are still flat)."""
        logits, heights, correction = self._maps(image)
        cells, prob = soft_argmax(logits)
        size = image.shape[-1]
        # Where the nominal camera would see each object: the found pixel, zoomed and shifted by the correction.
        centre = 0.5 * size
        zoom = torch.exp(0.1 * correction[:, 2:3]).unsqueeze(-1)
        pixels = centre + (cells * (size / logits.shape[-1]) - centre) * zoom + correction[:, None, :2]
        weights = prob.detach() if detach else prob
        height = (weights * heights.flatten(2)).sum(dim=-1)
        return pixels, height, logits.flatten(2).log_softmax(dim=-1)

    def forward(self, image: torch.Tensor, text: torch.Tensor) -> torch.Tensor:
        """(B, 3 * len(groups)) target positions in metres, in ``object_names`` order."""
        return self.assemble(self.points(image), text)

    def points(self, image: torch.Tensor) -> torch.Tensor:
        """(B, K, 3) each channel's (``self.channels``) position in metres: its pixel lifted to its height."""
        pixels, height, _ = self.channel_pixels(image)
        return self.calibration.lift(pixels, height)

    def choice_logits(self, text: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        """(B, cubes) and (B, places) logits of the instruction's choice of cube and of place."""
        return SELECT_GAIN * self.select_cube(text), SELECT_GAIN * self.select_place(text)

    def choice_weights(self, text: torch.Tensor, hard: bool = False) -> tuple[torch.Tensor, torch.Tensor]:
        """(B, cubes) and (B, places) weights of the instruction's choice: the softmax, or with ``hard`` one-hot on
        its largest logit (session 16: the soft choice, ~0.9 on the named cube, mixes in the other cubes 10-30 cm
        away and put the instructed cube 2.4 cm off at reset where the named cube's own channel was 1.4 cm off)."""
        weights = [logits.softmax(dim=-1) for logits in self.choice_logits(text)]
        if hard:
            weights = [nn.functional.one_hot(w.argmax(dim=-1), w.shape[-1]).to(w.dtype) for w in weights]
        return weights[0], weights[1]

    def assemble(self, points: torch.Tensor, text: torch.Tensor, hard: bool = False) -> torch.Tensor:
        """(B, K, 3) channel positions -> the targets: cubes as they are, the instructed cube and the goal as the
        instruction's choice (``choice_weights``) among the cubes and among the places (plus each place's learned
        goal offset)."""
        nc = len(self.cubes)
        cubes, places = points[:, :nc], points[:, nc:]
        w_cube, w_place = self.choice_weights(text, hard)
        named = {c: cubes[:, i] for i, c in enumerate(self.cubes)}
        named["instructed"] = (w_cube.unsqueeze(-1) * cubes).sum(dim=1)
        named["goal"] = (w_place.unsqueeze(-1) * (places + self.goal_offset)).sum(dim=1)
        return torch.cat([named[g] for g in self.groups], dim=1)


def held_mask(opening: torch.Tensor, bounds: tuple[float, float] = HELD_OPENING) -> torch.Tensor:
    """(B,) gripper openings -> (B,) 1.0 where the hand holds a cube by ``bounds`` (exclusive), else 0.0."""
    lo, hi = bounds
    if not 0.0 <= lo < hi <= 1.0:
        raise ValueError(f"held opening bounds must satisfy 0 <= low < high <= 1, got {bounds}")
    return ((opening > lo) & (opening < hi)).to(opening.dtype)


def hold_at_tcp(metres: torch.Tensor, groups: Sequence[str], tcp: torch.Tensor, held: torch.Tensor,
                cube_weights: torch.Tensor | None = None, cubes: Sequence[str] = ()) -> torch.Tensor:
    """(B, 3 * len(groups)) object-head positions -> the same with a held cube where the hand is.

    A lifted cube is hidden by the fingers and far from the table the heights were learned on (session 12: 7.4 cm off
    along the expert's path, 25 cm in the hand), but a real arm knows where its hand is: once the gripper holds a
    cube (``held``, from the finger opening), the instructed cube is at the TCP (``tcp``, forward kinematics of the
    joint readings; the expert grasps it within a few millimetres of the centre). The instructed cube's own channel
    moves there too, by the instruction's ``cube_weights`` over ``cubes`` (the heatmap head's choice); with no
    weights only ``instructed`` moves. ``held`` (B,) is 0 or 1; rows with 0 are returned unchanged."""
    b = len(metres)
    out = metres.reshape(b, len(groups), 3).clone()
    h = held.reshape(b, 1)
    at = list(groups).index("instructed")
    out[:, at] = out[:, at] + h * (tcp - out[:, at])
    if cube_weights is not None:
        for i, cube in enumerate(cubes):
            j = list(groups).index(cube)
            out[:, j] = out[:, j] + (h * cube_weights[:, i:i + 1]) * (tcp - out[:, j])
    return out.reshape(b, -1)
