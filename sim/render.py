"""Offscreen rendering and video writing.

``select_gl_backend`` must run before ``mujoco`` is imported: MuJoCo picks its OpenGL
platform once, at import, from ``MUJOCO_GL``.
"""

from __future__ import annotations

import ctypes.util
import os
import threading
import weakref
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from sim.errors import ConfigError, RenderError

_INSTALL_HINT = (
    "headless rendering needs EGL (Debian/Ubuntu: apt-get install libegl1 libgl1-mesa-dri) or OSMesa "
    "(apt-get install libosmesa6, then MUJOCO_GL=osmesa); on a desktop set MUJOCO_GL=glfw"
)


def select_gl_backend() -> str:
    """Choose MUJOCO_GL when the user has not: EGL, then OSMesa, then GLFW on a display."""
    chosen = os.environ.get("MUJOCO_GL")
    if chosen:
        return chosen
    if ctypes.util.find_library("EGL"):
        chosen = "egl"
    elif ctypes.util.find_library("OSMesa"):
        chosen = "osmesa"
    elif os.environ.get("DISPLAY"):
        chosen = "glfw"
    else:
        return ""
    os.environ["MUJOCO_GL"] = chosen
    if chosen in ("egl", "osmesa"):
        os.environ.setdefault("PYOPENGL_PLATFORM", chosen)
    return chosen


SHADOW_SIZES = range(64, 8193)
MSAA_SAMPLES = (0, 2, 4, 8, 16)


@dataclass(frozen=True, kw_only=True)
class RenderQuality:
    """What one renderer spends per frame: the shadow map's size in texels (MuJoCo ``visual.quality.shadowsize``)
    and the multisamples per pixel (``visual.quality.offsamples``; 0 is off)."""

    shadow_size: int
    msaa_samples: int

    def __post_init__(self) -> None:
        if isinstance(self.shadow_size, bool) or self.shadow_size not in SHADOW_SIZES:
            raise ConfigError(f"shadow_size must be between 64 and 8192 texels, got {self.shadow_size!r}")
        if isinstance(self.msaa_samples, bool) or self.msaa_samples not in MSAA_SAMPLES:
            raise ConfigError(f"msaa_samples must be one of {', '.join(map(str, MSAA_SAMPLES))}, "
                              f"got {self.msaa_samples!r}")


FULL_QUALITY = RenderQuality(shadow_size=2048, msaa_samples=4)
"""MuJoCo's defaults for the shadow map and offscreen multisampling."""
QUALITY_BY_SIZE: tuple[tuple[int, RenderQuality], ...] = (
    (160, RenderQuality(shadow_size=512, msaa_samples=0)),
)
"""(largest image side in pixels, quality) in increasing order; larger images get FULL_QUALITY.

Under software GL (llvmpipe) the shadow map is rendered at its own size whatever the image's, and 4x MSAA
shades each pixel four times: a 128x128 frame cost ~39 ms of CPU at 2048 and 4x, ~10 ms at 512 without MSAA
(bench/render_speed.py). At 128 pixels the cheap frame differs from the full one by ~1/255 on average over the
front and wrist cameras, all of it on edges: object edges aliased (one-pixel steps), shadow edges blockier and a
few self-shadow specks on the arm, side by side in the bench's render_compare.png. Larger images (videos for
people, perception at 640x480) keep the full quality."""


def quality_for_size(width: int, height: int) -> RenderQuality:
    """The render quality an image of ``width`` x ``height`` pixels gets by default (QUALITY_BY_SIZE)."""
    side = max(width, height)
    for limit, quality in QUALITY_BY_SIZE:
        if side <= limit:
            return quality
    return FULL_QUALITY


_QUALITY_BY_SIZE_MODELS: weakref.WeakKeyDictionary[Any, tuple[int | None, int | None]] = weakref.WeakKeyDictionary()
_QUALITY_LOCK = threading.Lock()
"""Held while ``make_renderer`` has a model's quality settings changed: threads that make renderers of one model at
once (the sim arm's camera threads) would otherwise each keep and restore the other's settings, and a renderer could
be made at the model's full quality in between (a wrist frame at 2048 texels and 4x MSAA, 2.06/255 off the env's)."""


def choose_quality_by_size(model: Any, shadow_size: int | None, msaa_samples: int | None) -> None:
    """Let ``make_renderer`` pick ``model``'s settings per image size where they are None (explicit ones stand).

    ``sim.scene.build_scene`` calls this for a SceneConfig that leaves them unset; the model itself carries
    MuJoCo's defaults there, so other renderers (the interactive viewer) see a plain model, and so does a copy
    of the model (pickled, ``copy.deepcopy``): it renders at full quality.
    """
    if shadow_size is None or msaa_samples is None:
        _QUALITY_BY_SIZE_MODELS[model] = (shadow_size, msaa_samples)
    else:
        _QUALITY_BY_SIZE_MODELS.pop(model, None)


def renderer_quality(model: Any, width: int, height: int) -> RenderQuality:
    """The quality ``make_renderer(model, width, height)`` renders with."""
    quality = model.vis.quality
    if model not in _QUALITY_BY_SIZE_MODELS:
        return RenderQuality(shadow_size=int(quality.shadowsize), msaa_samples=int(quality.offsamples))
    shadow, msaa = _QUALITY_BY_SIZE_MODELS[model]
    by_size = quality_for_size(width, height)
    return RenderQuality(shadow_size=by_size.shadow_size if shadow is None else shadow,
                         msaa_samples=by_size.msaa_samples if msaa is None else msaa)


def make_renderer(model: Any, width: int, height: int, quality: RenderQuality | None = None) -> Any:
    """A ``mujoco.Renderer`` at ``quality`` (default: ``renderer_quality``), or a RenderError naming what to install.

    The renderer's GL context takes the shadow map size and multisamples from the model when it is made, so they
    are set on the model for that moment only: the model (and its hash) stays as built.
    """
    import mujoco

    settings = model.vis.quality
    backend = os.environ.get("MUJOCO_GL", "<unset>")
    with _QUALITY_LOCK:  # the model's own settings, read and restored, are never another thread's for the moment
        chosen = quality if quality is not None else renderer_quality(model, width, height)
        before = (settings.shadowsize, settings.offsamples)
        settings.shadowsize, settings.offsamples = chosen.shadow_size, chosen.msaa_samples
        try:
            return mujoco.Renderer(model, height=height, width=width)
        except ValueError:
            raise
        except Exception as exc:  # GL platform errors come in many types (GLError, RuntimeError, ...)
            raise RenderError(f"offscreen rendering failed with MUJOCO_GL={backend}: {exc}. {_INSTALL_HINT}") from exc
        finally:
            settings.shadowsize, settings.offsamples = before


def prepare_output_file(path: str | Path, what: str = "output file") -> Path:
    """``path`` with its folder made, or a RenderError naming it (a folder, under a file, not writable): checked
    before minutes of rendering, not after."""
    path = Path(path)
    if path.is_dir():
        raise RenderError(f"{what} {path} is a folder; give a file name such as {path / 'video.mp4'}")
    existing = next(p for p in path.parents if p.exists())
    if not existing.is_dir():
        raise RenderError(f"{what} {path} is under {existing}, which is a file, not a folder")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise RenderError(f"{what} {path}: cannot create its folder {path.parent}: {exc.strerror or exc}") from exc
    if not os.access(path.parent, os.W_OK):
        raise RenderError(f"{what} {path}: its folder {path.parent} is not writable")
    return path


def write_video(path: str | Path, frames: Iterable[np.ndarray], fps: float = 20.0) -> Path:
    """Encode RGB frames (H, W, 3, uint8) to an H.264 mp4, written atomically."""
    import av

    path = prepare_output_file(path, "video")
    tmp = path.with_name(f".{path.name}.partial")
    try:
        _encode(tmp, path, frames, fps)
    except (OSError, av.error.FFmpegError) as exc:
        tmp.unlink(missing_ok=True)
        raise RenderError(f"writing video {path} failed: {getattr(exc, 'strerror', None) or exc}") from exc
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    os.replace(tmp, path)
    return path


def _encode(tmp: Path, path: Path, frames: Iterable[np.ndarray], fps: float) -> int:
    import av

    n = 0
    with av.open(str(tmp), mode="w", format="mp4") as container:
        stream = None
        for frame in frames:
            if stream is None:
                h, w = frame.shape[:2]
                stream = container.add_stream("libx264", rate=round(fps))
                stream.width, stream.height = w - w % 2, h - h % 2
                stream.pix_fmt = "yuv420p"
                stream.options = {"crf": "23", "preset": "veryfast"}
            img = np.ascontiguousarray(frame[: stream.height, : stream.width])
            for packet in stream.encode(av.VideoFrame.from_ndarray(img, format="rgb24")):
                container.mux(packet)
            n += 1
        if stream is None:
            raise RenderError(f"no frames to write to {path}")
        for packet in stream.encode():
            container.mux(packet)
    return n


def tile(images: list[np.ndarray], columns: int | None = None) -> np.ndarray:
    """Arrange equally sized images in a grid (row-major)."""
    if not images:
        raise RenderError("nothing to tile")
    columns = columns or len(images)
    rows = -(-len(images) // columns)
    h, w, c = images[0].shape
    grid = np.zeros((rows * h, columns * w, c), dtype=images[0].dtype)
    for i, img in enumerate(images):
        r, col = divmod(i, columns)
        grid[r * h : (r + 1) * h, col * w : (col + 1) * w] = img
    return grid
