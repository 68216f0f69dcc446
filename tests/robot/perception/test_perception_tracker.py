"""Temporal filter, outlier rejection and the staleness fault, frame by frame."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from robot.perception.detection import ObjectDetection
from robot.perception.object_tracker import ObjectTracker, TrackerConfig
from robot.perception.scene_output import object_poses

IDENTITY = np.array([1.0, 0.0, 0.0, 0.0])


def _det(name: str, xyz: tuple[float, float, float], confidence: float = 1.0) -> ObjectDetection:
    return ObjectDetection(name=name, position=np.array(xyz), quat=IDENTITY, confidence=confidence, method="marker")


def test_filter_smooths_and_a_single_jump_is_rejected_as_an_outlier() -> None:
    tracker = ObjectTracker(TrackerConfig(smoothing=0.5, outlier_distance=0.05, confirm_frames=3), ["red_cube"])
    tracker.update(0.0, {"red_cube": _det("red_cube", (0.5, 0.0, 0.02))})
    tracker.update(0.1, {"red_cube": _det("red_cube", (0.51, 0.0, 0.02))})
    assert np.allclose(tracker.objects()[0].position, (0.505, 0.0, 0.02))
    tracker.update(0.2, {"red_cube": _det("red_cube", (0.9, 0.3, 0.02))})  # one wild frame
    obj = tracker.objects()[0]
    assert np.allclose(obj.position, (0.505, 0.0, 0.02)) and tracker.outliers_rejected == 1
    assert obj.age == np.float64(0.2 - 0.1)


def test_a_confirmed_move_is_followed() -> None:
    tracker = ObjectTracker(TrackerConfig(confirm_frames=3), ["red_cube"])
    tracker.update(0.0, {"red_cube": _det("red_cube", (0.5, 0.0, 0.02))})
    for k in range(3):
        tracker.update(0.1 * (k + 1), {"red_cube": _det("red_cube", (0.5, 0.2, 0.1))})
    assert np.allclose(tracker.objects()[0].position, (0.5, 0.2, 0.1))
    assert tracker.objects()[0].age == 0.0


def test_stale_after_n_unseen_frames_with_decaying_confidence() -> None:
    tracker = ObjectTracker(TrackerConfig(stale_frames=4), ["red_cube", "blue_cube"])
    tracker.update(0.0, {"red_cube": _det("red_cube", (0.5, 0.0, 0.02))})
    assert tracker.stale(["red_cube"]) is None
    assert tracker.stale(["blue_cube"]) is not None  # never seen
    confidences = []
    for k in range(1, 5):
        tracker.update(0.05 * k, {})
        confidences.append(tracker.objects()[0].confidence)
        assert (tracker.stale(["red_cube"]) is not None) == (k >= 4)
    assert confidences == sorted(confidences, reverse=True) and confidences[-1] == 0.0
    fault = tracker.stale(["red_cube", "blue_cube"])
    assert fault is not None and fault.frames_unseen == {"red_cube": 4, "blue_cube": -1}
    assert tracker.objects()[0].age == 0.2


def test_object_poses_rows_follow_the_scene_order_with_nan_for_unseen() -> None:
    tracker = ObjectTracker(TrackerConfig(), ["red_cube", "green_cube", "blue_cube"])
    tracker.update(1.0, {"blue_cube": _det("blue_cube", (0.4, 0.1, 0.02))})
    rows = object_poses(tracker.objects(), ["red_cube", "green_cube", "blue_cube"])
    assert np.isnan(rows[:2]).all() and np.allclose(rows[2], (0.4, 0.1, 0.02, 1, 0, 0, 0))


@settings(max_examples=60, deadline=None)
@given(st.lists(st.floats(-0.004, 0.004), min_size=5, max_size=30), st.floats(0.05, 1.0))
def test_measurements_within_the_gate_never_leave_their_span(noise: list[float], smoothing: float) -> None:
    tracker = ObjectTracker(TrackerConfig(smoothing=smoothing), ["red_cube"])
    for k, n in enumerate(noise):
        tracker.update(float(k), {"red_cube": _det("red_cube", (0.5 + n, 0.0, 0.02))})
    x = tracker.objects()[0].position[0]
    assert 0.5 + min(noise) - 1e-12 <= x <= 0.5 + max(noise) + 1e-12
    assert tracker.outliers_rejected == 0


def test_a_move_seen_every_other_frame_is_still_confirmed_but_stray_outliers_long_apart_are_not() -> None:
    # A cube teleported by a scene reset, half hidden at its new place: refused in every other frame.
    tracker = ObjectTracker(TrackerConfig(confirm_frames=3, stale_frames=10), ["red_cube"])
    tracker.update(0.0, {"red_cube": _det("red_cube", (0.5, 0.0, 0.02))})
    stamp = 0.0
    for _ in range(3):
        stamp += 0.1
        tracker.update(stamp, {"red_cube": _det("red_cube", (0.4, -0.12, 0.02))})
        stamp += 0.1
        tracker.update(stamp, {})
    assert np.allclose(tracker.objects()[0].position, (0.4, -0.12, 0.02))
    # Three stray detections at one wrong spot, each stale_frames frames after the last (nothing seen in
    # between): never a confirmed move.
    for _ in range(3):
        for _ in range(9):
            stamp += 0.1
            tracker.update(stamp, {})
        stamp += 0.1
        tracker.update(stamp, {"red_cube": _det("red_cube", (0.9, 0.3, 0.02))})
    assert np.allclose(tracker.objects()[0].position, (0.4, -0.12, 0.02))
