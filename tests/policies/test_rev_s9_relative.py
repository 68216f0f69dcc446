"""REV s9 G4: the relative token reads the TCP from proprioception; proprio_dropout would feed it the mean TCP."""

from __future__ import annotations

import pytest

from policies.errors import TrainConfigError
from policies.visuomotor.config import VisuomotorConfig


def test_relative_token_refuses_proprio_dropout() -> None:
    with pytest.raises(TrainConfigError, match="proprio_dropout"):
        VisuomotorConfig(data="d", out="o", object_loss=1.0, object_token=True, relative_token=True,
                         proprio_dropout=0.3)
