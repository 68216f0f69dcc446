"""Offscreen rendering and video writing.

``select_gl_backend`` must run before ``mujoco`` is imported: MuJoCo picks its OpenGL
platform once, at import, from ``MUJOCO_GL``.
"""

from __future__ import annotations

import ctypes.util
import os
from collections.abc import Iterable
from pathlib import Path

import numpy as np

from sim.errors import RenderError

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


def make_renderer(model: object, width: int, height: int) -> object:
    """A ``mujoco.Renderer``, or a RenderError that names what to install."""
    import mujoco

    backend = os.environ.get("MUJOCO_GL", "<unset>")
    try:
        return mujoco.Renderer(model, height=height, width=width)
    except ValueError:
        raise
    except Exception as exc:  # GL platform errors come in many types (GLError, RuntimeError, ...)
        raise RenderError(f"offscreen rendering failed with MUJOCO_GL={backend}: {exc}. {_INSTALL_HINT}") from exc


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
