"""What a dataset holds: features, cameras, storage mode, codec; and their LeRobot v3.0 ``features`` dict.

A ``DatasetSpec`` is shared by the workers (which write shards) and the committer (which writes the
dataset), so both agree on every column. ``spec.lerobot_features()`` is the exact ``features`` block
of ``meta/info.json``: the record features, then one feature per camera, one per depth camera (a 16-bit
image, sim.dataset.depth), then LeRobot's defaults.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from sim.config_io import from_mapping
from sim.dataset.depth import DEPTH_PREFIX, depth_feature, depth_key
from sim.dataset.errors import DatasetSchemaError, UnknownDatasetNameError

CODEBASE_VERSION = "v3.0"
STORAGE_MODES = ("video", "image")
NUMERIC_DTYPES = ("float32", "float64", "int64", "bool")
CAMERA_PREFIX = "observation.images."
# Columns LeRobot requires in every dataset; the committer fills them in.
DEFAULT_FEATURE_DTYPES: dict[str, str] = {
    "timestamp": "float32", "frame_index": "int64", "episode_index": "int64", "index": "int64", "task_index": "int64",
}
RESERVED_NAMES = (*DEFAULT_FEATURE_DTYPES, "task")
# Encoders we write with, and the name LeRobot's info.json gives their bitstream ("video.codec").
VIDEO_ENCODERS: dict[str, str] = {"libx264": "h264", "libsvtav1": "av1"}
X264_TUNES = ("fastdecode", "film", "animation", "grain", "stillimage", "psnr", "ssim", "zerolatency")
X264_PRESETS = ("ultrafast", "superfast", "veryfast", "faster", "fast", "medium", "slow", "slower", "veryslow")
_CAMERA_NAME = re.compile(r"^[A-Za-z0-9_]+$")


# Per encoder: what "auto" resolves to (crf, preset, tune). SVT-AV1's are LeRobot's defaults.
ENCODER_DEFAULTS: dict[str, tuple[int, str, str]] = {"libx264": (18, "veryfast", "fastdecode"),
                                                     "libsvtav1": (30, "12", "none")}


@dataclass(frozen=True, kw_only=True)
class VideoCodec:
    """How camera streams are encoded. ``gop`` is small so that a random frame decodes fast.

    ``crf``/``preset``/``tune`` left as None/"auto" take the encoder's entry in ENCODER_DEFAULTS. The
    default (H.264, veryfast, tune fastdecode, crf 18) trades a few percent of bytes for encode and decode
    speed (bench/dataset_codec.py; figures in docs/measured_defaults.md).
    """

    encoder: str = "libx264"
    crf: int | None = None
    preset: str = "auto"
    """x264 preset name, or an SVT-AV1 preset number as a string ("0".."13")."""
    tune: str = "auto"
    """x264 tune, or "none"; SVT-AV1 takes "none" only."""
    gop: int = 2
    pix_fmt: str = "yuv420p"

    def __post_init__(self) -> None:
        if self.encoder not in VIDEO_ENCODERS:
            raise UnknownDatasetNameError("video encoder", self.encoder, VIDEO_ENCODERS)
        crf, preset, tune = ENCODER_DEFAULTS[self.encoder]
        # Resolve "auto" once, so to_dict() and equality see the settings actually used.
        object.__setattr__(self, "crf", crf if self.crf is None else self.crf)
        object.__setattr__(self, "preset", preset if self.preset == "auto" else self.preset)
        object.__setattr__(self, "tune", tune if self.tune == "auto" else self.tune)
        max_crf = 51 if self.encoder == "libx264" else 63
        if isinstance(self.crf, bool) or not isinstance(self.crf, int) or not 0 <= self.crf <= max_crf:
            raise DatasetSchemaError(f"crf must be an integer from 0 to {max_crf} for {self.encoder}, got {self.crf!r}")
        if self.encoder == "libx264" and self.preset not in X264_PRESETS:
            raise UnknownDatasetNameError("libx264 preset", self.preset, X264_PRESETS)
        if self.encoder == "libsvtav1" and not (self.preset.isdigit() and 0 <= int(self.preset) <= 13):
            raise DatasetSchemaError(f"libsvtav1 preset must be a number from 0 to 13, got {self.preset!r}")
        valid_tunes = (*X264_TUNES, "none") if self.encoder == "libx264" else ("none",)
        if self.tune not in valid_tunes:
            raise UnknownDatasetNameError(f"{self.encoder} tune", self.tune, valid_tunes)
        if not 1 <= self.gop <= 300:
            raise DatasetSchemaError(f"gop must be between 1 and 300 frames, got {self.gop}")
        if self.pix_fmt != "yuv420p":
            raise DatasetSchemaError(f"pix_fmt must be 'yuv420p' (what LeRobot decodes), got {self.pix_fmt!r}")

    @property
    def codec_name(self) -> str:
        """The bitstream's name as LeRobot writes it in ``video.codec``."""
        return VIDEO_ENCODERS[self.encoder]

    def options(self) -> dict[str, str]:
        """Encoder options for PyAV. x264 gets no B-frames: packets stay in order, so remuxing is a pts shift."""
        opts = {"crf": str(self.crf), "preset": self.preset, "g": str(self.gop)}
        if self.encoder == "libx264":
            opts["bf"] = "0"
            # x264's macroblock-tree rate control gave another bitstream for the same frames in ~1% of encodes under
            # CPU load (5 of 1000, 4 of 400; 0 of 1400 without it): datasets must be byte-identical across runs.
            opts["x264-params"] = "mbtree=0"
            if self.tune != "none":
                opts["tune"] = self.tune
        else:
            opts["svtav1-params"] = "lp=1"  # one thread per worker: the parallelism is across workers
        return opts


@dataclass(frozen=True, kw_only=True)
class Feature:
    """One per-frame array of a record: ``dtype`` in NUMERIC_DTYPES, ``shape`` without the time axis."""

    name: str
    dtype: str
    shape: tuple[int, ...]
    names: tuple[str, ...] | None = None

    def __post_init__(self) -> None:
        if not self.name or "/" in self.name or self.name != self.name.strip():
            raise DatasetSchemaError(f"feature name {self.name!r} must be non-empty, without '/' or outer spaces")
        if self.dtype not in NUMERIC_DTYPES:
            raise UnknownDatasetNameError(f"dtype of feature {self.name!r}:", self.dtype, NUMERIC_DTYPES)
        if len(self.shape) != 1 or self.shape[0] < 1:
            raise DatasetSchemaError(f"feature {self.name!r} must be a vector of shape (n,) with n >= 1, "
                                     f"got shape {self.shape}")
        if self.names is not None and len(self.names) != self.shape[0]:
            raise DatasetSchemaError(f"feature {self.name!r} has shape {self.shape} but {len(self.names)} names")

    @property
    def size(self) -> int:
        return self.shape[0]

    def to_lerobot(self) -> dict[str, Any]:
        names = None if self.names is None else list(self.names)
        return {"dtype": self.dtype, "shape": list(self.shape), "names": names}


def make_features(description: Mapping[str, tuple[str, int | Sequence[str]]]) -> tuple[Feature, ...]:
    """Features from ``{name: (dtype, size or names)}``, e.g. ``{"action": ("float32", ["dx", "dy"])}``."""
    out = []
    for name, (dtype, size_or_names) in description.items():
        if isinstance(size_or_names, int):
            out.append(Feature(name=name, dtype=dtype, shape=(size_or_names,)))
        else:
            names = tuple(size_or_names)
            out.append(Feature(name=name, dtype=dtype, shape=(len(names),), names=names))
    return tuple(out)


@dataclass(frozen=True, kw_only=True)
class DatasetSpec:
    """Schema and storage of one dataset. ``image_height``/``image_width`` apply to every camera."""

    fps: int
    robot_type: str
    features: tuple[Feature, ...]
    cameras: tuple[str, ...] = ()
    depth_cameras: tuple[str, ...] = ()
    """Cameras whose depth is stored too (each one of ``cameras``): ``observation.depth.<camera>``, a 16-bit PNG
    of millimetres per frame in the parquet whatever ``storage`` is (lossless; sim.dataset.depth)."""
    image_height: int = 128
    image_width: int = 128
    storage: str = "video"
    codec: VideoCodec = field(default_factory=VideoCodec)
    chunks_size: int = 1000
    data_files_size_in_mb: float = 100.0
    video_files_size_in_mb: float = 200.0

    def __post_init__(self) -> None:
        if isinstance(self.fps, bool) or not isinstance(self.fps, int) or not 1 <= self.fps <= 1000:
            raise DatasetSchemaError(f"fps must be an integer from 1 to 1000 (LeRobot stores an int), got {self.fps!r}")
        if not isinstance(self.robot_type, str) or not self.robot_type:
            raise DatasetSchemaError(f"robot_type must be a non-empty string, got {self.robot_type!r}")
        if self.storage not in STORAGE_MODES:
            raise UnknownDatasetNameError("storage mode", self.storage, STORAGE_MODES)
        if not self.features:
            raise DatasetSchemaError("a dataset needs at least one record feature (e.g. 'action')")
        names = [f.name for f in self.features]
        if len(set(names)) != len(names):
            raise DatasetSchemaError(f"feature names repeat: {names}")
        for name in names:
            if name in RESERVED_NAMES or name.startswith((CAMERA_PREFIX, DEPTH_PREFIX)):
                raise DatasetSchemaError(f"feature name {name!r} is reserved: LeRobot's defaults "
                                         f"({', '.join(RESERVED_NAMES)}), '{CAMERA_PREFIX}*' (cameras) and "
                                         f"'{DEPTH_PREFIX}*' (depth_cameras) are added by the writer")
        if len(set(self.cameras)) != len(self.cameras):
            raise DatasetSchemaError(f"a camera is listed twice: {list(self.cameras)}")
        for cam in self.cameras:
            if not _CAMERA_NAME.match(cam):
                raise DatasetSchemaError(f"camera name {cam!r} must use only letters, digits and '_'")
        if len(set(self.depth_cameras)) != len(self.depth_cameras) or not set(self.depth_cameras) <= set(self.cameras):
            raise DatasetSchemaError(f"depth_cameras must be distinct cameras among {list(self.cameras)}, "
                                     f"got {list(self.depth_cameras)}")
        if not (16 <= self.image_height <= 2160 and 16 <= self.image_width <= 3840):
            raise DatasetSchemaError(f"image size must be 16..3840 wide and 16..2160 high, "
                                     f"got {self.image_width}x{self.image_height}")
        if self.storage == "video" and (self.image_height % 2 or self.image_width % 2):
            raise DatasetSchemaError(f"video storage (yuv420p) needs an even image size, got "
                                     f"{self.image_width}x{self.image_height}; use an even size or storage='image'")
        if self.chunks_size < 2:
            raise DatasetSchemaError(f"chunks_size must be >= 2, got {self.chunks_size}")
        for what, size in (("data", self.data_files_size_in_mb), ("video", self.video_files_size_in_mb)):
            if not size > 0:
                raise DatasetSchemaError(f"{what}_files_size_in_mb must be > 0, got {size}")

    # --- names -----------------------------------------------------------------------------
    @staticmethod
    def camera_key(camera: str) -> str:
        return f"{CAMERA_PREFIX}{camera}"

    @property
    def camera_keys(self) -> tuple[str, ...]:
        return tuple(self.camera_key(c) for c in self.cameras)

    @property
    def depth_keys(self) -> tuple[str, ...]:
        return tuple(depth_key(c) for c in self.depth_cameras)

    @property
    def feature_names(self) -> tuple[str, ...]:
        return tuple(f.name for f in self.features)

    def feature(self, name: str) -> Feature:
        for f in self.features:
            if f.name == name:
                return f
        raise UnknownDatasetNameError("feature", name, self.feature_names)

    # --- LeRobot ---------------------------------------------------------------------------
    def camera_feature(self) -> dict[str, Any]:
        """The LeRobot feature of every camera (all cameras share size and codec)."""
        h, w = self.image_height, self.image_width
        ft: dict[str, Any] = {"dtype": self.storage, "shape": [h, w, 3], "names": ["height", "width", "channels"]}
        if self.storage == "video":
            ft["info"] = {"video.height": h, "video.width": w, "video.codec": self.codec.codec_name,
                          "video.pix_fmt": self.codec.pix_fmt, "video.is_depth_map": False, "video.fps": self.fps,
                          "video.channels": 3, "has_audio": False}
        return ft

    def lerobot_features(self) -> dict[str, dict[str, Any]]:
        """The ``features`` block of ``meta/info.json``, in column order."""
        out = {f.name: f.to_lerobot() for f in self.features}
        out.update({key: self.camera_feature() for key in self.camera_keys})
        out.update({key: depth_feature(self.image_height, self.image_width) for key in self.depth_keys})
        out.update({name: {"dtype": t, "shape": [1], "names": None} for name, t in DEFAULT_FEATURE_DTYPES.items()})
        return out

    # --- (de)serialisation: shards carry the spec they were written with --------------------
    def to_dict(self) -> dict[str, Any]:
        return {
            "fps": self.fps, "robot_type": self.robot_type,
            "features": [{"name": f.name, "dtype": f.dtype, "shape": list(f.shape),
                          "names": None if f.names is None else list(f.names)} for f in self.features],
            "cameras": list(self.cameras), "depth_cameras": list(self.depth_cameras),
            "image_height": self.image_height, "image_width": self.image_width,
            "storage": self.storage,
            "codec": {"encoder": self.codec.encoder, "crf": self.codec.crf, "preset": self.codec.preset,
                      "tune": self.codec.tune, "gop": self.codec.gop, "pix_fmt": self.codec.pix_fmt},
            "chunks_size": self.chunks_size, "data_files_size_in_mb": self.data_files_size_in_mb,
            "video_files_size_in_mb": self.video_files_size_in_mb,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> DatasetSpec:
        """The spec ``to_dict()`` wrote (or its ``content_dict()``); unknown keys are refused, as in every config."""
        if not isinstance(data, Mapping) or not isinstance(data.get("features"), list | tuple):
            raise DatasetSchemaError(f"not a dataset spec: expected the keys of DatasetSpec.to_dict() with a "
                                     f"'features' list, got {type(data).__name__}")
        features = tuple(from_mapping(Feature, f, where=f"dataset spec: features[{i}]", error=DatasetSchemaError)
                         for i, f in enumerate(data["features"]))
        codec = from_mapping(VideoCodec, data.get("codec", {}), where="dataset spec: codec", error=DatasetSchemaError)
        return from_mapping(cls, {**data, "features": features, "codec": codec}, where="dataset spec",
                            error=DatasetSchemaError)

    def content_dict(self) -> dict[str, Any]:
        """``to_dict()`` without the file-size limits: what shards of one dataset must agree on."""
        d = self.to_dict()
        for key in ("chunks_size", "data_files_size_in_mb", "video_files_size_in_mb"):
            d.pop(key)
        return d
