"""Watch one episode of a dataset: all cameras side by side with the instruction, as an mp4."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np

from sim.dataset.layout import MANIFEST_PATH
from sim.dataset.reader import DatasetReader
from sim.render import tile, write_video
from sim.render_cli import caption

MIN_HEIGHT = 256
"""Small camera frames are enlarged (nearest neighbour) to at least this height so the caption is legible."""
CARD_SIZE = (270, 480)


def _text_card(lines: list[str]) -> np.ndarray:
    """A dark frame with ``lines`` of text: the view of an episode without cameras."""
    import cv2

    card = np.full((*CARD_SIZE, 3), 24, dtype=np.uint8)
    for i, line in enumerate(lines):
        cv2.putText(card, line[:60], (12, 32 + 26 * i), cv2.FONT_HERSHEY_SIMPLEX, 0.55, (235, 235, 235), 1,
                    cv2.LINE_AA)
    return card


def _scalar(ep: dict[str, Any], key: str, t: int) -> str:
    return f"{np.asarray(ep[key][t]).reshape(-1)[0]:.3g}" if key in ep else "-"


def _episode_frames(reader: DatasetReader, episode: int) -> list[np.ndarray]:
    ep = reader.episode(episode)
    keys = [*reader.video_keys, *reader.image_keys]
    length = len(ep["index"])
    label = f"#{episode}: {ep['task']}"
    frames = []
    for t in range(length):
        if keys:
            montage = tile([ep[k][t] for k in keys])
            scale = max(1, -(-MIN_HEIGHT // montage.shape[0]))
            montage = np.repeat(np.repeat(montage, scale, axis=0), scale, axis=1)
            frames.append(caption(montage, f"{label}  [{t + 1}/{length}]"))
        else:
            frames.append(_text_card([f"episode {episode}  frame {t + 1}/{length}", *_wrap(str(ep["task"])),
                                      f"reward {_scalar(ep, 'next.reward', t)}",
                                      f"success {_scalar(ep, 'next.success', t)}",
                                      f"action {np.round(ep['action'][t], 2).tolist()}" if "action" in ep else ""]))
    return frames


def view_episode(root: str | Path, episode: int, out_mp4: str | Path, fps: float | None = None) -> Path:
    """Write ``out_mp4``: the episode's camera frames tiled left to right and captioned with its task."""
    return view_episodes(root, [episode], out_mp4, fps)


def view_episodes(root: str | Path, episodes: list[int], out_mp4: str | Path, fps: float | None = None) -> Path:
    """Several episodes one after another in one mp4, each frame captioned with its instruction."""
    frames: list[np.ndarray] = []
    root = Path(root)
    with DatasetReader(root, verify=(root / MANIFEST_PATH).is_file()) as reader:  # any v3.0 dataset can be viewed
        fps = fps or reader.fps
        for episode in episodes:
            frames.extend(_episode_frames(reader, episode))
    return write_video(out_mp4, frames, fps=fps)


def _wrap(text: str, width: int = 48) -> list[str]:
    lines, line = [], ""
    for word in text.split():
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    return [*lines, line] if line else lines
