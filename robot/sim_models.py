"""Which robots the simulated arm stands in for, and the built-in model each one runs on.

A module of its own, importing nothing, so that what needs only the robots' names (the launch files through
``robot.launch_tables``, ``bench/bridge.py --robot``) does not load the sim arm's configuration, which imports the
simulator (MuJoCo). ``robot.sim_arm_config`` and the bridge's parameters validate ``robot`` against it.
"""

from __future__ import annotations

# The FR3 shares the Panda's kinematics for our purposes: the sim runs the Panda model and publishes the FR3
# driver's joint names (robot.sim_arm_config.JOINT_PREFIX_RENAMES).
SIM_MODELS: dict[str, str] = {"panda": "panda", "ur5e": "ur5e", "fr3": "panda"}
