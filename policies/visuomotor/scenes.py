"""Lossless camera frames of randomised scenes with the simulator's object positions: the object head's
pretraining data (``policies.visuomotor.pretrain``).

A demonstration dataset has few scenes (100 episodes: 100 layouts) and stores its frames as h264 yuv420p, which
blurs the cubes' edges at 64 px; an object head trained on it memorises the layouts (session 7: 1.5-2 cm on
training frames, 6-12 cm on new scenes). Here every scene is a fresh ``reset`` (its own seed: layout, colours,
lighting as the env's randomisation draws them), rendered as uint8 arrays that never pass a video codec, with
the arm where the policy will see it: at the reset pose, at random steps along the scripted expert's path
(the cube in the gripper or on its way), and at random joint configurations around home (kinematic, no physics),
so the arm's pose does not tell where the cube is; and, with ``hand_poses``, with the instructed cube in the hand at
random joint configurations around the expert's carrying poses (the cube moved with the hand, kinematic): a
policy's own rollout carries the cube where the expert never does, and a head that saw the cube in the hand only
along the expert's path lost it there (session 9: 1.8 cm before the grasp, 4.2-5.4 cm over the episode). Targets
are the same 15 values the training targets have (``policies.visuomotor.data.object_targets``): each cube's and
the goal's x, y, z, then the instructed cube's. Each frame records its kind (``FRAME_KINDS``), so errors can be
read per kind, and where the pad and the bin stand (``places``, ``PLACE_NAMES``): the goal target names only the
place the instruction names, so without them each place is seen in about half the frames (session 10: the pad
placed 6.5 cm off, the bin 3.8 cm, close to the 4.7 cm of guessing the bin's side); ``--add-places`` writes them
into a file rendered before they were recorded. With ``approach_frames`` a scene adds frames of the expert's open hand
coming down over the instructed cube, the cube moved a few centimetres under it (kinematic), where a policy's hand
comes down off centre: session 16 found the heatmap head's error growing from 1.5 cm with the hand over 25 cm above
the cube to 3.1 cm within 3 cm of it, drifting toward the front camera as the fingers came over the cube, and the
gripper closing there. Every frame records where the TCP is (``tcp``), so errors can be read by the hand's height.
"""

from __future__ import annotations

import argparse
import functools
import json
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from policies.errors import TrainConfigError
from policies.visuomotor.data import object_targets
from policies.visuomotor.heatmap import HELD_OPENING
from sim.errors import SimError

SCENE_SEED_BASE = 3_000_000_000
"""Pretraining scenes count up from here: above the evaluation and checkpoint-selection seed blocks
(policies.evaluate) and RL's training, validation and evaluation seeds (policies.rl_config, evaluation from
2,000,000,000), so a held-out evaluation never meets a layout the object head was trained on."""
PATH_STEPS = 80
"""Expert-path frames are drawn from steps 1..PATH_STEPS-1 (a PickPlace demonstration is ~72 steps)."""
JOINT_JITTER_RAD = 0.5
"""Half-width of the uniform joint offsets around home for the random-pose frames (within the joint limits)."""
HAND_JITTER_RAD = 0.3
"""Half-width of the uniform joint offsets around a carrying pose for the cube-in-hand frames: a few to ~20 cm of
TCP travel, the size of a policy's deviation from the expert's path while it carries."""
HAND_CLEARANCE_M = 0.005
"""A cube-in-hand pose whose cube would sink below the table top (z 0) by more than this is drawn again."""
HAND_TRIES = 8
PLACE_NAMES = ("pad.x", "pad.y", "pad.z", "bin.x", "bin.y", "bin.z")
"""``SceneFrames.places`` columns: the target pad's and the bin's body positions (metres), whatever the words name."""
PLACE_CHECK_M = 1e-4
"""``add_places``: a scene reset again must put the named place where the file's goal target is, to this (metres)."""
FRAME_KINDS = ("reset", "random_pose", "path", "hand", "approach")
"""``SceneFrames.kind`` values index this: the reset pose, a random joint pose around home, a step of the
expert's path, the instructed cube held in the hand at a random pose around a carrying pose, the open hand over the
instructed cube on the expert's way down to it with the cube moved under it (``APPROACH_*``)."""
APPROACH_HEIGHT_M = 0.12
"""Approach frames: the expert's steps with the TCP at most this far above the instructed cube's centre (and not below
it by more than ``APPROACH_BELOW_M``), the fingers open and the cube not yet grasped."""
APPROACH_BELOW_M = 0.01
APPROACH_XY_M = 0.08
"""... and the TCP within this of the cube in the table plane (the expert's descent; it moves across higher up)."""
APPROACH_OFFSET_M = 0.04
"""The instructed cube is moved by a uniform offset in a disc of this radius under the hand (the policy's hand closes
2-5 cm off the cube where it fails, session 16), so the head cannot learn that the cube is where the fingers are..."""
APPROACH_LOW_OFFSET_M = 0.015
"""... or of this radius once the fingertips are beside the cube (TCP less than ``APPROACH_CLEAR_M`` above the cube's
top): the open fingers leave about 1.8 cm either side of a 4.4 cm cube, so a larger offset would put the cube through
a finger."""
APPROACH_CLEAR_M = 0.01


@dataclass(frozen=True)
class SceneFrames:
    images: np.ndarray
    """(N, cameras, 3, H, W) uint8, straight from the renderer."""
    objects: np.ndarray
    """(N, k) float32 object-head targets in metres (``object_names``)."""
    object_names: tuple[str, ...]
    text_index: np.ndarray
    """(N,) index into ``texts`` of each frame's instruction."""
    texts: tuple[str, ...]
    scene_of_frame: np.ndarray
    """(N,) index into ``seeds``: frames of one scene share a layout, so splits go by scene."""
    seeds: tuple[int, ...]
    cameras: tuple[str, ...]
    env_id: str | None = None
    """The env and robot that rendered the frames (None: a file saved before they were recorded)."""
    robot: str | None = None
    kind: np.ndarray | None = None
    """(N,) index into ``FRAME_KINDS`` of each frame (None: a file saved before kinds were recorded)."""
    places: np.ndarray | None = None
    """(N, 6) float32 ``PLACE_NAMES`` of each frame (None: a file saved before places were recorded)."""
    tcp: np.ndarray | None = None
    """(N, 3) float32 TCP position of each frame, metres (None: a file saved before it was recorded)."""


def render_scenes(seeds: Sequence[int], *, env_id: str = "armstack/PickPlace-v0", robot: str = "panda",
                  cameras: tuple[str, ...] = ("front", "wrist"), image_size: int = 64, path_frames: int = 2,
                  random_poses: int = 1, hand_poses: int = 0, approach_frames: int = 0) -> SceneFrames:
    """One frame at each ``seeds`` reset, ``path_frames`` at random steps of the expert's episode,
    ``random_poses`` with the joints at home plus uniform offsets of +-``JOINT_JITTER_RAD``, ``hand_poses``
    with the instructed cube in the hand, at a random step of the expert's carry plus offsets of
    +-``HAND_JITTER_RAD`` (a scene whose expert never holds the cube gives none), and ``approach_frames`` at random
    steps of the expert's descent onto the instructed cube (``APPROACH_*``), the cube moved under the open hand."""
    import gymnasium as gym
    import mujoco

    import sim  # noqa: F401 - registers the env ids
    from sim.datagen.episode import environment_vector
    from sim.dataset.env_spec import POSE_SUFFIXES
    from sim.render import make_renderer

    if not seeds or len(set(seeds)) != len(seeds):
        raise TrainConfigError("render_scenes needs one or more distinct seeds")
    for name, count in (("path_frames", path_frames), ("random_poses", random_poses), ("hand_poses", hand_poses),
                        ("approach_frames", approach_frames)):
        if count < 0:
            raise TrainConfigError(f"{name} must be >= 0, got {count}")
    env: Any = gym.make(env_id, robot=robot, obs_mode="rgb", cameras=cameras, image_size=image_size).unwrapped
    env.cameras = ()  # frames are rendered only where kept, by the renderer below (the env's settings)
    renderer = make_renderer(env.model, image_size, image_size)
    view, model, data = env.view, env.model, env.data
    robot_cfg = env.scene.robot
    # observation.environment_state's names (sim.dataset.env_spec.record_features): each pose, then the goal
    names = [f"{o}.{s}" for o in env.scene.object_names for s in POSE_SUFFIXES] + ["goal.x", "goal.y", "goal.z"]
    images, envs, ids, texts, scene, kinds, places, tcps = [], [], [], [], [], [], [], []

    def keep(obs: dict, k: int, kind: str) -> None:
        frame = []
        for cam in cameras:
            renderer.update_scene(data, camera=cam)
            frame.append(np.asarray(renderer.render()).transpose(2, 0, 1).copy())
        images.append(np.stack(frame))
        envs.append(environment_vector(obs))
        ids.append(int(obs["object_id"]))
        texts.append(str(obs["instruction"]))
        scene.append(k)
        kinds.append(FRAME_KINDS.index(kind))
        places.append(_places(view))
        tcps.append(view.tcp_frame_now()[0])

    try:
        for k, seed in enumerate(seeds):
            rng = np.random.default_rng([int(seed), 0x5CE7E])
            obs, _ = env.reset(seed=int(seed))
            keep(obs, k, "reset")
            if random_poses:
                saved = data.qpos[view.arm_q].copy()
                for _ in range(random_poses):
                    q = saved + rng.uniform(-JOINT_JITTER_RAD, JOINT_JITTER_RAD, len(saved))
                    data.qpos[view.arm_q] = np.clip(q, robot_cfg.lower, robot_cfg.upper)
                    mujoco.mj_forward(model, data)
                    keep(obs, k, "random_pose")  # the objects did not move: the reset's targets hold
                data.qpos[view.arm_q] = saved
                mujoco.mj_forward(model, data)
            if path_frames or hand_poses or approach_frames:
                expert = env.expert()
                last = min(PATH_STEPS, env.max_steps)
                wanted = set(rng.integers(1, last, path_frames).tolist())
                carried: list[tuple[np.ndarray, dict]] = []  # (qpos, observation) at the steps holding the cube
                over: list[tuple[np.ndarray, dict]] = []  # the same at the steps of the open hand's descent
                cube = env.goal.object
                for step in range(1, last):
                    obs, _, terminated, truncated, _ = env.step(expert.act())
                    if step in wanted:
                        keep(obs, k, "path")
                    grasped = view.is_grasped(cube)
                    lifted = view.object_pos(cube)[2] > view.object_half(cube) + 0.01
                    if hand_poses and lifted and grasped:
                        carried.append((data.qpos.copy(), obs))
                    if approach_frames and not grasped and _over_cube(view, cube):
                        over.append((data.qpos.copy(), obs))
                    past_grasp = grasped or not approach_frames
                    if terminated or truncated or (step >= max(wanted, default=0) and not hand_poses and past_grasp):
                        break
                for i in rng.integers(0, len(carried), hand_poses if carried else 0):
                    _keep_in_hand(env, carried[int(i)], rng, functools.partial(keep, k=k, kind="hand"))
                for i in rng.integers(0, len(over), approach_frames if over else 0):
                    _keep_over_cube(env, over[int(i)], rng, functools.partial(keep, k=k, kind="approach"))
    finally:
        renderer.close()
        env.close()
    targets, object_names = object_targets(np.asarray(envs, np.float64), names, np.asarray(ids))
    unique = tuple(dict.fromkeys(texts))
    index = {t: i for i, t in enumerate(unique)}
    return SceneFrames(env_id=env_id, robot=robot, images=np.stack(images), objects=targets,
                       object_names=tuple(object_names),
                       text_index=np.array([index[t] for t in texts]), texts=unique,
                       scene_of_frame=np.asarray(scene), seeds=tuple(int(s) for s in seeds), cameras=tuple(cameras),
                       kind=np.asarray(kinds, np.uint8), places=np.asarray(places, np.float32),
                       tcp=np.asarray(tcps, np.float32))


@functools.lru_cache(maxsize=8)
def camera_calibration(env_id: str, robot: str, camera: str, image_size: int) -> tuple[float, ...]:
    """A camera's nominal calibration (``policies.visuomotor.heatmap.CameraCalibration.values``): its pose and field
    of view in the env's model with no randomisation (what a calibrated camera on the arm gives), at ``image_size``."""
    import gymnasium as gym
    import mujoco

    import sim  # noqa: F401 - registers the env ids

    env: Any = gym.make(env_id, robot=robot, randomization="none").unwrapped
    try:
        cid = mujoco.mj_name2id(env.model, mujoco.mjtObj.mjOBJ_CAMERA, camera)
        if cid < 0:
            raise TrainConfigError(f"{env_id} / {robot} has no camera {camera!r}")
        mujoco.mj_forward(env.model, env.data)
        return (*map(float, env.data.cam_xpos[cid]), *map(float, env.data.cam_xmat[cid]),
                float(env.model.cam_fovy[cid]), float(image_size))
    finally:
        env.close()


def _places(view: Any) -> np.ndarray:
    """``PLACE_NAMES`` of the scene in ``view`` (both places stand still through an episode)."""
    if view.pad_body < 0 or view.bin_body < 0:
        raise TrainConfigError("scene frames need an env with a target pad and a bin (PickPlace)")
    return np.concatenate([view.pad_pos, view.bin_pos]).astype(np.float32)


def add_places(frames: SceneFrames) -> SceneFrames:
    """``frames`` with ``places`` from a fresh reset of each of its scenes (seeds), for a file rendered before places
    were recorded. A reset must reproduce the layout: the named place must stand where every frame's goal target
    is (within ``PLACE_CHECK_M`` in x and y), or this refuses."""
    import dataclasses

    import gymnasium as gym

    import sim  # noqa: F401 - registers the env ids

    if frames.env_id is None or frames.robot is None:
        raise TrainConfigError("the scene frames record no env or robot (an older file): render them again")
    goal = frames.object_names.index("goal.x")
    env: Any = gym.make(frames.env_id, robot=frames.robot).unwrapped
    try:
        layout = []
        for seed in frames.seeds:
            env.reset(seed=int(seed))
            layout.append(_places(env.view))
    finally:
        env.close()
    places = np.asarray(layout, np.float32)[frames.scene_of_frame]
    goal_xy = frames.objects[:, goal:goal + 2]
    off = np.minimum(np.abs(places[:, 0:2] - goal_xy).max(axis=1), np.abs(places[:, 3:5] - goal_xy).max(axis=1))
    if np.any(off > PLACE_CHECK_M):
        bad = int(np.argmax(off))
        raise TrainConfigError(f"a reset of seed {frames.seeds[frames.scene_of_frame[bad]]} puts neither place at the "
                               f"file's goal ({off[bad] * 100:.2f} cm off): the env no longer draws this file's "
                               "layouts; render it again")
    return dataclasses.replace(frames, places=places)


def _over_cube(view: Any, cube: str) -> bool:
    """The open hand over ``cube`` on its way down (``APPROACH_HEIGHT_M``, ``APPROACH_BELOW_M``, ``APPROACH_XY_M``)."""
    tcp, pos = view.tcp_frame_now()[0], view.object_pos(cube)
    above = tcp[2] - pos[2]
    return bool(view.gripper_opening > HELD_OPENING[1] and -APPROACH_BELOW_M <= above <= APPROACH_HEIGHT_M
                and np.linalg.norm(tcp[:2] - pos[:2]) <= APPROACH_XY_M)


def _keep_over_cube(env: Any, over: tuple[np.ndarray, dict], rng: np.random.Generator,
                    keep: Callable[[dict], None]) -> None:
    """Put the scene back at the descent step ``over`` (its qpos and observation), move the instructed cube in the
    table plane by a random offset (``APPROACH_OFFSET_M``, or ``APPROACH_LOW_OFFSET_M`` once the fingertips are beside
    it), keep the frame with the cube's new position in its targets, and restore the state the physics left."""
    import mujoco

    view, model, data = env.view, env.model, env.data
    qpos, obs = over
    name = env.goal.object
    adr = view.object_qadr[name]
    saved = data.qpos.copy()
    data.qpos[:] = qpos
    mujoco.mj_kinematics(model, data)
    pos = view.object_pos(name).copy()
    low = view.tcp_pos[2] - pos[2] < view.object_half(name) + APPROACH_CLEAR_M
    radius = APPROACH_LOW_OFFSET_M if low else APPROACH_OFFSET_M
    angle, r = rng.uniform(0.0, 2 * np.pi), radius * np.sqrt(rng.uniform())
    pos[:2] += r * np.array([np.cos(angle), np.sin(angle)])
    data.qpos[adr:adr + 3] = pos
    mujoco.mj_forward(model, data)
    poses = np.array(obs["object_poses"], copy=True)
    poses[int(obs["object_id"]), :3] = pos
    keep({**obs, "object_poses": poses})
    data.qpos[:] = saved
    mujoco.mj_forward(model, data)


def _keep_in_hand(env: Any, carried: tuple[np.ndarray, dict], rng: np.random.Generator,
                  keep: Callable[[dict], None]) -> None:
    """Put the scene back at the carrying step ``carried`` (its qpos and observation), offset the arm's joints, carry
    the instructed cube rigidly with the TCP (kinematic: no physics step), keep the frame with the cube's new pose
    in its targets, and restore the state the physics left."""
    import mujoco

    view, model, data, lim = env.view, env.model, env.data, env.scene.robot
    qpos, obs = carried
    name = env.goal.object
    adr = view.object_qadr[name]
    saved = data.qpos.copy()
    data.qpos[:] = qpos
    q_carry = qpos[view.arm_q]
    mujoco.mj_kinematics(model, data)
    tcp0, rot0 = data.site_xpos[view.tcp_id].copy(), data.site_xmat[view.tcp_id].reshape(3, 3).copy()
    local = rot0.T @ (view.object_pos(name) - tcp0)  # the cube's centre and orientation in the TCP frame
    qrel = np.empty(4)
    tcp_quat = np.empty(4)
    mujoco.mju_mat2Quat(tcp_quat, rot0.ravel())
    mujoco.mju_negQuat(tcp_quat, tcp_quat)
    mujoco.mju_mulQuat(qrel, tcp_quat, view.object_quat(name).copy())
    for _ in range(HAND_TRIES):
        data.qpos[view.arm_q] = np.clip(q_carry + rng.uniform(-HAND_JITTER_RAD, HAND_JITTER_RAD, len(q_carry)),
                                        lim.lower, lim.upper)
        mujoco.mj_kinematics(model, data)
        tcp, rot = data.site_xpos[view.tcp_id], data.site_xmat[view.tcp_id].reshape(3, 3)
        pos = tcp + rot @ local
        if pos[2] - view.object_half(name) > -HAND_CLEARANCE_M:
            break
    else:  # every draw put the cube through the table: keep the carrying pose itself
        data.qpos[view.arm_q] = q_carry
        mujoco.mj_kinematics(model, data)
        tcp, rot = data.site_xpos[view.tcp_id], data.site_xmat[view.tcp_id].reshape(3, 3)
        pos = tcp + rot @ local
    quat = np.empty(4)
    mujoco.mju_mat2Quat(quat, rot.ravel())
    mujoco.mju_mulQuat(quat, quat, qrel)
    data.qpos[adr:adr + 3], data.qpos[adr + 3:adr + 7] = pos, quat
    mujoco.mj_forward(model, data)
    poses = np.array(obs["object_poses"], copy=True)
    poses[int(obs["object_id"])] = np.concatenate([pos, quat])
    keep({**obs, "object_poses": poses})
    data.qpos[:] = saved
    mujoco.mj_forward(model, data)


def save_scene_frames(path: str | Path, frames: SceneFrames) -> Path:
    """One uncompressed ``.npz`` (lossless uint8 frames), written atomically."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".partial")
    with open(tmp, "wb") as f:
        arrays: dict[str, np.ndarray] = {
            "images": frames.images, "objects": frames.objects, "text_index": frames.text_index,
            "scene_of_frame": frames.scene_of_frame, "seeds": np.asarray(frames.seeds, np.int64),
            "meta": np.frombuffer(json.dumps({"object_names": list(frames.object_names), "texts": list(frames.texts),
                                              "cameras": list(frames.cameras), "env_id": frames.env_id,
                                              "robot": frames.robot,
                                              "image_size": list(frames.images.shape[-2:])}).encode(), np.uint8)}
        if frames.kind is not None:
            arrays["kind"] = frames.kind
        if frames.places is not None:
            arrays["places"] = frames.places
        if frames.tcp is not None:
            arrays["tcp"] = frames.tcp
        np.savez(f, **arrays)  # type: ignore[arg-type]
    os.replace(tmp, path)
    return path


def load_scene_frames(paths: Sequence[str | Path]) -> SceneFrames:
    """The frames of one or more ``save_scene_frames`` files, concatenated (their targets must agree, and either all
    or none of them record frame kinds; places are kept only when every file records them)."""
    parts = []
    for p in paths:
        try:
            with np.load(p) as z:
                meta = json.loads(bytes(z["meta"]).decode())
                parts.append((meta, {k: z[k] for k in ("images", "objects", "text_index", "scene_of_frame",
                                                         "seeds", "kind", "places", "tcp") if k in z.files}))
        except (OSError, ValueError, KeyError) as exc:
            raise TrainConfigError(f"{p}: not a scene-frames file ({exc})") from exc
    if not parts:
        raise TrainConfigError("no scene-frames files given")
    made = ("object_names", "cameras", "env_id", "robot", "image_size")
    first = {k: parts[0][0].get(k) for k in made}
    for p, (meta, _) in zip(paths, parts, strict=True):
        differ = [k for k in made if meta.get(k) != first[k]]
        if differ:
            raise TrainConfigError(f"scene-frames files {paths[0]} and {p} differ in {', '.join(differ)}: "
                                   f"{[(first[k], meta.get(k)) for k in differ]}")
    names, cams = first["object_names"], first["cameras"]
    texts: dict[str, int] = {}
    text_index, scene, seeds, offset = [], [], [], 0
    for meta, arr in parts:
        remap = np.array([texts.setdefault(t, len(texts)) for t in meta["texts"]])
        text_index.append(remap[arr["text_index"]])
        scene.append(arr["scene_of_frame"] + offset)
        seeds.extend(arr["seeds"].tolist())
        offset += len(arr["seeds"])
    without = [str(p) for p, (_, a) in zip(paths, parts, strict=True) if "kind" not in a]
    if without and len(without) < len(parts):
        # Concatenated, the known kinds would be dropped with the others: every per-kind report would come out empty.
        raise TrainConfigError(f"scene-frames files {', '.join(without)} record no frame kinds (saved before kinds "
                               f"were recorded) and the others do: render them again with the current code")
    kinds = None if without else np.concatenate([a["kind"] for _, a in parts])
    places = np.concatenate([a["places"] for _, a in parts]) if all("places" in a for _, a in parts) else None
    tcp = np.concatenate([a["tcp"] for _, a in parts]) if all("tcp" in a for _, a in parts) else None
    return SceneFrames(images=np.concatenate([a["images"] for _, a in parts]),
                       objects=np.concatenate([a["objects"] for _, a in parts]), object_names=tuple(names),
                       text_index=np.concatenate(text_index), texts=tuple(texts),
                       scene_of_frame=np.concatenate(scene), seeds=tuple(seeds), cameras=tuple(cams),
                       env_id=first["env_id"], robot=first["robot"], kind=kinds, places=places, tcp=tcp)


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Render randomised scenes for object-head pretraining.")
    parser.add_argument("--first", type=int, default=0, help="first scene (seed SCENE_SEED_BASE + first)")
    parser.add_argument("--count", type=int)
    parser.add_argument("--out", help="an .npz file")
    parser.add_argument("--add-places", nargs="+", metavar="FILE",
                        help="instead of rendering: write the pad's and bin's positions into these files (saved "
                             "before places were recorded), from a reset of each scene")
    parser.add_argument("--env", default="armstack/PickPlace-v0")
    parser.add_argument("--robot", default="panda")
    parser.add_argument("--image-size", type=int, default=64)
    parser.add_argument("--cameras", default="front,wrist")
    parser.add_argument("--path-frames", type=int, default=2)
    parser.add_argument("--random-poses", type=int, default=1)
    parser.add_argument("--hand-poses", type=int, default=0,
                        help="frames per scene with the instructed cube in the hand at a random pose")
    parser.add_argument("--approach-frames", type=int, default=0,
                        help="frames per scene of the open hand coming down over the instructed cube (moved under it)")
    args = parser.parse_args(argv)
    if args.add_places:
        try:
            for path in args.add_places:
                save_scene_frames(path, add_places(load_scene_frames([path])))
                print(json.dumps({"out": path, "places": list(PLACE_NAMES)}))
        except (TrainConfigError, SimError, OSError) as exc:
            raise SystemExit(f"error: {exc}") from None
        return
    if args.count is None or args.out is None:
        parser.error("--count and --out are required (unless --add-places)")
    seeds = [SCENE_SEED_BASE + args.first + i for i in range(args.count)]
    try:
        if args.first < 0:
            raise TrainConfigError(f"--first must be >= 0, got {args.first}")
        frames = render_scenes(seeds, env_id=args.env, robot=args.robot, cameras=tuple(args.cameras.split(",")),
                               image_size=args.image_size, path_frames=args.path_frames,
                               random_poses=args.random_poses, hand_poses=args.hand_poses,
                               approach_frames=args.approach_frames)
        save_scene_frames(args.out, frames)
    except (TrainConfigError, SimError, OSError) as exc:
        raise SystemExit(f"error: {exc}") from None
    counts = {k: int(np.sum(frames.kind == i)) for i, k in enumerate(FRAME_KINDS)} if frames.kind is not None else {}
    print(json.dumps({"out": args.out, "scenes": len(seeds), "frames": len(frames.images), "kinds": counts}))


if __name__ == "__main__":
    main()
