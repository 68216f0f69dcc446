"""What the reader's hash check costs: reading a dataset with and without it, beside bare SHA-256. JSON out.

    python bench/dataset_integrity.py [--episodes 20] [--repeats 5] [--data DIR]

Generates a state-only Tabletop dataset (or reads ``--data``), then reads every episode in full with
``DatasetReader(verify=True)`` (each file's size and SHA-256 checked against manifest.json on first open) and
with ``verify=False``, alternating, ``--repeats`` times each, from the page cache. Reports medians, the
check's added milliseconds and ratio, the dataset's size, and hashlib's SHA-256 rate over the same bytes.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sim.dataset import DatasetReader  # noqa: E402


def _read_all(root: Path, verify: bool) -> float:
    began = time.perf_counter()
    with DatasetReader(root, verify=verify) as reader:
        for k in range(reader.num_episodes):
            reader.episode(k)
    return time.perf_counter() - began


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--episodes", type=int, default=20)
    ap.add_argument("--repeats", type=int, default=5)
    ap.add_argument("--data", default=None, help="an existing armstack dataset (default: generate one)")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(args.data) if args.data else Path(tmp) / "data"
        if not args.data:
            from sim.datagen import DatagenConfig, run_datagen

            run_datagen(DatagenConfig(env_id="armstack/Tabletop-v0", robot="panda", episodes=args.episodes,
                                      workers=1, obs=("state",), cameras=(), seed=0, out=str(root)), progress=False)
        files = [p for p in root.rglob("*") if p.is_file() and ".datagen" not in p.parts]
        size = sum(p.stat().st_size for p in files)
        _read_all(root, True)  # warm the page cache and the imports
        checked, unchecked = [], []
        for _ in range(args.repeats):
            checked.append(_read_all(root, True))
            unchecked.append(_read_all(root, False))
        began = time.perf_counter()
        for p in files:
            with open(p, "rb") as f:
                hashlib.file_digest(f, "sha256")
        sha_s = time.perf_counter() - began
        on, off = statistics.median(checked), statistics.median(unchecked)
        print(json.dumps({
            "dataset_mb": round(size / 1e6, 3), "files": len(files),
            "read_all_ms": {"verify": round(on * 1e3, 2), "no_verify": round(off * 1e3, 2)},
            "added_ms": round((on - off) * 1e3, 2), "ratio_verify_to_no_verify": round(on / off, 3),
            "sha256_mb_per_s": round(size / 1e6 / sha_s, 1), "repeats": args.repeats}, indent=2))


if __name__ == "__main__":
    main()
