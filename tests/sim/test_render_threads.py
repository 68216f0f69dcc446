"""Renderers made from two threads at once on one model each get the quality chosen for them.

``make_renderer`` sets the model's shadow map size and multisampling for the moment its renderer is made, then
restores them. The sim arm makes its cameras' renderers on one model from one thread per camera: unguarded, the
second kept the first's temporary settings as "the model's", and when the first restored the model's own (MuJoCo's
full quality) while the second's GL context was still being made, the second renderer came out at full quality: the
wrist frame then read 2.06/255 off the env's 64 px render in CI (test_image_policy_ros; full against cheap quality on
that state: 2.059), and the model was left with the cheap settings. Here the interleaving is forced: the first
renderer waits, inside its construction, for the second thread to reach its own.
"""

from __future__ import annotations

import threading
from typing import Any

import mujoco
import pytest

from sim.render import make_renderer, renderer_quality
from sim.scene import SceneConfig, build_scene

WAIT_S = 0.5
"""How long the first renderer waits for the second thread to reach its own construction (it never does while the
first holds the model's settings: this is the test's only cost)."""


def test_two_threads_making_renderers_of_one_model_each_get_their_chosen_quality(
        monkeypatch: pytest.MonkeyPatch) -> None:
    model = build_scene(SceneConfig(robot="panda")).model
    own = (model.vis.quality.shadowsize, model.vis.quality.offsamples)
    chosen = renderer_quality(model, 64, 64)
    assert (chosen.shadow_size, chosen.msaa_samples) != own  # a 64 px image gets the cheap settings

    real = mujoco.Renderer
    first_inside, second_inside, first_done = threading.Event(), threading.Event(), threading.Event()

    def constructed(m: Any, height: int, width: int) -> Any:
        if threading.current_thread().name == "first":
            first_inside.set()
            second_inside.wait(WAIT_S)  # the second thread, if it can, sets the model's quality now
        else:
            second_inside.set()
            first_done.wait(10.0)  # its GL context outlasts the first renderer, which then restores the model's
        return real(m, height=height, width=width)

    monkeypatch.setattr(mujoco, "Renderer", constructed)
    made: dict[str, tuple[int, int]] = {}

    def make(name: str) -> None:
        renderer = make_renderer(model, 64, 64)
        if name == "first":
            first_done.set()
        ctx = renderer._mjr_context  # what the GL context was made with
        made[name] = (ctx.shadowSize, ctx.offSamples)
        renderer.close()  # in the thread its context is current in

    first = threading.Thread(target=make, args=("first",), name="first")
    second = threading.Thread(target=make, args=("second",), name="second")
    first.start()
    assert first_inside.wait(10.0)
    second.start()
    first.join(20.0)
    second.join(20.0)
    assert made == {name: (chosen.shadow_size, chosen.msaa_samples) for name in ("first", "second")}
    assert (model.vis.quality.shadowsize, model.vis.quality.offsamples) == own  # the model as built
