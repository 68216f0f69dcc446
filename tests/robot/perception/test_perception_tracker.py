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
    for k in range(1, 4):
        tracker.update(0.05 * k, {})
        confidences.append(tracker.objects()[0].confidence)
        assert tracker.stale(["red_cube"]) is None
    assert confidences == sorted(confidences, reverse=True) and confidences[-1] > 0.0
    assert tracker.objects()[0].age == np.float64(0.05 * 3)
    tracker.update(0.2, {})
    fault = tracker.stale(["red_cube", "blue_cube"])
    assert fault is not None and fault.frames_unseen == {"red_cube": 4, "blue_cube": -1}
    assert tracker.objects() == []  # lost: no longer reported at its old pose


def test_a_hidden_cube_is_reported_absent_and_reacquired_where_it_reappears_sporadically() -> None:
    # After a scene reset the arm keeps the cube half hidden at its new place: one detection every 6 frames,
    # too sparse for a fresh track's confirmation window. Seen in bench/agent_ros.py: a track 48 s old.
    tracker = ObjectTracker(TrackerConfig(confirm_frames=3, stale_frames=10), ["red_cube"])
    tracker.update(0.0, {"red_cube": _det("red_cube", (0.5, 0.0, 0.02))})
    stamp, seen = 0.0, []
    for k in range(40):
        stamp += 0.1
        tracker.update(stamp, {"red_cube": _det("red_cube", (0.4, -0.12, 0.02))} if k % 6 == 5 else {})
        seen.append([o.position.tolist() for o in tracker.objects()])
    # Never at the old pose once lost (10 frames), and at the new one from the third sighting after the loss.
    assert all(s == [] or np.allclose(s[0], (0.5, 0.0, 0.02)) for s in seen[:9])
    assert all(s == [] or np.allclose(s[0], (0.4, -0.12, 0.02)) for s in seen[9:])
    assert np.allclose(seen[-1][0], (0.4, -0.12, 0.02)) and tracker.stale(["red_cube"]) is None
    # A lost track seen again where it was resumes at once.
    for _ in range(10):
        stamp += 0.1
        tracker.update(stamp, {})
    assert tracker.objects() == []
    tracker.update(stamp + 0.1, {"red_cube": _det("red_cube", (0.401, -0.12, 0.02))})
    assert tracker.objects()[0].age == 0.0


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
    # Three stray detections at one wrong spot, each stale_frames frames after the last, while the cube is
    # seen at its place in between: never a confirmed move.
    for _ in range(3):
        for _ in range(9):
            stamp += 0.1
            tracker.update(stamp, {"red_cube": _det("red_cube", (0.4, -0.12, 0.02))})
        stamp += 0.1
        tracker.update(stamp, {"red_cube": _det("red_cube", (0.9, 0.3, 0.02))})
    assert np.allclose(tracker.objects()[0].position, (0.4, -0.12, 0.02))
    # And strays within the window but at scattered spots add up to nothing either.
    for spot in ((0.9, 0.3, 0.02), (0.2, 0.3, 0.02), (0.9, -0.3, 0.02)):
        stamp += 0.1
        tracker.update(stamp, {"red_cube": _det("red_cube", spot)})
    assert np.allclose(tracker.objects()[0].position, (0.4, -0.12, 0.02))
