"""What may steer the arm from a camera (REV S1, S4, S5, M1, L2): no action predicted from a frame before a gap is
served after it, a driver's old or repeated stamps are refused, frames are converted off the caller's thread, the
bridge's image age limit bounds the checkpoint's, and skill policies never read images."""

from __future__ import annotations

import json
import threading
import time
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from test_image_policy_ros import SIZE, _frame, tiny_checkpoint

from robot.camera_input import MAX_FRAME_PIXELS, CameraFrames, CameraImageError, CameraPolicy, ImageInputSpec

OBS = {"joint_pos": np.zeros(7), "joint_vel": np.zeros(7), "ee_pose": np.array([0.5, 0, 0.3, 1, 0, 0, 0]),
       "gripper": np.ones(1), "instruction": "put the red cube on the pad"}


def _policy(tmp: Path, execution: str) -> tuple[Any, CameraFrames, CameraPolicy, list[float]]:
    from policies.policy import load

    path = tiny_checkpoint(tmp / execution, ("front", "wrist"))
    doc = json.loads((path / "policy.json").read_text())
    doc["action"]["execution"] = execution
    (path / "policy.json").write_text(json.dumps(doc))
    inner = load(path, robot="panda")
    spec = ImageInputSpec.of_checkpoint(path)
    assert spec is not None
    now = [5.0]
    frames = CameraFrames(spec)
    return inner, frames, CameraPolicy(inner, frames, lambda: now[0]), now


def _show(frames: CameraFrames, image: np.ndarray, t: float) -> None:
    for cam in ("front", "wrist"):
        frames.put(cam, image, "rgb8", t)


def _chunk(inner: Any, image: np.ndarray) -> np.ndarray:
    return np.clip(inner.predict_chunk({**OBS, "front_rgb": image, "wrist_rgb": image}), -1, 1)


@pytest.mark.parametrize("execution", ["chunk", "ensemble"])
def test_after_a_camera_gap_the_first_action_comes_from_the_fresh_frame_alone(tmp_path: Path, execution: str) -> None:
    inner, frames, policy, now = _policy(tmp_path, execution)
    a = np.random.default_rng(0).integers(0, 256, (SIZE, SIZE, 3), dtype=np.uint8)
    b = 255 - a
    _show(frames, a, 5.0)
    policy.act(OBS)
    chunk_a, chunk_b = _chunk(inner, a), _chunk(inner, b)
    assert not np.allclose(chunk_a[1], chunk_b[0], atol=1e-5)  # the frames lead to different actions
    now[0] = 8.0  # 3 s without frames: a fault, the policy is not asked
    with pytest.raises(CameraImageError, match="old"):
        policy.act(OBS)
    _show(frames, b, 8.0)
    assert np.allclose(policy.act(OBS), chunk_b[0], atol=1e-5)  # not frame a's chunk[1], nor a blend with it


def test_a_pause_longer_than_the_age_limit_resets_the_policy_a_normal_step_does_not(tmp_path: Path) -> None:
    inner, frames, policy, now = _policy(tmp_path, "chunk")
    a = np.random.default_rng(1).integers(0, 256, (SIZE, SIZE, 3), dtype=np.uint8)
    b = 255 - a
    _show(frames, a, 5.0)
    policy.act(OBS)
    chunk_a, chunk_b = _chunk(inner, a), _chunk(inner, b)
    now[0] = 5.05  # the next step at 20 Hz: the chunk goes on, as trained
    _show(frames, b, 5.05)
    assert np.allclose(policy.act(OBS), chunk_a[1], atol=1e-5)
    now[0] = 5.4  # paused (DEGRADED, no goal) for longer than the limit, frames fresh on return
    _show(frames, b, 5.4)
    assert np.allclose(policy.act(OBS), chunk_b[0], atol=1e-5)


class _ResetFailsOnce:
    """The inner policy with one reset that raises (its process busy or restarting), then resets as it does."""

    def __init__(self, inner: Any) -> None:
        self.inner, self.failed = inner, False

    def act(self, obs: dict[str, Any]) -> np.ndarray:
        return np.asarray(self.inner.act(obs))

    def reset(self) -> None:
        if not self.failed:
            self.failed = True
            raise RuntimeError("the policy process is restarting")
        self.inner.reset()


def test_a_reset_that_raised_is_done_before_the_next_action(tmp_path: Path) -> None:
    # The bridge resets on a resume or a new goal; a reset that raised must not leave the old chunk to be served.
    inner, frames, _, now = _policy(tmp_path, "chunk")
    policy = CameraPolicy(_ResetFailsOnce(inner), frames, lambda: now[0])
    a = np.random.default_rng(2).integers(0, 256, (SIZE, SIZE, 3), dtype=np.uint8)
    b = 255 - a
    _show(frames, a, 5.0)
    policy.act(OBS)
    chunk_a, chunk_b = _chunk(inner, a), _chunk(inner, b)
    with pytest.raises(RuntimeError, match="restarting"):
        policy.reset()
    now[0] = 5.05  # within the age limit: only the failed reset says the chunk is void
    _show(frames, b, 5.05)
    got = policy.act(OBS)
    assert np.allclose(got, chunk_b[0], atol=1e-5) and not np.allclose(got, chunk_a[1], atol=1e-5)


def _offer(frames: CameraFrames, cam: str, image: np.ndarray, *, stamp: float, now: float) -> None:
    frames.offer(cam, lambda: image, "rgb8", image.shape[0] * image.shape[1], stamp=stamp, received=now, now=now)


def test_frames_stamped_old_or_not_after_the_previous_one_are_refused() -> None:
    frames = CameraFrames(ImageInputSpec(("front",), (SIZE, SIZE), max_age_s=0.2))
    _offer(frames, "front", _frame((1, 2, 3)), stamp=10.0, now=10.01)
    assert frames.convert_pending() == 1 and frames.images(10.02)["front_rgb"][0, 0].tolist() == [1, 2, 3]
    # A buffering driver: the frame arrives now but was taken 0.5 s ago. The good frame before it is dropped too.
    _offer(frames, "front", _frame((4, 5, 6)), stamp=9.6, now=10.1)
    assert frames.convert_pending() == 0
    with pytest.raises(CameraImageError, match=r"header stamp is 0\.500 s old .* up to 0\.2 s old"):
        frames.images(10.1)
    _offer(frames, "front", _frame((4, 5, 6)), stamp=10.15, now=10.16)
    frames.convert_pending()
    assert frames.images(10.17)["front_rgb"][0, 0].tolist() == [4, 5, 6]
    # A frozen driver republishing its last buffer: same stamp, fresh arrival.
    _offer(frames, "front", _frame((4, 5, 6)), stamp=10.15, now=10.2)
    with pytest.raises(CameraImageError, match=r"not after the previous frame's .* frozen or replaying"):
        frames.images(10.2)
    _offer(frames, "front", _frame((7, 8, 9)), stamp=10.25, now=10.4)  # 0.15 s late: its age counts from the stamp
    frames.convert_pending()
    assert frames.images(10.45)["front_rgb"][0, 0].tolist() == [7, 8, 9]
    with pytest.raises(CameraImageError, match=r"0\.210 s old"):
        frames.images(10.46)


def test_frames_are_converted_latest_only_on_the_worker_and_oversized_ones_refused() -> None:
    frames = CameraFrames(ImageInputSpec(("front",), (SIZE, SIZE)))
    threads: list[str] = []

    def decode(value: int) -> Any:
        def run() -> np.ndarray:
            threads.append(threading.current_thread().name)
            return _frame((value, value, value))
        return run

    for i in range(3):  # three frames before the worker runs: only the last is converted
        frames.offer("front", decode(i), "rgb8", SIZE * SIZE, stamp=1.0 + 0.01 * i, received=1.0, now=1.0)
    assert threads == []  # the caller (the executor's callback) decoded nothing
    frames.start()
    try:
        deadline = time.monotonic() + 5.0
        while frames.received["front"] == 0 and time.monotonic() < deadline:
            time.sleep(0.005)
        assert frames.images(1.05)["front_rgb"][0, 0].tolist() == [2, 2, 2] and threads == ["camera_frames"]
        # A conversion that finishes after a later frame was refused loses: the refusal stands.
        frames.offer("front", decode(9), "rgb8", MAX_FRAME_PIXELS + 1, stamp=2.0, received=2.0, now=2.0)
        with pytest.raises(CameraImageError, match=r"above the bridge's budget of 921600 \(1280x720\)"):
            frames.images(2.0)
    finally:
        frames.close()
    late = CameraFrames(ImageInputSpec(("front",), (SIZE, SIZE)))
    _offer(late, "front", _frame((1, 1, 1)), stamp=1.0, now=1.0)
    late.reject("front", "undecodable")  # arrives while the worker converts the frame before it
    late._store("front", _frame((1, 1, 1)), 1.0, 1)
    with pytest.raises(CameraImageError, match="undecodable"):
        late.images(1.0)


def test_a_bgr_frame_converts_as_if_its_channels_were_reordered_first() -> None:
    import cv2

    from robot.camera_input import to_policy_image

    bgr = np.random.default_rng(2).integers(0, 256, (480, 640, 3), dtype=np.uint8)
    want = cv2.resize(np.ascontiguousarray(bgr[:, 80:560, ::-1]), (SIZE, SIZE), interpolation=cv2.INTER_AREA)
    got = to_policy_image(bgr, "bgr8", (SIZE, SIZE))
    assert got.flags.c_contiguous and np.array_equal(got, want)
    assert np.array_equal(to_policy_image(bgr[:, :, ::-1].copy(), "rgb8", (SIZE, SIZE)), want)


def test_the_bridge_parameter_bounds_the_checkpoints_image_age_limit(tmp_path: Path) -> None:
    pytest.importorskip("rclpy")
    from robot.bridge_node import image_input
    from robot.errors import ParameterError
    from robot.params import BridgeParams

    loose = str(tiny_checkpoint(tmp_path / "loose", ("front",), image_max_age_s=2.0))
    tight = str(tiny_checkpoint(tmp_path / "tight", ("front",), image_max_age_s=0.1))
    for path, param, limit in ((loose, None, 0.25), (loose, 0.4, 0.4), (tight, None, 0.1), (tight, 0.05, 0.05)):
        params = BridgeParams(policy=path) if param is None else BridgeParams(policy=path, image_max_age_s=param)
        spec = image_input(params)
        assert spec is not None and spec.max_age_s == limit, (path, param, spec)
    for bad in (0.0, 0.6, float("nan")):
        with pytest.raises(ParameterError, match=r"image_max_age_s must be a number in \[0\.01, 0\.5\]"):
            BridgeParams(image_max_age_s=bad)
    # The agent's skill policies get no frames: an image checkpoint there is refused at start, not on every step.
    with pytest.raises(ParameterError, match=f"pick's checkpoint '{loose}' reads camera images"):
        BridgeParams(skill_policies=(f"pick={loose}",))


def test_policy_steps_count_only_ticks_whose_policy_step_produced_an_action(tmp_path: Path) -> None:
    from bench.visuomotor_ros import PolicySteps

    crash = {"kind": "policy_crash", "severity": "warning", "detail": "CameraImageError: ..."}
    late = {"kind": "state_rate", "severity": "warning", "detail": ""}
    records = [{"kind": "tick", "t": 1.0, "faults": [], "policy_ms": 3.0},
               {"kind": "tick", "t": 1.05, "faults": [crash], "policy_ms": 0.1},
               {"kind": "tick", "t": 1.1, "faults": [late], "policy_ms": 2.0},
               {"kind": "tick", "t": 1.15, "faults": [], "policy_ms": None},
               {"kind": "reaction", "t": 1.2, "faults": [], "policy_ms": 2.0}]
    log = tmp_path / "ticks.jsonl"
    log.write_text("".join(json.dumps(r) + "\n" for r in records))
    assert PolicySteps(log).update() == 2


def test_tick_summary_says_why_the_policy_did_not_act(tmp_path: Path) -> None:
    """A failed ROS wait for policy steps shows, from the tick log, the modes the bridge spent its ticks in and each
    policy fault: a bridge latched in SAFE_STOP runs no policy tick at all."""
    from robot.ros_rig.bridge_rig import tick_summary

    crash = {"kind": "policy_crash", "detail": "CameraImageError: camera overhead: ..."}
    stale = {"kind": "stale_state", "detail": "no joint state for 0.606 s (limit 0.600 s)"}
    records = [{"kind": "tick", "t": 1.0, "mode": "NOMINAL", "faults": [], "policy_ms": 3.0},
               {"kind": "tick", "t": 1.05, "mode": "DEGRADED", "faults": [crash], "policy_ms": 0.1},
               {"kind": "tick", "t": 1.6, "mode": "NOMINAL", "faults": [], "policy_ms": 250.0},
               {"kind": "reaction", "t": 1.7, "mode": "SAFE_STOP", "faults": [stale], "policy_ms": None},
               *({"kind": "tick", "t": 1.7 + 0.01 * k, "mode": "SAFE_STOP", "faults": [stale], "policy_ms": None}
                 for k in range(1, 4))]
    log = tmp_path / "ticks.jsonl"
    log.write_text("".join(json.dumps(r) + "\n" for r in records) + '{"kind": "tick", "t": 1.7')  # being written
    assert tick_summary(log) == {
        "ticks": 6, "modes": {"NOMINAL": 2, "DEGRADED": 1, "SAFE_STOP": 3}, "policy_ticks": 3, "acted": 2,
        "policy_faults": {"policy_crash": [1, crash["detail"]]}, "policy_ms_max": 250.0}
    assert tick_summary(log, since=1.7) == {"ticks": 3, "modes": {"SAFE_STOP": 3}, "policy_ticks": 0, "acted": 0,
                                            "policy_faults": {}, "policy_ms_max": None}


class _Inner:
    """The network behind CameraPolicy, reduced to what the bridge's tick sees: asked (with images) or reset."""

    def __init__(self) -> None:
        self.log: list[str] = []

    def act(self, obs: dict[str, Any]) -> np.ndarray:
        assert obs["front_rgb"].shape == (SIZE, SIZE, 3)
        self.log.append("act")
        return np.zeros(5)

    def reset(self) -> None:
        self.log.append("reset")


def test_a_stale_camera_is_a_policy_camera_fault_that_holds_and_the_policy_is_not_asked() -> None:
    # FLK s15: a camera that went stale (the starved sim arm rendering late) was filed as policy_crash, "the policy
    # raised"; the policy was never asked. It is the camera input's own fault now, with the same fallback.
    from test_bridge_core import Loop

    from robot.safety import FaultKind, Mode

    loop = Loop()
    inner = _Inner()
    frames = CameraFrames(ImageInputSpec(("front",), (SIZE, SIZE), max_age_s=0.25))
    loop.core.policy = CameraPolicy(inner, frames, lambda: loop.t)
    image = _frame((90, 90, 90))
    loop.run(0.8)
    loop.core.on_instruction("put the red cube in the bin", loop.t)
    streaming = True

    def step() -> Any:
        if streaming:
            frames.put("front", image, "rgb8", loop.t)
        return loop.step()

    for _ in range(50):
        step()
    assert inner.log.count("act") >= 5 and loop.results[-1].mode == Mode.NOMINAL
    streaming, stopped_at = False, loop.t
    faulted = None
    for _ in range(60):
        res = step()
        if any(f.kind == FaultKind.POLICY_CAMERA for f in res.faults):
            faulted = res
            break
    assert faulted is not None, [r.faults for r in loop.results[-5:]]
    fault = next(f for f in faulted.faults if f.kind == FaultKind.POLICY_CAMERA)
    assert fault.detail.startswith("CameraImageError: camera front: the latest image on front/image_raw is"), fault
    assert not any(f.kind == FaultKind.POLICY_CRASH for r in loop.results for f in r.faults)
    assert loop.t - stopped_at > 0.25 and faulted.mode == Mode.DEGRADED
    # Held without the policy: no action is asked and no policy command goes out until frames come again.
    at_fault, seen = len(inner.log), len(loop.results)
    for _ in range(30):
        step()
    assert inner.log[at_fault:].count("act") == 0, inner.log[at_fault:]
    # The fault's own tick sent nothing: its hold waits for a reading received after the policy's call returned
    # (test_bridge_resume_hold.py), a tick or a few later on this loop's clock (the call's wall time counts); from that
    # hold on a command goes out every tick, and none is the policy's.
    sent = [r.command for r in loop.results[seen:]]
    first = next((i for i, c in enumerate(sent) if c is not None), len(sent))
    assert faulted.command is None and first < 10, (faulted.record, first)
    assert all(c is not None and c.source != "policy" for c in sent[first:]), [r.record for r in loop.results[seen:]]
    streaming = True
    for _ in range(300):
        if step().mode == Mode.NOMINAL and "act" in inner.log[at_fault:]:
            break
    assert "act" in inner.log[at_fault:], inner.log[at_fault:]
    after = inner.log[at_fault:]
    assert "reset" in after and after.index("reset") < after.index("act"), after  # reset before acting again
    loop.core.close()
