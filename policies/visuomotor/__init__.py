"""Visuomotor policies: camera images, proprioception and the instruction in, a chunk of actions out.

The family reads only what a real arm has -- RGB (optionally depth) from the front and wrist cameras, the
arm's joints, gripper and TCP pose, and the instruction's embedding -- never the simulator's object poses,
goal position or goal ids. ``config`` (training settings), ``network`` (conv encoder + ACT-style chunk
decoder), ``data`` (frames and action chunks from an armstack dataset), ``train`` (``armstack train
visuomotor``) and ``policy`` (the loaded policy: chunk execution or temporal ensembling).
"""
