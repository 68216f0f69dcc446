"""Policy checkpoints: a directory with ``model.safetensors`` and ``policy.json``; loading never unpickles.

``policy.json`` records the architecture (a name in ``policies.networks.ARCHITECTURES`` and its
parameters), the observation layout and adapter, the action spec, normalisation statistics, control
rate, robot, the manifest hash of the training data, the training config and metrics, and the SHA-256
of the weights file, so a tampered or swapped ``model.safetensors`` is refused.
"""

from __future__ import annotations

import hashlib
import json
import math
import os
import shutil
import tempfile
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import torch
from safetensors import SafetensorError, safe_open
from safetensors.torch import load_file, save_file
from torch import nn

from policies.errors import CheckpointError
from policies.networks import build_network
from policies.observation import OBSERVATION_CONTRACT
from policies.spec_limits import MAX_SPEC_BYTES, check_parameter_count, check_spec_numbers

FORMAT = "armstack-policy"
FORMAT_VERSION = 1
WEIGHTS = "model.safetensors"
SPEC = "policy.json"


@dataclass(frozen=True, kw_only=True)
class PolicySpec:
    """Everything but the weights. ``observation["adapter"]`` names how env observations become inputs."""

    architecture: str
    arch_params: dict[str, Any]
    observation: dict[str, Any]
    action: dict[str, Any]
    normalization: dict[str, Any]
    robot: str
    control_hz: float
    data: dict[str, Any] | None = None
    training: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if "adapter" not in self.observation:
            raise CheckpointError("policy spec: observation must name its 'adapter'")
        if not self.control_hz > 0:
            raise CheckpointError(f"policy spec: control_hz must be > 0, got {self.control_hz!r}")
        # Checkpoints from before the version was recorded were all trained on version 1.
        contract = self.observation.get("contract", 1)
        if type(contract) is not int or contract != OBSERVATION_CONTRACT:
            raise CheckpointError(
                f"policy spec: trained on observation contract version {contract!r}; this armstack builds version "
                f"{OBSERVATION_CONTRACT} (sim.observation_contract): retrain the policy on data of this version")


def _sha256(path: Path) -> str:
    with open(path, "rb") as f:
        return hashlib.file_digest(f, "sha256").hexdigest()


def save_checkpoint(out_dir: str | Path, network: nn.Module, spec: PolicySpec) -> Path:
    """Write the checkpoint atomically: a reader sees the old directory or the new one, never half."""
    out = Path(out_dir)
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{out.name}.", suffix=".partial", dir=out.parent))
    try:
        tensors = {k: v.detach().cpu().contiguous() for k, v in network.state_dict().items()}
        save_file(tensors, str(tmp / WEIGHTS), metadata={"format": FORMAT})
        doc = {"format": FORMAT, "format_version": FORMAT_VERSION, **asdict(spec),
               "weights_sha256": _sha256(tmp / WEIGHTS)}
        doc["observation"] = {**spec.observation, "contract": OBSERVATION_CONTRACT}
        (tmp / SPEC).write_text(json.dumps(doc, indent=2, sort_keys=False, allow_nan=False) + "\n")
        if out.exists():
            old = out.with_name(f".{out.name}.old")
            shutil.rmtree(old, ignore_errors=True)
            os.replace(out, old)
            os.replace(tmp, out)
            shutil.rmtree(old, ignore_errors=True)
        else:
            os.replace(tmp, out)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return out


def read_spec(path: str | Path) -> PolicySpec:
    root = Path(path)
    spec_path = root / SPEC
    if not root.is_dir():
        raise CheckpointError(f"{root}: not a checkpoint directory (expected {SPEC} and {WEIGHTS} inside)")
    try:
        size = spec_path.stat().st_size
        if size > MAX_SPEC_BYTES:
            raise CheckpointError(f"{spec_path}: {size:,} bytes; the bound is {MAX_SPEC_BYTES:,}")
        doc = json.loads(spec_path.read_text())
    except FileNotFoundError as exc:
        raise CheckpointError(f"{spec_path}: missing; is {root} a checkpoint directory?") from exc
    except (json.JSONDecodeError, UnicodeDecodeError, RecursionError) as exc:
        raise CheckpointError(f"{spec_path}: not valid JSON ({exc})") from exc
    except OSError as exc:
        raise CheckpointError(f"{spec_path}: unreadable ({exc.strerror or exc})") from exc
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise CheckpointError(f"{spec_path}: not an armstack policy (format {doc.get('format')!r})"
                              if isinstance(doc, dict) else f"{spec_path}: not a JSON object")
    if doc.get("format_version") != FORMAT_VERSION:
        raise CheckpointError(f"{spec_path}: format_version {doc.get('format_version')!r}; this armstack reads "
                              f"version {FORMAT_VERSION}")
    try:
        check_spec_numbers(doc)
    except CheckpointError as exc:
        raise CheckpointError(f"{root}/{exc}") from exc
    except RecursionError as exc:
        raise CheckpointError(f"{spec_path}: nested too deeply to be a policy spec") from exc
    for key in ("arch_params", "observation", "action", "normalization"):
        if key in doc and not isinstance(doc[key], dict):
            raise CheckpointError(f"{spec_path}: {key} must be a JSON object, got {type(doc[key]).__name__}")
    fields = {k: doc[k] for k in PolicySpec.__dataclass_fields__ if k in doc}
    try:
        return PolicySpec(**fields)
    except TypeError as exc:
        raise CheckpointError(f"{spec_path}: incomplete policy spec: {exc}") from exc


def read_checkpoint(path: str | Path) -> tuple[PolicySpec, nn.Module]:
    """The spec and the network with its weights, after checking the weights' hash."""
    root = Path(path)
    spec = read_spec(root)
    doc = json.loads((root / SPEC).read_text())
    weights = root / WEIGHTS
    if not weights.is_file():
        raise CheckpointError(f"{weights}: missing")
    digest = _sha256(weights)
    if digest != doc.get("weights_sha256"):
        raise CheckpointError(f"{weights}: SHA-256 {digest[:16]}... does not match policy.json "
                              f"({str(doc.get('weights_sha256'))[:16]}...): the weights were modified or swapped")
    _check_size(weights, spec)
    try:
        tensors = load_file(str(weights))
    except (SafetensorError, OSError) as exc:
        raise CheckpointError(f"{weights}: unreadable safetensors file: {exc}") from exc
    network = build_network(spec.architecture, spec.arch_params)
    try:
        network.load_state_dict(tensors, strict=True)
    except RuntimeError as exc:
        raise CheckpointError(f"{weights}: weights do not fit architecture {spec.architecture!r}: {exc}") from exc
    network.eval()
    for p in network.parameters():
        p.requires_grad_(False)
    return spec, network


def _check_size(weights: Path, spec: PolicySpec) -> None:
    """The architecture's tensors, built on the meta device (no memory), against the bound on parameters and the
    tensors the weights file holds: nothing is allocated for a network the file could not fill."""
    with torch.device("meta"):
        shapes = {k: tuple(v.shape) for k, v in build_network(spec.architecture, spec.arch_params).state_dict().items()}
    check_parameter_count(sum(math.prod(s) for s in shapes.values()), spec.architecture)
    try:
        with safe_open(str(weights), framework="pt") as f:
            stored = {k: tuple(f.get_slice(k).get_shape()) for k in f.keys()}  # noqa: SIM118 - not a dict
    except (SafetensorError, OSError) as exc:
        raise CheckpointError(f"{weights}: unreadable safetensors file: {exc}") from exc
    if stored != shapes:
        diff = sorted(k for k in set(stored) | set(shapes) if stored.get(k) != shapes.get(k))[:3]
        raise CheckpointError(f"{weights}: weights do not fit architecture {spec.architecture!r} with arch_params "
                              f"{spec.arch_params}: " + "; ".join(f"{k}: file {stored.get(k)}, network {shapes.get(k)}"
                                                                  for k in diff))


def manifest_sha256(dataset_root: str | Path) -> str | None:
    """Hash of the dataset's manifest (what the data factory commits last), or None without one."""
    path = Path(dataset_root) / "manifest.json"
    return _sha256(path) if path.is_file() else None

