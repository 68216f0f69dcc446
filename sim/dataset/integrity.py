"""The manifest's sizes and SHA-256 per file, checked by the reader the first time it opens each file.

``armstack dataset verify`` checks every file; a reader checks only what it opens, once, so training on a
dataset whose data, video or metadata changed after the commit fails naming the file instead of learning
from it. The manifest vouches for itself with ``manifest_sha256`` (damage, not a forger who rewrites it too).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sim.dataset.errors import DatasetFileError
from sim.dataset.files import sha256_file
from sim.dataset.layout import MANIFEST_PATH, read_json

NO_VERIFY_HINT = "verify=False (armstack train bc --trust-data) reads it unchecked"


class ManifestHashes:
    """Checks files of the dataset at ``root`` against its manifest; ``enabled=False`` checks nothing."""

    def __init__(self, root: Path, enabled: bool = True) -> None:
        self.root = root
        self.enabled = enabled
        self.files: dict[str, dict[str, Any]] = {}
        self.checked: set[str] = set()
        self.bytes_hashed = 0
        if not enabled:
            return
        path = root / MANIFEST_PATH
        if not path.is_file():
            raise DatasetFileError(path, f"missing: without it no file's SHA-256 can be checked (an unfinished "
                                         f"commit, or a dataset armstack did not write; {NO_VERIFY_HINT})")
        from sim.dataset.commit import manifest_digest, manifest_problem  # commit imports the encoders

        manifest = read_json(path)
        problem = manifest_problem(manifest)
        if problem:
            raise DatasetFileError(path, problem)
        if manifest.get("manifest_sha256") != manifest_digest(manifest):
            raise DatasetFileError(path, "content differs from its own manifest_sha256 (corrupt or edited)")
        self.files = manifest["files"]

    def check(self, path: Path) -> Path:
        """``path``, once its size and SHA-256 match the manifest (hashed on the first call only)."""
        if not self.enabled:
            return path
        rel = path.relative_to(self.root).as_posix()
        if rel in self.checked:
            return path
        entry = self.files.get(rel)
        if entry is None:
            raise DatasetFileError(path, f"not listed in {MANIFEST_PATH}: the dataset's files are only those it lists")
        if not path.is_file():
            raise DatasetFileError(path, "missing (listed in the manifest)")
        size = path.stat().st_size
        if size != entry.get("bytes"):
            raise DatasetFileError(path, f"has {size} bytes, the manifest says {entry.get('bytes')} (truncated or "
                                         f"modified; armstack dataset verify lists every damaged file)")
        if sha256_file(path) != entry.get("sha256"):
            raise DatasetFileError(path, "SHA-256 differs from the manifest (corrupt or modified; armstack dataset "
                                         "verify lists every damaged file)")
        self.bytes_hashed += size
        self.checked.add(rel)
        return path
