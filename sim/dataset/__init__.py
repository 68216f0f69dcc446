"""The dataset layer: LeRobot v3.0 datasets written, read, verified and viewed without ``lerobot``.

Workers call ``write_episode_shard`` (or ``write_shard``) once per episode; the driver calls
``commit_dataset`` with the shards in episode order. ``DatasetReader`` and ``verify_dataset`` work on the
committed folder.
"""

from sim.dataset.commit import commit_dataset
from sim.dataset.depth import depth_image_mm, depth_key, depth_millimetres
from sim.dataset.env_spec import physics_state_names, record_features, spec_for_env
from sim.dataset.errors import DatasetError, DatasetFileError, DatasetSchemaError, UnknownDatasetNameError
from sim.dataset.info import dataset_info
from sim.dataset.reader import DatasetReader
from sim.dataset.record import EpisodeRecord
from sim.dataset.schema import CODEBASE_VERSION, DatasetSpec, Feature, VideoCodec, make_features
from sim.dataset.shard import (
    Shard,
    read_shard,
    remove_partial_shards,
    validate_record,
    write_episode_shard,
    write_shard,
)
from sim.dataset.verify import VerifyReport, verify_dataset
from sim.dataset.view import view_episode, view_episodes

LeRobotReader = DatasetReader

__all__ = [
    "CODEBASE_VERSION", "DatasetError", "DatasetFileError", "DatasetReader", "DatasetSchemaError", "DatasetSpec",
    "EpisodeRecord", "Feature", "LeRobotReader", "Shard", "UnknownDatasetNameError", "VerifyReport", "VideoCodec",
    "commit_dataset", "dataset_info", "depth_image_mm", "depth_key", "depth_millimetres", "make_features",
    "physics_state_names", "read_shard", "record_features", "remove_partial_shards", "spec_for_env",
    "validate_record", "verify_dataset",
    "view_episode", "view_episodes",
    "write_episode_shard", "write_shard",
]
