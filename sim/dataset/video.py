"""Camera streams as mp4: encode one episode, join episodes by remuxing (no re-encode), decode by frame index.

Every file we write has frame k at pts exactly k/fps, constant rate: LeRobot locates an episode's
frames by time (``from_timestamp`` + frame time) with a 1e-4 s tolerance.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path
from typing import Any

import av
import numpy as np
from av.video.reformatter import VideoReformatter

from sim.dataset.errors import DatasetFileError, DatasetSchemaError
from sim.dataset.schema import VideoCodec

os.environ.setdefault("SVT_LOG", "1")  # SVT-AV1 prints a banner per stream otherwise (1: errors only)
_SEEK_GAP = 8
"""Decode forward instead of seeking when the next wanted frame is at most this many frames ahead."""


@dataclass(frozen=True, kw_only=True)
class VideoInfo:
    """What a full decode found in a video file."""

    frames: int
    width: int
    height: int
    codec: str
    on_grid: bool
    """Every frame k has pts == k/fps exactly."""


def encode_video(frames: np.ndarray, path: Path, fps: int, codec: VideoCodec, threads: int = 1) -> int:
    """Encode (T, H, W, 3) uint8 RGB frames to ``path``; returns the file size in bytes."""
    if frames.ndim != 4 or frames.shape[-1] != 3 or frames.dtype != np.uint8 or len(frames) == 0:
        raise DatasetSchemaError(f"{path}: expected (T>0, H, W, 3) uint8 frames, got {frames.shape} {frames.dtype}")
    tb = Fraction(1, fps)
    with av.open(str(path), mode="w", format="mp4") as container:
        stream: Any = container.add_stream(codec.encoder, rate=fps, options=codec.options())
        stream.width, stream.height = int(frames.shape[2]), int(frames.shape[1])
        stream.pix_fmt = codec.pix_fmt
        stream.time_base = tb
        stream.codec_context.thread_count = threads
        for k, img in enumerate(frames):
            frame = av.VideoFrame.from_ndarray(np.ascontiguousarray(img), format="rgb24")
            frame.pts, frame.time_base = k, tb
            for packet in stream.encode(frame):
                container.mux(packet)
        for packet in stream.encode():
            container.mux(packet)
    return path.stat().st_size


def _open(path: Path) -> Any:
    if not path.is_file():
        raise DatasetFileError(path, "missing")
    try:
        container = av.open(str(path))
        if not container.streams.video:
            container.close()
            raise DatasetFileError(path, "holds no video stream")
        return container
    except av.error.FFmpegError as exc:
        raise DatasetFileError(path, f"not a readable video ({exc})") from exc


def concat_videos(inputs: Sequence[tuple[Path, int]], out: Path, fps: int) -> None:
    """Join per-episode mp4s (with their frame counts) into ``out`` by copying packets and shifting pts.

    The inputs must come from the same encoder settings (same codec, size and extradata), which is
    what ``encode_video`` with one ``VideoCodec`` gives; anything else is an error, not a silent re-encode.
    """
    if not inputs:
        raise DatasetSchemaError(f"{out}: no videos to join")
    with av.open(str(out), mode="w", format="mp4") as oc:
        ostream: Any = None
        reference: tuple[Any, ...] = ()
        offset = 0
        for path, n_frames in inputs:
            ic = _open(path)
            try:
                istream = ic.streams.video[0]
                cc = istream.codec_context
                signature = (cc.name, cc.width, cc.height, bytes(cc.extradata or b""))
                if ostream is None:
                    ostream, reference = oc.add_stream_from_template(istream, opaque=True), signature
                elif signature != reference:
                    raise DatasetFileError(path, f"cannot be joined to {inputs[0][0]}: codec/size/extradata differ "
                                                 f"({signature[:3]} vs {reference[:3]}); re-write the shards with "
                                                 "one codec setting")
                ticks = Fraction(1, fps) / istream.time_base
                if ticks.denominator != 1:
                    raise DatasetFileError(path, f"time base {istream.time_base} cannot express 1/{fps} s frames")
                shift = offset * int(ticks)
                count = 0
                for packet in ic.demux(istream):
                    if packet.pts is None:  # the demuxer's final empty packet
                        continue
                    if packet.pts != count * int(ticks):
                        raise DatasetFileError(path, f"packet {count} has pts {packet.pts}, expected "
                                                     f"{count * int(ticks)} (frames must be at k/fps, in order)")
                    packet.pts += shift
                    packet.dts = packet.pts if packet.dts is None else packet.dts + shift
                    packet.stream = ostream
                    oc.mux(packet)
                    count += 1
            except av.error.FFmpegError as exc:
                raise DatasetFileError(path, f"cannot be read for joining ({exc})") from exc
            finally:
                ic.close()
            if count != n_frames:
                raise DatasetFileError(path, f"holds {count} frames, its shard says {n_frames}")
            offset += n_frames


class VideoReader:
    """Random access to the frames of one mp4 by frame index (frame k is at pts k/fps)."""

    def __init__(self, path: Path, fps: int, threads: int = 1) -> None:
        self.path, self.fps = path, fps
        self._container = _open(path)
        self._stream = self._container.streams.video[0]
        self._stream.codec_context.thread_count = threads  # one per reader: data loaders parallelise across readers
        # One reformatter for all frames: a new one per frame (Frame.to_ndarray) halves the decode rate.
        self._rgb = VideoReformatter()
        self._tb = self._stream.time_base
        self._iter: Any = None
        self._last = -10**9  # index of the frame decoded last

    def close(self) -> None:
        self._container.close()

    def __enter__(self) -> VideoReader:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _index(self, frame: Any) -> int:
        t = Fraction(frame.pts) * self._tb * self.fps
        if t.denominator != 1:
            raise DatasetFileError(self.path, f"frame at pts {frame.pts} is off the 1/{self.fps} s grid")
        return int(t)

    def _seek(self, index: int) -> None:
        target = int(Fraction(index, self.fps) / self._tb)
        self._container.seek(target, stream=self._stream, backward=True, any_frame=False)
        self._iter = self._container.decode(self._stream)
        self._last = -10**9

    def read(self, indices: Sequence[int] | np.ndarray) -> np.ndarray:
        """Frames at ``indices`` (any order, repeats allowed) as (N, H, W, 3) uint8 RGB."""
        wanted = sorted({int(i) for i in indices})
        found: dict[int, np.ndarray] = {}
        try:
            for index in wanted:
                if self._iter is None or not (self._last < index <= self._last + _SEEK_GAP):
                    self._seek(index)
                while True:
                    frame = next(self._iter, None)
                    if frame is None:
                        raise DatasetFileError(self.path, f"ends before frame {index}")
                    k = self._index(frame)
                    self._last = k
                    if k == index:
                        found[index] = self._rgb.reformat(frame, format="rgb24").to_ndarray()
                        break
                    if k > index:
                        raise DatasetFileError(self.path, f"frame {index} is missing (decoder went from "
                                                          f"before it to frame {k})")
        except av.error.FFmpegError as exc:
            self._iter = None
            raise DatasetFileError(self.path, f"cannot be decoded ({exc})") from exc
        except DatasetFileError:
            self._iter = None
            raise
        return np.stack([found[int(i)] for i in indices]) if len(indices) else np.empty((0, 0, 0, 3), np.uint8)

    def read_range(self, start: int, stop: int) -> np.ndarray:
        """Frames start..stop-1, decoded sequentially after one seek."""
        return self.read(np.arange(start, stop))


def inspect_video(path: Path, fps: int) -> VideoInfo:
    """Decode every frame of ``path``: count, size, codec, and whether pts are exactly k/fps."""
    container = _open(path)
    try:
        stream = container.streams.video[0]
        tb = stream.time_base
        n, on_grid, size = 0, True, (0, 0)
        for frame in container.decode(stream):
            if frame.pts is None or Fraction(frame.pts) * tb != Fraction(n, fps):
                on_grid = False
            size = (frame.width, frame.height)
            n += 1
        return VideoInfo(frames=n, width=size[0], height=size[1], codec=stream.codec_context.name, on_grid=on_grid)
    except av.error.FFmpegError as exc:
        raise DatasetFileError(path, f"cannot be decoded ({exc})") from exc
    finally:
        container.close()
