"""SAC for a residual on a base policy, kept near a zero residual: the learner of ``policies.residual_goal_env``.

Plain SAC on a residual env loses the base policy's success within a few thousand actor updates (bench
``rl_tasks.py``, docs/measured_defaults.md "Residual RL"): the critic's action gradient is noise while it has
seen little data, and an actor at SAC's learning rate follows it away from the base. ``ResidualSAC`` keeps the
actor conservative in four ways, each a constructor argument saved with the model (``ResidualSAC.load``
restores them):

- ``burn_in_steps``: the actor's parameters stay frozen (the critic alone learns) until the run has taken that
  many env steps, as in residual policy learning (Silver et al., 2018);
- ``actor_lr_scale``: the actor's learning rate is SAC's times this (the critic and the entropy coefficient keep
  SAC's);
- ``zero_pull``: the actor's loss gains ``zero_pull`` x the mean squared deterministic residual of the batch
  (``tanh`` of the Gaussian mean), a pull toward the base policy that does not go through the critic, as
  TD3+BC's behaviour-cloning term pulls toward the data's actions;
- ``initial_log_std``: a fresh model's mean layer is zero (its deterministic residual is exactly 0: the base
  policy acts alone, so a step-0 evaluation is the base's own) and its exploration starts at std
  ``exp(initial_log_std)`` before the tanh.
"""

from __future__ import annotations

from typing import Any

import torch
from stable_baselines3 import SAC

from policies.residual_goal_env import start_at_base
from policies.rl_config import check_residual_sac


class ResidualSAC(SAC):
    """SB3 SAC with a frozen-then-slow actor pulled toward a zero residual (module doc); SAC's arguments else."""

    def __init__(self, *args: Any, burn_in_steps: int = 0, actor_lr_scale: float = 1.0, zero_pull: float = 0.0,
                 initial_log_std: float = -1.0, **kwargs: Any) -> None:
        check_residual_sac(burn_in_steps=burn_in_steps, actor_lr_scale=actor_lr_scale, zero_pull=zero_pull,
                           initial_log_std=initial_log_std)
        self.burn_in_steps, self.actor_lr_scale = int(burn_in_steps), float(actor_lr_scale)
        self.zero_pull, self.initial_log_std = float(zero_pull), float(initial_log_std)
        self._pull_obs: Any = None  # the observations of the actor loss in the current gradient step
        self._pulling = False
        super().__init__(*args, **kwargs)

    def _excluded_save_params(self) -> list[str]:
        return [*super()._excluded_save_params(), "_pull_obs", "_pulling"]

    def _setup_model(self) -> None:
        super()._setup_model()
        # A loaded model's own weights replace these right after (SB3's load calls set_parameters next).
        start_at_base(self, self.initial_log_std)
        self.actor.features_extractor.register_forward_pre_hook(self._remember_batch)
        self.actor.optimizer.register_step_pre_hook(self._add_zero_pull)

    def _remember_batch(self, _module: Any, args: tuple[Any, ...]) -> None:
        # The actor runs with gradients only for the actor loss (targets and rollouts run under no_grad).
        if torch.is_grad_enabled() and not self._pulling:
            self._pull_obs = args[0]

    def _add_zero_pull(self, _optimizer: Any, _args: Any, _kwargs: Any) -> None:
        """Before the actor's optimiser step: add the gradient of ``zero_pull`` x mean squared residual to the
        SAC actor-loss gradient already there (one loss, one step)."""
        obs, self._pull_obs = self._pull_obs, None
        if self.zero_pull == 0.0 or obs is None or not self._actor_trainable():
            return
        self._pulling = True
        try:
            mean, _, _ = self.actor.get_action_dist_params(obs)
        finally:
            self._pulling = False
        (self.zero_pull * torch.tanh(mean).pow(2).sum(dim=1).mean()).backward()

    def _actor_trainable(self) -> bool:
        return self.num_timesteps > self.burn_in_steps

    def _update_learning_rate(self, optimizers: Any) -> None:
        super()._update_learning_rate(optimizers)
        for group in self.actor.optimizer.param_groups:
            group["lr"] *= self.actor_lr_scale

    def train(self, gradient_steps: int, batch_size: int = 64) -> None:
        trainable = self._actor_trainable()
        for param in self.actor.parameters():
            param.requires_grad_(trainable)
        super().train(gradient_steps, batch_size)

