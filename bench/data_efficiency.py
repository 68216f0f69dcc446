"""Success against the number of demonstrations, per policy family: the data-efficiency curve of issue 18 item 2.

For each N in ``--sizes`` (demonstrations per task; Tabletop-v0 draws its tasks uniformly, so a dataset of
N x tasks episodes holds about N per task), the family's recipe trains on the first N x tasks episodes of one
Panda Tabletop dataset and is evaluated on held-out seeds (disjoint from the data's; 95% Wilson intervals).
The episodes of a dataset are its successful attempts in order, so the first K episodes of a larger dataset are
exactly the K-episode dataset of the same seed: each family generates one dataset, for the largest N, cached
under ``--cache`` (default ``--out``/data)/<hash of its datagen content, episodes left out> and reused while it
is large enough.

Families: ``state`` (BC with the shipped checkpoint's recipe, policies/pretrained/panda_tabletop_bc.yaml) and
``visuomotor`` (front + wrist RGB, policies/visuomotor/recipes/pickplace64.yaml; asked for explicitly: its
training needs compute a 2-core machine lacks). Prints the JSON, writes it to ``--out``/data_efficiency.json
and the plot (one line per family) to ``--out``/data_efficiency.png.

    MUJOCO_GL=egl python bench/data_efficiency.py --sizes 50,150,500 --eval-episodes 50
    MUJOCO_GL=egl python bench/data_efficiency.py --families state,visuomotor --sizes 50,150
"""

from __future__ import annotations

import argparse
import hashlib
import json
import shutil
import sys
import time
from pathlib import Path
from typing import Any

ENV_ID = "armstack/Tabletop-v0"
FAMILIES = ("state", "visuomotor")
STATE_RECIPE = "policies/pretrained/panda_tabletop_bc.yaml"
VISUOMOTOR_RECIPE = "policies/visuomotor/recipes/pickplace64.yaml"


def parse_ints(text: str, what: str) -> list[int]:
    try:
        values = sorted({int(v) for v in text.split(",") if v.strip()})
    except ValueError:
        raise SystemExit(f"{what}: {text!r} is not a comma list of integers") from None
    if not values or values[0] < 1:
        raise SystemExit(f"{what}: needs integers >= 1, got {text!r}")
    return values


def parse_families(text: str) -> list[str]:
    families = [f for f in text.split(",") if f]
    bad = [f for f in families if f not in FAMILIES]
    if bad or not families:
        raise SystemExit(f"--families: {bad or text!r} unknown; valid: {', '.join(FAMILIES)}")
    return families


def cached_dataset(config: Any, cache: Path, progress: bool) -> tuple[Path, dict[str, Any]]:
    """The dataset of ``config`` (a DatagenConfig) or a larger one of the same content, generated when missing."""
    import dataclasses

    from sim.datagen import run_datagen

    content = {k: v for k, v in config.content_fields().items() if k != "episodes"}
    key = hashlib.sha256(json.dumps(content, sort_keys=True).encode()).hexdigest()[:16]
    root = cache / key
    manifest = root / "manifest.json"
    if manifest.is_file():
        held = int(json.loads(manifest.read_text()).get("summary", {}).get("episodes", 0))
        if held >= config.episodes:
            return root, {"root": str(root), "episodes": held, "reused": True, "seconds": 0.0}
        shutil.rmtree(root)  # too small: the larger dataset starts with the same episodes
    t0 = time.perf_counter()
    summary = run_datagen(dataclasses.replace(config, out=str(root)), progress=progress)
    return root, {"root": str(root), "episodes": summary["episodes"], "reused": False,
                  "expert_success": summary["expert_success_rate"], "seconds": round(time.perf_counter() - t0, 1)}


def evaluate_run(run: Path, args: argparse.Namespace) -> dict[str, Any]:
    """Held-out success of ``run``/best on seeds disjoint from its training data's, overall and per task."""
    import policies
    from policies.evaluate import evaluate_policy

    policy = policies.load(run / "best")
    seeds = (policy.spec.data or {}).get("seeds", [])
    report = evaluate_policy(policy, env_id=ENV_ID, robot="panda", episodes=args.eval_episodes,
                             exclude_seeds=seeds, progress=not args.quiet)
    return {"success": report["success_rate"], "ci95": report["ci95"], "episodes": report["episodes"],
            "tasks": {t: {"success": r["success_rate"], "ci95": r["ci95"]} for t, r in report["tasks"].items()}}


def train_state(data: Path, run: Path, episodes: int, args: argparse.Namespace) -> dict[str, Any]:
    from policies.bc import load_bc_config, train_bc

    t0 = time.perf_counter()
    config = load_bc_config(args.state_config, data=str(data), out=str(run), max_episodes=episodes,
                            epochs=args.epochs, eval_episodes=args.select_episodes, threads=args.threads)
    train = train_bc(config, progress=not args.quiet)
    seconds = round(time.perf_counter() - t0, 1)
    return {**evaluate_run(run, args), "train_seconds": seconds, "train_episodes": train["episodes"],
            "epochs": config.epochs, "best_epoch": train["best"].get("epoch")}


def train_image(data: Path, run: Path, episodes: int, args: argparse.Namespace) -> dict[str, Any]:
    from policies.visuomotor.config import load_visuomotor_config
    from policies.visuomotor.train import train_visuomotor

    t0 = time.perf_counter()
    config = load_visuomotor_config(args.visuomotor_config, data=str(data), out=str(run), max_episodes=episodes,
                                    steps=args.vm_steps, threads=args.threads)
    train = train_visuomotor(config, progress=not args.quiet)
    seconds = round(time.perf_counter() - t0, 1)
    return {**evaluate_run(run, args), "train_seconds": seconds, "train_episodes": train["episodes"],
            "steps": train["steps"], "best_val_loss": train["best_val_loss"]}


def plot(result: dict[str, Any], path: Path) -> None:
    """One line per family: held-out success (95% Wilson interval as error bars) against demonstrations per task."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(5.5, 3.8), dpi=120)
    for k, (family, rows) in enumerate(result["families"].items()):
        sizes = [r["per_task"] * 1.03 ** k for r in rows]  # a small offset per family: equal points stay visible
        success = [100 * r["success"] for r in rows]
        lo = [100 * (r["success"] - r["ci95"][0]) for r in rows]
        hi = [100 * (r["ci95"][1] - r["success"]) for r in rows]
        ax.errorbar(sizes, success, yerr=[lo, hi], marker="o", capsize=3, label=family)
    ax.set_xscale("log")
    sizes = sorted({r["per_task"] for rows in result["families"].values() for r in rows})
    ax.set_xticks(sizes, [str(s) for s in sizes])
    ax.minorticks_off()
    ax.set_ylim(-2, 102)
    ax.set_xlabel("demonstrations per task")
    ax.set_ylabel("held-out success (%), 95% CI")
    ax.set_title(f"Panda Tabletop, {result['eval_episodes_per_task']} held-out episodes per task")
    ax.grid(alpha=0.3)
    ax.legend()
    fig.tight_layout()
    tmp = path.with_name(path.name + ".partial.png")
    fig.savefig(tmp)
    plt.close(fig)
    tmp.replace(path)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="50,150,500", help="demonstrations per task (comma list)")
    parser.add_argument("--families", default="state", help=f"comma list of {', '.join(FAMILIES)}")
    parser.add_argument("--eval-episodes", type=int, default=50, help="held-out episodes per task")
    parser.add_argument("--state-config", default=STATE_RECIPE, help="BCConfig YAML of the state family")
    parser.add_argument("--visuomotor-config", default=VISUOMOTOR_RECIPE, help="VisuomotorConfig YAML")
    parser.add_argument("--epochs", type=int, default=None, help="override the state recipe's epochs (smoke runs)")
    parser.add_argument("--select-episodes", type=int, default=None,
                        help="override the state recipe's checkpoint-selection episodes (smoke runs)")
    parser.add_argument("--vm-steps", type=int, default=None, help="override the visuomotor recipe's steps")
    parser.add_argument("--image-size", type=int, default=64, help="camera frames of the visuomotor data")
    parser.add_argument("--threads", type=int, default=1, help="torch threads for training")
    parser.add_argument("--workers", type=int, default=2, help="datagen workers")
    parser.add_argument("--seed", type=int, default=0, help="datagen seed")
    parser.add_argument("--out", default="out/bench/data_efficiency")
    parser.add_argument("--cache", default=None, help="dataset cache shared between runs (default OUT/data)")
    parser.add_argument("--quiet", action="store_true")
    args = parser.parse_args(argv)
    sizes = parse_ints(args.sizes, "--sizes")
    families = parse_families(args.families)
    if args.eval_episodes < 1:
        raise SystemExit(f"--eval-episodes must be >= 1, got {args.eval_episodes}")

    import torch

    from policies.visuomotor.config import load_visuomotor_config
    from sim.datagen import DatagenConfig
    from sim.tasks import tabletop_tasks

    torch.set_num_threads(args.threads)
    out = Path(args.out)
    tasks = len(tabletop_tasks())
    result: dict[str, Any] = {"bench": "data_efficiency", "env": ENV_ID, "robot": "panda", "tasks": tasks,
                              "sizes_per_task": sizes, "eval_episodes_per_task": args.eval_episodes,
                              "recipes": {"state": args.state_config, "visuomotor": args.visuomotor_config},
                              "datasets": {}, "families": {}}
    for family in families:
        if family == "state":
            config = DatagenConfig(env_id=ENV_ID, robot="panda", episodes=max(sizes) * tasks, workers=args.workers,
                                   obs=("state",), cameras=(), seed=args.seed)
        else:
            cams = load_visuomotor_config(args.visuomotor_config, data="-", out="-").cameras
            config = DatagenConfig(env_id=ENV_ID, robot="panda", episodes=max(sizes) * tasks, workers=args.workers,
                                   obs=("state", "rgb"), cameras=cams, image_size=args.image_size, seed=args.seed)
        data, made = cached_dataset(config, Path(args.cache) if args.cache else out / "data", not args.quiet)
        result["datasets"][family] = made
        rows = []
        for n in sizes:
            run = out / "runs" / f"{family}_{n}"
            if run.exists():
                shutil.rmtree(run)  # a fresh run: an old one would resume or be refused
            train = train_state if family == "state" else train_image
            rows.append({"per_task": n, **train(data, run, n * tasks, args)})
        result["families"][family] = rows
    out.mkdir(parents=True, exist_ok=True)
    plot(result, out / "data_efficiency.png")
    text = json.dumps(result, indent=2)
    (out / "data_efficiency.json.partial").write_text(text + "\n")
    (out / "data_efficiency.json.partial").replace(out / "data_efficiency.json")
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
