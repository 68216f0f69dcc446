"""The launch files and parameter files, checked without ``launch``/``launch_ros`` (not installable here).

The launch files are parsed with ``ast``: declared arguments, nodes, executables (console scripts of this
package), node names (sections of the parameter files). Every parameter file is validated for every robot
with the same code the nodes run at start-up.
"""

from __future__ import annotations

import ast
import tomllib
from pathlib import Path
from typing import Any

import pytest
import yaml

from robot.sim_arm_config import NODE_NAME as SIM_ARM_NODE
from robot.sim_arm_config import SIM_MODELS, load_sim_arm_config, read_node_parameters

ROOT = Path(__file__).resolve().parents[2]
LAUNCH = ROOT / "launch"
ROBOTS = sorted(SIM_MODELS)
REQUIRED_ARGS = {"robot", "controller", "policy", "record", "namespace"}
# The node each console script starts, and whose section it reads from the parameter file.
NODE_NAMES = {"armstack-sim-arm": SIM_ARM_NODE, "armstack-bridge": "armstack_bridge",
              "armstack-perception": "armstack_perception"}


def _scripts() -> dict[str, str]:
    return dict(tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["scripts"])


def _calls(tree: ast.AST, name: str) -> list[ast.Call]:
    return [n for n in ast.walk(tree) if isinstance(n, ast.Call)
            and ((isinstance(n.func, ast.Name) and n.func.id == name)
                 or (isinstance(n.func, ast.Attribute) and n.func.attr == name))]


def _kw(call: ast.Call, key: str) -> Any:
    for kw in call.keywords:
        if kw.arg == key:
            return kw.value.value if isinstance(kw.value, ast.Constant) else kw.value
    return None


def _launch(name: str) -> ast.Module:
    return ast.parse((LAUNCH / name).read_text(), filename=name)


@pytest.mark.parametrize(("name", "executables"), [
    ("sim.launch.py", ["armstack-sim-arm", "armstack-perception", "armstack-bridge"]),
    ("real.launch.py", ["armstack-perception", "armstack-bridge"]),
])
def test_launch_file_declares_arguments_and_starts_our_console_scripts(name: str, executables: list[str]) -> None:
    tree = _launch(name)
    functions = {n.name for n in tree.body if isinstance(n, ast.FunctionDef)}
    assert "generate_launch_description" in functions
    imported = {n.module.split(".")[0] for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and n.module}
    assert imported <= {"launch", "launch_ros"}, f"{name}: launch files hold no logic beyond launch/launch_ros"

    declared = {ast.literal_eval(c.args[0]): c for c in _calls(tree, "DeclareLaunchArgument")}
    assert set(declared) >= REQUIRED_ARGS, f"{name}: missing arguments {REQUIRED_ARGS - set(declared)}"
    choices = _kw(declared["robot"], "choices")
    if isinstance(choices, ast.Name):
        choices = _module_list(tree, choices.id)
    assert sorted(choices) == ROBOTS
    assert all(_kw(c, "description") for c in declared.values()), f"{name}: every argument needs a description"

    nodes = _calls(tree, "Node")
    assert [_kw(n, "executable") for n in nodes] == executables
    scripts = _scripts()
    for node in nodes:
        executable = _kw(node, "executable")
        assert executable in scripts, f"{executable} is not a console script in pyproject.toml"
        module, _, func = scripts[executable].partition(":")
        assert (ROOT / Path(*module.split("."))).with_suffix(".py").is_file(), f"{module} missing"
        assert f"def {func}(" in (ROOT / Path(*module.split("."))).with_suffix(".py").read_text()
        assert _kw(node, "name") == NODE_NAMES[executable]
        assert _kw(node, "parameters") is not None and _kw(node, "namespace") is not None
    # Every declared argument is used somewhere (no dead arguments a technician would set in vain).
    used = {ast.literal_eval(c.args[0]) for c in _calls(tree, "LaunchConfiguration")}
    assert set(declared) <= used, f"{name}: unused arguments {set(declared) - used}"


def _module_list(tree: ast.Module, name: str) -> list[str]:
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == name for t in node.targets):
            return list(ast.literal_eval(node.value))
    return []


def test_sim_launch_robot_choices_match_the_params_files() -> None:
    assert _module_list(_launch("sim.launch.py"), "ROBOTS") == _module_list(_launch("real.launch.py"), "ROBOTS")
    assert sorted(p.stem for p in (LAUNCH / "config").glob("*.yaml")) == ROBOTS


@pytest.mark.parametrize("robot", ROBOTS)
def test_params_file_loads_and_validates_for_every_node(robot: str) -> None:
    path = LAUNCH / "config" / f"{robot}.yaml"
    data = yaml.safe_load(path.read_text())
    assert set(data) <= set(NODE_NAMES.values()), f"{path}: unknown sections {set(data) - set(NODE_NAMES.values())}"
    config = load_sim_arm_config(path)
    assert config.robot == robot
    if "armstack_bridge" in data:
        from robot.params import load_bridge_params

        bridge = load_bridge_params([str(path)])
        assert bridge.robot == robot
        # The bridge drives the controllers the sim arm listens to.
        assert (bridge.controller, bridge.gripper_controller) == (config.controller, config.gripper_controller)
        assert bridge.estop_heartbeat == config.estop_heartbeat
    if "armstack_perception" in data:
        from robot.perception.node_params import load_node_params

        load_node_params(path)  # raises on an unknown or invalid parameter
    for node in data:
        assert read_node_parameters(path, node).get("robot", robot) == robot


# Launch-argument overrides a node does not accept yet (node name -> parameter names); the test fails once they
# are accepted, so that this stays empty except while a parameter is on its way.
PENDING_OVERRIDES: dict[str, set[str]] = {}


def _node_parameters(node: str) -> set[str]:
    import dataclasses

    if node == SIM_ARM_NODE:
        from robot.sim_arm_config import SimArmConfig

        return {f.name for f in dataclasses.fields(SimArmConfig)}
    if node == "armstack_perception":
        from robot.perception.node_params import _valid_names

        return set(_valid_names())
    from robot.params import BridgeParams

    return {f.name for f in dataclasses.fields(BridgeParams)}


@pytest.mark.parametrize("name", ["sim.launch.py", "real.launch.py"])
def test_launch_overrides_are_parameters_the_nodes_accept(name: str) -> None:
    for node in _calls(_launch(name), "Node"):
        node_name = _kw(node, "name")
        params = _kw(node, "parameters")
        assert isinstance(params, ast.List)
        overrides = {ast.literal_eval(k) for d in params.elts if isinstance(d, ast.Dict) for k in d.keys if k}
        unknown = overrides - _node_parameters(node_name)
        pending = PENDING_OVERRIDES.get(node_name, set())
        assert unknown == (pending & overrides), f"{name}: {node_name} does not accept {unknown - pending}; " \
            f"now accepted, drop from PENDING_OVERRIDES: {(pending & overrides) - unknown}"


def _table_rows(text: str) -> list[list[str]]:
    return [[c.strip() for c in line.strip().strip("|").split("|")] for line in text.splitlines()
            if line.startswith("| `")]


def test_readme_fault_table_matches_the_fault_monitor() -> None:
    from robot.safety.faults import FaultKind, Severity

    text = (LAUNCH / "README.md").read_text()
    table = text.split("<!-- BEGIN FAULT TABLE")[1].split("<!-- END FAULT TABLE -->")[0]
    rows = {r[0].strip("`"): r for r in _table_rows(table)}
    assert set(rows) == {k.id for k in FaultKind}, "launch/README.md fault table out of date"
    state = {Severity.WARNING: "DEGRADED", Severity.STOP: "SAFE_STOP", Severity.EMERGENCY: "ESTOP"}
    for kind in FaultKind:
        _, mode, category, meaning, *_ = rows[kind.id]
        assert (mode, int(category), meaning.replace("`", "")) == (state[kind.severity], kind.category,
                                                                    kind.meaning.replace("`", ""))


def test_readme_lists_every_injectable_fault() -> None:
    from robot.fault_injection import FAULTS

    section = (LAUNCH / "README.md").read_text().split("## 6.")[1]
    assert [r[0].strip("`") for r in _table_rows(section)][1:] == list(FAULTS)  # after the header row


@pytest.mark.ros
@pytest.mark.parametrize("robot", ["ur5e", "fr3"])
def test_sim_launch_nodes_come_up_together_for_each_robot(robot: str) -> None:
    """What ``ros2 launch launch/sim.launch.py robot:=<robot>`` starts, started the way CI can: the bridge
    accepts the sim arm's joint states (names, order, rate) and arms by itself."""
    import json

    pytest.importorskip("rclpy")
    from rclpy.qos import DurabilityPolicy, QoSProfile, ReliabilityPolicy
    from std_msgs.msg import String

    from robot.ros_rig.processes import NodeProcess, RosProbe, allocate_domain_id

    # The nodes started by default (perception:=true adds armstack-perception: test_perception_loop_ros.py).
    nodes = [n for n in _calls(_launch("sim.launch.py"), "Node") if _kw(n, "condition") is None]
    executables = [_kw(n, "executable") for n in nodes]
    params = LAUNCH / "config" / f"{robot}.yaml"
    with allocate_domain_id() as domain, RosProbe(domain) as probe:
        procs = [NodeProcess(exe, domain, params).start() for exe in executables]
        try:
            # Transitions on ~/events are transient-local: a NOMINAL reached before this probe matched, or
            # left again at once because a starved CI box delayed joint states, is still seen.
            qos = QoSProfile(depth=200, reliability=ReliabilityPolicy.RELIABLE,
                             durability=DurabilityPolicy.TRANSIENT_LOCAL)
            events = probe.subscribe(String, "armstack_bridge/events", qos)

            def armed() -> bool:
                return any(json.loads(m.data).get("event") == "transition" and json.loads(m.data).get("to") == "NOMINAL"
                           for _, m in list(events))

            ok = probe.spin_until(armed, 60.0)
            output = "\n".join(f"--- {p.script}\n{p.output()}" for p in procs)
            assert ok, f"bridge events {[m.data for _, m in events][-5:]}\n{output}"
            assert all(p.alive() for p in procs), output
        finally:
            for p in procs:
                p.stop()


def test_launch_profile_tables_mirror_the_vendor_profiles() -> None:
    from robot.vendor_profiles import PROFILES, robots_of

    for name in ("sim.launch.py", "real.launch.py"):
        tree = _launch(name)
        assert _module_list(tree, "PROFILES") == ["auto", *PROFILES]
        values = {t.id: ast.literal_eval(n.value) for n in tree.body if isinstance(n, ast.Assign)
                  for t in n.targets if isinstance(t, ast.Name) and t.id in ("DRIVER_OF", "CONTROLLER_OF")}
        assert values["CONTROLLER_OF"] == {n: p.controller for n, p in PROFILES.items()}
        assert all(robot in robots_of(profile) for robot, profile in values["DRIVER_OF"].items())
