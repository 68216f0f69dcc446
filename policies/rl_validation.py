"""The validation evaluations of ``armstack train rl`` and the checkpoint they keep in ``best/``.

``ValidationEvaluations`` is SB3's ``EvalCallback`` (same ``evaluations.npz``) with two changes (issue 19):

- A run that starts from a policy (``demo_pretrain_steps`` on demos: the behaviour clone; a residual on a BC base:
  the base itself) is evaluated at step 0, after the pretraining and before the first env step, so ``best/`` can
  keep the policy it started from. Before, the first evaluation came at ``eval_every`` steps: on Push from 400
  demonstrations online SAC had lost the clone by then (seed 1: 82 -> 58 of 100 held out at 2,500 steps, paired
  p = 0.0004) and ``best/`` could only hold a worse checkpoint.
- ``best/`` is ranked by ``RANKED_BY``: success at the episode's last step (what ``metrics.json``, the benches and
  the README report), not SB3's mean return; a tie keeps the earlier checkpoint, as the benches'
  ``best_by_validation`` does, because over sessions 10-16 an online point on Push was more often below the clone
  than above it and 20 validation episodes cannot tell close points apart (a later point must show more successes).

``best/`` holds the SB3 model (``best_model.zip``), its observation statistics at that step (``vecnormalize.pkl``;
the final ones differ, the normaliser keeps learning), ``best.json`` (its step and validation figures) and, where
the run exports, ``policy/`` (an armstack checkpoint ``armstack eval`` runs).
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
from stable_baselines3.common.callbacks import EvalCallback
from stable_baselines3.common.evaluation import evaluate_policy
from stable_baselines3.common.vec_env import sync_envs_normalization

RANKED_BY = ("success_rate at the last step on the validation episodes (mean return where the env reports no "
             "success); a tie keeps the earlier checkpoint")
BEST_MODEL, BEST_STATS, BEST_RECORD, BEST_POLICY = "best_model.zip", "vecnormalize.pkl", "best.json", "policy"


def rank(success_rate: float | None, mean_return: float) -> float:
    """What ``best/`` maximises for one evaluation (``RANKED_BY``); ties go to the earlier evaluation."""
    return float(mean_return) if success_rate is None else float(success_rate)


class ValidationEvaluations(EvalCallback):
    """``EvalCallback`` ranking ``best/`` by ``RANKED_BY``, evaluating at step 0 when ``at_start`` (a run that starts
    from a policy), saving the observation statistics beside the best model, and calling ``export_best(model,
    folder)`` after each new best (the run's armstack export into ``best/policy``)."""

    def __init__(self, eval_env: Any, *, at_start: bool = False,
                 export_best: Callable[[Any, Path], None] | None = None, **kwargs: Any) -> None:
        super().__init__(eval_env, **kwargs)
        self.at_start, self.export_best = at_start, export_best
        self.best_rank: float | None = None

    def _on_training_start(self) -> None:
        super()._on_training_start()
        # After _setup_learn, so after DemoSAC's pretraining; a resumed run has evaluated its start already.
        if self.at_start and self.num_timesteps == 0 and not self.evaluations_timesteps:
            self.evaluate()

    def _on_step(self) -> bool:
        if self.eval_freq > 0 and self.n_calls % self.eval_freq == 0:
            return self.evaluate()
        return True

    def evaluate(self) -> bool:
        """One evaluation round (SB3's ``EvalCallback._on_step`` body, ranked by ``rank``); whether to go on."""
        if self.model.get_vec_normalize_env() is not None:
            sync_envs_normalization(self.training_env, self.eval_env)
        self._is_success_buffer = []
        returns, lengths = evaluate_policy(self.model, self.eval_env, n_eval_episodes=self.n_eval_episodes,
                                           render=self.render, deterministic=self.deterministic,
                                           return_episode_rewards=True, warn=self.warn,
                                           callback=self._log_success_callback)
        assert isinstance(returns, list) and isinstance(lengths, list)  # return_episode_rewards=True
        success = float(np.mean(self._is_success_buffer)) if self._is_success_buffer else None
        if self.log_path is not None:
            self.evaluations_timesteps.append(self.num_timesteps)
            self.evaluations_results.append(returns)
            self.evaluations_length.append(lengths)
            extra: dict[str, Any] = {}
            if self._is_success_buffer:
                self.evaluations_successes.append(self._is_success_buffer)
                extra["successes"] = self.evaluations_successes
            np.savez(self.log_path, timesteps=self.evaluations_timesteps, results=self.evaluations_results,
                     ep_lengths=self.evaluations_length, **extra)
        mean_return = float(np.mean(returns))
        self.last_mean_reward = mean_return
        self.logger.record("eval/mean_reward", mean_return)
        self.logger.record("eval/mean_ep_length", float(np.mean(lengths)))
        if success is not None:
            self.logger.record("eval/success_rate", success)
        self.logger.record("time/total_timesteps", self.num_timesteps, exclude="tensorboard")
        self.logger.dump(self.num_timesteps)
        now = rank(success, mean_return)
        if self.best_rank is None or now > self.best_rank:
            self.best_rank = now
            self.best_mean_reward = mean_return
            if self.best_model_save_path is not None:
                self._save_best(Path(self.best_model_save_path), success, mean_return)
        if self.callback is not None:
            return self._on_event()
        return True

    def _save_best(self, folder: Path, success: float | None, mean_return: float) -> None:
        """The model, its statistics and record into ``folder``; the record last, so a kill mid-save leaves a
        record that does not name this step (``drop_best_past`` then removes the set on resume)."""
        folder.mkdir(parents=True, exist_ok=True)
        (folder / BEST_RECORD).unlink(missing_ok=True)
        self.model.save(folder / BEST_MODEL)
        normalizer = self.model.get_vec_normalize_env()
        if normalizer is not None:
            normalizer.save(str(folder / BEST_STATS))
        else:
            (folder / BEST_STATS).unlink(missing_ok=True)
        if self.export_best is not None:
            self.export_best(self.model, folder / BEST_POLICY)
        record = {"env_steps": int(self.num_timesteps), "success_rate": success, "mean_return": mean_return,
                  "episodes": int(self.n_eval_episodes), "ranked_by": RANKED_BY}
        tmp = folder / f".{BEST_RECORD}.tmp"
        tmp.write_text(json.dumps(record, indent=2))
        os.replace(tmp, folder / BEST_RECORD)

    def resume(self, path: Path, resumed_at: int, n_envs: int) -> None:
        """Go on with the evaluations a killed run saved in ``path`` (rewritten at every evaluation).

        Only those up to the resume point ``resumed_at`` are kept: the killed run may have evaluated past its last
        resume point, and the resumed run evaluates those steps again (kept, each step would appear twice). The
        step count resumes too, so evaluations fall on the same steps as in an unbroken run, and the best rank is
        the kept evaluations' (a resumed run's step-0 evaluation is among them: it is not made again).
        """
        self.n_calls = resumed_at // n_envs  # EvalCallback counts vector steps
        if not path.is_file():
            return
        data = np.load(path)
        keep = np.asarray(data["timesteps"]) <= resumed_at
        self.evaluations_timesteps = [int(t) for t in np.asarray(data["timesteps"])[keep]]
        self.evaluations_results = [list(r) for r in np.asarray(data["results"])[keep]]
        self.evaluations_length = [list(n) for n in np.asarray(data["ep_lengths"])[keep]]
        successes = [list(x) for x in np.asarray(data["successes"])[keep]] if "successes" in data.files else None
        if successes is not None:
            self.evaluations_successes = successes
        if keep.any():
            ranks = [rank(float(np.mean(s)) if successes is not None else None, float(np.mean(r)))
                     for s, r in zip(successes or self.evaluations_results, self.evaluations_results, strict=True)]
            best = int(np.argmax(ranks))
            self.best_rank, self.best_mean_reward = ranks[best], float(np.mean(self.evaluations_results[best]))
        if self.best_model_save_path is not None:
            drop_best_past(Path(self.best_model_save_path), resumed_at)


def drop_best_past(folder: Path, resumed_at: int) -> None:
    """Remove ``best/``'s files if the killed run saved them past the resume point (or left them half saved).

    Its evaluation is no longer in the record, and the kept best it replaced was overwritten, so nothing can be
    rolled back: best/ stays empty until the resumed run evaluates higher than every kept evaluation.

    Half saved: ``_save_best`` removes ``best.json`` first and writes it last, so a best/ without it is half saved,
    unless it is a best/ from before best.json (5372b24), which was SB3's model alone: no observation statistics and
    no ``policy/`` export either. A model beside a ``policy/`` (or an export's leftover ``.policy.*``) with no
    ``best.json`` is half saved too: with ``normalize_obs: false`` no statistics are written, and a run killed while
    exporting leaves the new model beside the previous best's ``policy/`` (REV s17-R2).
    """
    import zipfile

    model = folder / BEST_MODEL
    if not model.is_file():
        return
    saved_at: int | None
    recorded: int | None
    try:
        with zipfile.ZipFile(model) as archive:
            saved_at = int(json.loads(archive.read("data"))["num_timesteps"])
    except (OSError, ValueError, KeyError, TypeError, zipfile.BadZipFile):
        saved_at = None  # unreadable: its step cannot be shown to be kept
    try:
        recorded = int(json.loads((folder / BEST_RECORD).read_text())["env_steps"])
    except (OSError, ValueError, KeyError, TypeError):
        exported = (folder / BEST_POLICY).exists() or any(folder.glob(f".{BEST_POLICY}.*"))
        old_format = not (folder / BEST_STATS).exists() and not exported
        recorded = saved_at if old_format else None
    if saved_at is None or saved_at > resumed_at or recorded != saved_at:
        for name in (BEST_MODEL, BEST_STATS, BEST_RECORD):
            (folder / name).unlink(missing_ok=True)
        for export in (folder / BEST_POLICY, *folder.glob(f".{BEST_POLICY}.*")):
            shutil.rmtree(export, ignore_errors=True)


def read_best(folder: Path) -> dict[str, Any] | None:
    """``best.json`` of a run's ``best/`` (the step it holds and its validation figures); None when best/ holds no
    model (a resumed run whose best was dropped and not yet replaced)."""
    try:
        record: dict[str, Any] = json.loads((folder / BEST_RECORD).read_text())
    except (OSError, ValueError):
        return None
    return record if (folder / BEST_MODEL).is_file() else None


__all__ = ["RANKED_BY", "ValidationEvaluations", "drop_best_past", "rank", "read_best"]
