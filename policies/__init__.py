"""armstack policies: behaviour cloning, RL and the language-model planner (built on ``sim``)."""

__all__: list[str] = []
