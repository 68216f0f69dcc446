"""Render quality per image size: small observations render cheap, larger images and explicit settings stay as asked."""

from typing import Any

import gymnasium as gym
import numpy as np
import pytest

from sim import ConfigError
from sim.provenance import model_sha256
from sim.render import FULL_QUALITY, RenderQuality, make_renderer, quality_for_size, renderer_quality
from sim.scene import SceneConfig, build_scene

CHEAP = RenderQuality(shadow_size=512, msaa_samples=0)


@pytest.mark.parametrize(("size", "expected"), [((32, 32), CHEAP), ((128, 128), CHEAP), ((160, 120), CHEAP),
                                                ((161, 161), FULL_QUALITY), ((320, 240), FULL_QUALITY),
                                                ((640, 480), FULL_QUALITY)])
def test_quality_follows_the_larger_image_side(size: tuple[int, int], expected: RenderQuality) -> None:
    assert quality_for_size(*size) == expected


def test_env_observations_render_cheap_and_its_videos_full() -> None:
    env = gym.make("armstack/PickPlace-v0", obs_mode="rgb", cameras=("front",), image_size=128,
                   render_mode="rgb_array")
    env.reset(seed=0)
    env.render()
    u: Any = env.unwrapped
    obs_ctx, video_ctx = u._renderer._mjr_context, u._display_renderer._mjr_context
    assert (obs_ctx.shadowSize, obs_ctx.offSamples) == (512, 0)
    assert (video_ctx.shadowSize, video_ctx.offSamples) == (2048, 4)
    # The model keeps MuJoCo's defaults, so its hash is the one a scene built with them explicitly has.
    assert (u.model.vis.quality.shadowsize, u.model.vis.quality.offsamples) == (2048, 4)
    assert u.model_sha256 == model_sha256(build_scene(SceneConfig(shadow_size=2048, msaa_samples=4)).model)
    env.close()


def test_explicit_settings_stand_and_unset_ones_follow_the_size() -> None:
    explicit = build_scene(SceneConfig(shadow_size=1024, msaa_samples=4)).model
    assert renderer_quality(explicit, 128, 128) == RenderQuality(shadow_size=1024, msaa_samples=4)
    half = build_scene(SceneConfig(shadow_size=1024)).model
    assert renderer_quality(half, 128, 128) == RenderQuality(shadow_size=1024, msaa_samples=0)
    assert renderer_quality(half, 320, 240) == RenderQuality(shadow_size=1024, msaa_samples=4)


def test_a_small_default_frame_is_the_datagen_frame() -> None:
    """Evaluation sees what the policy was trained on: datagen renders with explicit 512 and no MSAA."""
    import mujoco

    frames = []
    for config in (SceneConfig(), SceneConfig(shadow_size=512, msaa_samples=0), SceneConfig(shadow_size=2048)):
        model = build_scene(config).model
        data = mujoco.MjData(model)
        mujoco.mj_forward(model, data)
        renderer = make_renderer(model, 32, 32)
        renderer.update_scene(data, camera="front")
        frames.append(renderer.render().copy())
        renderer.close()
    np.testing.assert_array_equal(frames[0], frames[1])
    assert np.any(frames[0] != frames[2])  # the shadow map's size shows: the comparison can fail


@pytest.mark.parametrize("kw", [{"shadow_size": 16}, {"msaa_samples": 3}, {"shadow_size": True}])
def test_bad_render_settings_are_refused(kw: dict[str, object]) -> None:
    field = next(iter(kw))
    with pytest.raises(ConfigError, match=field):
        SceneConfig(**kw)  # type: ignore[arg-type]
    with pytest.raises(ConfigError, match=field):
        RenderQuality(**{"shadow_size": 512, "msaa_samples": 0, **kw})  # type: ignore[arg-type]
