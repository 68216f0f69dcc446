"""The visuomotor network: a small conv encoder per camera, proprioception and instruction tokens, and an
ACT-style decoder whose ``chunk`` learned queries cross-attend to those tokens and each predict one action.

Images enter as uint8 (B, C, H, W) per camera and depth as millimetres (B, depth cameras, H, W), both scaled
here (depth clipped, then normalised by the training frames' mean and std, which the architecture parameters
record), so the checkpoint holds the whole mapping from pixels to actions. A camera with depth has a 4-channel
encoder; without depth configured, depth given to ``forward`` is never read.

No torchvision: the encoder is four conv layers, enough for 64-96 px frames and cheap on a
CPU core (measured in bench/visuomotor_latency.py).

Two options make the images matter (issue 18: a network with only the BC loss read proprioception and a clock and
its pooled features did not locate the cubes). ``pool="keypoints"`` replaces the average pool by a spatial
softmax (robomimic's image BC default): each token is one learned keypoint, the expected image coordinates of its
attention map plus the features it attends to, so position inside a cell survives. ``objects > 0`` adds a head
that predicts that many (normalised) object coordinates from the image tokens alone; training supervises it with
the dataset's recorded object poses, and with ``object_token`` the prediction enters the decoder as one more
token: a structured bottleneck computed from pixels, so nothing privileged is read when acting. ``ee_index >= 0``
adds one more token: each predicted position minus the TCP position read from proprioception (both in metres), the
offset the expert's servo acts on, so the decoder need not learn the subtraction of two differently encoded tokens
from a few scenes. ``gripper_index >= 0`` (with ``ee_index``) puts a held cube at the TCP: where the finger opening
says the hand holds a cube, the instructed cube's position is the TCP's from proprioception, not the image's
(policies.visuomotor.heatmap.hold_at_tcp).
"""

from __future__ import annotations

import torch
from torch import nn

from policies.visuomotor.config import POOLS
from policies.visuomotor.heatmap import HELD_OPENING, CameraCalibration, HeatmapHead, held_mask, hold_at_tcp

OBJECT_HEADS = ("mlp", "heatmap")
"""The object head: ``mlp`` regresses every target from the pooled image tokens; ``heatmap`` locates each cube and
place on one camera's image and lifts it to metres (policies.visuomotor.heatmap)."""

RELATIVE_SCALE_M = 0.1
"""Object-to-TCP offsets enter the relative token in units of 10 cm (the table's reach is a few of them)."""


class ConvEncoder(nn.Module):
    """(B, C, H, W) float in [0, 1] -> (B, grid * grid, width): a conv stack pooled to a ``grid`` x ``grid`` map
    (``pool="avg"``) or to ``grid * grid`` spatial-softmax keypoints (``pool="keypoints"``)."""

    def __init__(self, in_channels: int, width: int, grid: int, pool: str = "avg") -> None:
        super().__init__()
        if pool not in POOLS:
            raise ValueError(f"pool {pool!r}; valid: {', '.join(POOLS)}")
        c = width // 4
        self.pool = pool
        self.net = nn.Sequential(
            nn.Conv2d(in_channels, c, 5, stride=2, padding=2), nn.GroupNorm(4, c), nn.ReLU(),
            nn.Conv2d(c, 2 * c, 3, stride=2, padding=1), nn.GroupNorm(8, 2 * c), nn.ReLU(),
            nn.Conv2d(2 * c, width, 3, stride=2, padding=1), nn.GroupNorm(8, width), nn.ReLU(),
            nn.Conv2d(width, width, 3, padding=1), nn.ReLU(),
            *([nn.AdaptiveAvgPool2d(grid)] if pool == "avg" else []))
        if pool == "keypoints":
            self.attention = nn.Conv2d(width, grid * grid, 1)
            self.coords = nn.Linear(2, width)
        # Where a token sits in the image (avg) or which keypoint it is: conv features alone are translation
        # invariant after pooling.
        self.position = nn.Parameter(torch.zeros(1, grid * grid, width))
        nn.init.normal_(self.position, std=0.02)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        f = self.net(x)
        if self.pool == "avg":
            return f.flatten(2).transpose(1, 2) + self.position
        h, w = f.shape[-2:]
        attn = self.attention(f).flatten(2).softmax(dim=-1)  # (B, K, h*w)
        ys, xs = torch.meshgrid(torch.linspace(-1.0, 1.0, h), torch.linspace(-1.0, 1.0, w), indexing="ij")
        grid_xy = torch.stack([xs.reshape(-1), ys.reshape(-1)], dim=-1)  # (h*w, 2)
        # Expected coordinates of each keypoint, and the features it attends to.
        return (self.coords(attn @ grid_xy) + attn @ f.flatten(2).transpose(1, 2)) + self.position


class VisuomotorACT(nn.Module):
    """Cameras + proprioception + instruction embedding -> (B, chunk, out_dim) actions in [-1, 1]."""

    def __init__(self, *, cameras: int, channels: int, proprio_dim: int, text_dim: int, out_dim: int, chunk: int,
                 width: int = 128, grid: int = 4, layers: int = 2, heads: int = 4, depth_cameras: tuple[int, ...] = (),
                 depth_clip_mm: float = 2000.0, depth_mean_mm: float = 0.0, depth_std_mm: float = 1.0,
                 pool: str = "avg", objects: int = 0, object_token: bool = False,
                 object_names: tuple[str, ...] = (), object_mean: tuple[float, ...] = (),
                 object_std: tuple[float, ...] = (), decoder_images: bool = True, ee_index: int = -1,
                 ee_mean: tuple[float, ...] = (), ee_std: tuple[float, ...] = (), object_head: str = "mlp",
                 calibration: tuple[float, ...] = (), heatmap_camera: int = 0, heatmap_width: int = 32,
                 gripper_index: int = -1, gripper_mean: float = 0.0, gripper_std: float = 1.0,
                 held_opening: tuple[float, ...] = HELD_OPENING) -> None:
        super().__init__()
        if object_head not in OBJECT_HEADS:
            raise ValueError(f"object_head {object_head!r}; valid: {', '.join(OBJECT_HEADS)}")
        if object_head == "heatmap" and (not objects or len(object_mean) != objects or len(calibration) == 0
                                         or not 0 <= heatmap_camera < cameras):
            raise ValueError("object_head 'heatmap' needs objects with names, mean and std, a camera calibration "
                             f"and heatmap_camera below {cameras}")
        self.object_head = object_head
        self.heatmap_camera = int(heatmap_camera)
        if objects < 0 or (object_token and not objects):
            raise ValueError(f"object_token needs objects > 0, got objects={objects}")
        if not decoder_images and not object_token:
            raise ValueError("decoder_images=False needs object_token (the decoder would see no image)")
        # False: the decoder reads the images only through the object token (where the objects are), not the image
        # tokens, from which it can recognise a training scene and replay its demonstration.
        self.decoder_images = bool(decoder_images)
        if any(len(v) not in (0, objects) for v in (object_names, object_mean, object_std)):
            raise ValueError(f"object_names, object_mean and object_std need {objects} entries each")
        # Training-side records of the object head's targets (names and the normalisation of the coordinates),
        # kept so a checkpoint's predictions can be read back in metres.
        self.object_names = tuple(str(n) for n in object_names)
        self.object_mean, self.object_std = tuple(map(float, object_mean)), tuple(map(float, object_std))
        self.object_token = bool(object_token)
        # ee_index: where the TCP's x, y, z sit in the proprioception vector, with their normalisation, so the
        # relative token can put them back in metres (-1: no relative token).
        self.ee_index = int(ee_index)
        self.ee_mean, self.ee_std = tuple(map(float, ee_mean)), tuple(map(float, ee_std))
        if self.ee_index >= 0 and (not object_token or objects % 3 or len(self.ee_mean) != 3 or len(self.ee_std) != 3
                                   or len(self.object_mean) != objects):
            raise ValueError("ee_index (the relative token) needs object_token, object coordinates in threes with "
                             "their mean and std, and ee_mean/ee_std of 3 values")
        # gripper_index: where the finger opening sits in the proprioception vector (-1: no held-cube rule).
        self.gripper_index = int(gripper_index)
        self.gripper_mean, self.gripper_std = float(gripper_mean), float(gripper_std)
        self.held_opening = (float(held_opening[0]), float(held_opening[1])) if len(held_opening) == 2 else (-1.0, -1.0)
        if self.gripper_index >= 0:
            if self.ee_index < 0 or "instructed.x" not in self.object_names or not self.gripper_std > 0:
                raise ValueError("gripper_index (a held cube at the TCP) needs ee_index, object names with the "
                                 "instructed object, and gripper_std > 0")
            held_mask(torch.zeros(1), self.held_opening)  # refuses bounds outside 0 <= low < high <= 1
        self.cameras, self.channels, self.chunk = cameras, channels, chunk
        # depth_cameras[j] is the camera index whose encoder takes depth plane j as its 4th channel.
        self.depth = tuple(int(i) for i in depth_cameras)
        if len(set(self.depth)) != len(self.depth) or not all(0 <= i < cameras for i in self.depth):
            raise ValueError(f"depth_cameras must list distinct camera indices below {cameras}, "
                             f"got {list(depth_cameras)}")
        if not depth_std_mm > 0:
            raise ValueError(f"depth_std_mm must be > 0, got {depth_std_mm}")
        self.depth_clip, self.depth_mean = float(depth_clip_mm), float(depth_mean_mm)
        self.depth_std = float(depth_std_mm)
        self.encoders = nn.ModuleList(ConvEncoder(channels + (i in self.depth), width, grid, pool)
                                      for i in range(cameras))
        # From the image tokens only (FiLM-scaled by the instruction, so "the named cube" is answerable).
        self.objects: nn.Module | None = None
        if objects and object_head == "heatmap":
            self.objects = HeatmapHead(self.object_names, CameraCalibration.from_values(calibration), text_dim,
                                       heatmap_width)
        elif objects:
            self.objects = nn.Sequential(nn.Flatten(), nn.Linear(cameras * grid * grid * width, width), nn.ReLU(),
                                         nn.Linear(width, objects))
        self.object_in = nn.Linear(objects, width) if object_token else None
        self.relative_in = nn.Linear(objects, width) if self.ee_index >= 0 else None
        self.proprio = nn.Sequential(nn.Linear(proprio_dim, width), nn.ReLU(), nn.Linear(width, width))
        self.text = nn.Sequential(nn.Linear(text_dim, width), nn.ReLU(), nn.Linear(width, width))
        # The instruction also scales and shifts the image tokens (FiLM): which cube matters is in the words.
        self.film = nn.Linear(text_dim, 2 * width)
        nn.init.zeros_(self.film.weight)
        nn.init.zeros_(self.film.bias)
        self.queries = nn.Parameter(torch.zeros(1, chunk, width))
        nn.init.normal_(self.queries, std=0.02)
        layer = nn.TransformerDecoderLayer(width, heads, dim_feedforward=4 * width, dropout=0.0, batch_first=True,
                                           norm_first=True)
        self.decoder = nn.TransformerDecoder(layer, layers)
        self.head = nn.Sequential(nn.LayerNorm(width), nn.Linear(width, out_dim))

    def normalise_depth(self, depth_mm: torch.Tensor) -> torch.Tensor:
        """Millimetres -> the encoder's depth channel: clipped, then standardised by the training statistics."""
        return (depth_mm.float().clamp(0.0, self.depth_clip) - self.depth_mean) / self.depth_std

    def memory(self, images: torch.Tensor, proprio: torch.Tensor, text: torch.Tensor,
               depth: torch.Tensor | None = None) -> torch.Tensor:
        """(B, tokens, width) from images (B, cameras, C, H, W) uint8/float, normalised proprio and text, and
        (with depth configured) depth (B, len(self.depth), H, W) in millimetres."""
        return self.memory_and_objects(images, proprio, text, depth)[0]

    def encoder_inputs(self, images: torch.Tensor, depth: torch.Tensor | None = None) -> list[torch.Tensor]:
        """Each camera's encoder input: RGB in [0, 1], with its normalised depth as a fourth channel where read."""
        x = images.float() / 255.0 if images.dtype == torch.uint8 else images
        inputs = [x[:, i] for i in range(self.cameras)]
        if self.depth:
            if depth is None or depth.shape[1] != len(self.depth):
                got = None if depth is None else tuple(depth.shape)
                raise ValueError(f"this network reads depth of {len(self.depth)} camera(s); got depth {got}")
            d = self.normalise_depth(depth)
            for j, i in enumerate(self.depth):
                inputs[i] = torch.cat([inputs[i], d[:, j:j + 1]], dim=1)
        return inputs

    def image_tokens(self, images: torch.Tensor, text: torch.Tensor,
                     depth: torch.Tensor | None = None) -> list[torch.Tensor]:
        """Each camera's (B, grid * grid, width) tokens, FiLM-scaled and shifted by the instruction embedding."""
        return self._film_tokens(self.encoder_inputs(images, depth), text)

    def _film_tokens(self, inputs: list[torch.Tensor], text: torch.Tensor) -> list[torch.Tensor]:
        scale, shift = self.film(text).unsqueeze(1).chunk(2, dim=-1)
        return [(enc(inputs[i]) * (1 + scale) + shift) for i, enc in enumerate(self.encoders)]

    def predict_objects(self, images: torch.Tensor, text: torch.Tensor,
                        depth: torch.Tensor | None = None) -> torch.Tensor:
        """The object head's (B, objects) normalised coordinates from the images and the instruction alone (the
        object-head pretraining's forward pass: no proprioception, no decoder)."""
        if self.objects is None:
            raise ValueError("this network has no object head (objects=0)")
        if isinstance(self.objects, HeatmapHead):
            return self.heatmap_objects(self.encoder_inputs(images, depth), text)
        return self.objects(torch.cat(self.image_tokens(images, text, depth), dim=1))

    def heatmap_objects(self, inputs: list[torch.Tensor], text: torch.Tensor, points: torch.Tensor | None = None,
                        hard_choice: bool = False) -> torch.Tensor:
        """The heatmap head's (B, objects) targets, normalised like the regression head's, from its camera's RGB, or
        from given channel ``points`` (B, K, 3 metres; ``heatmap_points``); ``hard_choice``: see
        ``HeatmapHead.choice_weights``."""
        assert isinstance(self.objects, HeatmapHead)
        if points is None:
            points = self.objects.points(inputs[self.heatmap_camera][:, :3])
        metres = self.objects.assemble(points, text, hard_choice)
        return (metres - torch.tensor(self.object_mean)) / torch.tensor(self.object_std)

    def heatmap_points(self, images: torch.Tensor, depth: torch.Tensor | None = None) -> torch.Tensor:
        """(B, K, 3) the heatmap head's channel positions in metres (each cube, then each place), before the
        instruction's choice: what an object memory keeps between steps (policies.visuomotor.object_memory)."""
        if not isinstance(self.objects, HeatmapHead):
            raise ValueError("heatmap_points needs object_head 'heatmap'")
        return self.objects.points(self.encoder_inputs(images, depth)[self.heatmap_camera][:, :3])

    def memory_and_objects(self, images: torch.Tensor, proprio: torch.Tensor, text: torch.Tensor,
                           depth: torch.Tensor | None = None, points: torch.Tensor | None = None,
                           hard_choice: bool = False) -> tuple[torch.Tensor, torch.Tensor | None]:
        """``memory`` and the object head's (B, objects) normalised coordinates (None without the head). With the
        heatmap head, ``points`` replaces the head's channel positions read from these images and ``hard_choice``
        makes the instruction's choice of cube and place one-hot (VisuomotorConfig.object_memory, hard_choice)."""
        if (points is not None or hard_choice) and not isinstance(self.objects, HeatmapHead):
            raise ValueError("points and hard_choice need object_head 'heatmap'")
        inputs = self.encoder_inputs(images, depth)
        # The heatmap head reads the image itself: with decoder_images off no image token reaches anything.
        needed = self.decoder_images or not isinstance(self.objects, HeatmapHead)
        tokens = self._film_tokens(inputs, text) if needed else []
        objects: torch.Tensor | None = None
        if isinstance(self.objects, HeatmapHead):
            objects = self.heatmap_objects(inputs, text, points, hard_choice)
        elif self.objects is not None:
            objects = self.objects(torch.cat(tokens, dim=1))
        if objects is not None and self.gripper_index >= 0:
            objects = self.hold_objects(objects, proprio, text, hard_choice)
        extra = [self.object_in(objects).unsqueeze(1)] if self.object_in is not None and objects is not None else []
        if self.relative_in is not None and objects is not None:
            extra.append(self.relative_in(self.relative_offsets(objects, proprio)).unsqueeze(1))
        mem = torch.cat([*(tokens if self.decoder_images else []), self.proprio(proprio).unsqueeze(1),
                         self.text(text).unsqueeze(1), *extra], dim=1)
        return mem, objects

    def hold_objects(self, objects: torch.Tensor, proprio: torch.Tensor, text: torch.Tensor,
                     hard_choice: bool = False) -> torch.Tensor:
        """(B, objects) normalised head outputs with the held cube at the TCP wherever the finger opening in
        ``proprio`` says the hand holds one (``hold_at_tcp``), normalised again."""
        mean, std = torch.tensor(self.object_mean), torch.tensor(self.object_std)
        ee = proprio[:, self.ee_index:self.ee_index + 3] * torch.tensor(self.ee_std) + torch.tensor(self.ee_mean)
        opening = proprio[:, self.gripper_index] * self.gripper_std + self.gripper_mean
        weights: torch.Tensor | None = None
        cubes: tuple[str, ...] = ()
        if isinstance(self.objects, HeatmapHead):
            weights, cubes = self.objects.choice_weights(text, hard_choice)[0], tuple(self.objects.cubes)
        groups = list(dict.fromkeys(n.rsplit(".", 1)[0] for n in self.object_names))
        held = held_mask(opening, self.held_opening)
        return (hold_at_tcp(objects * std + mean, groups, ee, held, weights, cubes) - mean) / std

    def relative_offsets(self, objects: torch.Tensor, proprio: torch.Tensor) -> torch.Tensor:
        """(B, objects) normalised head outputs and (B, proprio_dim) normalised proprioception -> each predicted
        position minus the TCP position, in units of ``RELATIVE_SCALE_M``."""
        metres = objects * torch.tensor(self.object_std) + torch.tensor(self.object_mean)
        ee = proprio[:, self.ee_index:self.ee_index + 3] * torch.tensor(self.ee_std) + torch.tensor(self.ee_mean)
        return (metres.reshape(len(metres), -1, 3) - ee.unsqueeze(1)).reshape(len(metres), -1) / RELATIVE_SCALE_M

    def forward_with_objects(self, images: torch.Tensor, proprio: torch.Tensor, text: torch.Tensor,
                             depth: torch.Tensor | None = None, points: torch.Tensor | None = None,
                             hard_choice: bool = False) -> tuple[torch.Tensor, torch.Tensor | None]:
        """(B, chunk, out_dim) actions and the object head's (B, objects) prediction (None without it)."""
        mem, objects = self.memory_and_objects(images, proprio, text, depth, points, hard_choice)
        out = self.decoder(self.queries.expand(len(mem), -1, -1), mem)
        return torch.tanh(self.head(out)), objects

    def forward(self, images: torch.Tensor, proprio: torch.Tensor, text: torch.Tensor,
                depth: torch.Tensor | None = None, points: torch.Tensor | None = None,
                hard_choice: bool = False) -> torch.Tensor:
        return self.forward_with_objects(images, proprio, text, depth, points, hard_choice)[0]
