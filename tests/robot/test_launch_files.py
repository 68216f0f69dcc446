"""The launch files and parameter files, checked without ``launch``/``launch_ros`` (not installable here).

The launch files are parsed with ``ast``: declared arguments, nodes, executables (console scripts of this
package), node names (sections of the parameter files). Every parameter file is validated for every robot
with the same code the nodes run at start-up.
"""

from __future__ import annotations

import ast
import importlib
import json
import subprocess
import sys
import tomllib
from pathlib import Path
from typing import Any

import pytest
import yaml

from robot.sim_arm_config import NODE_NAME as SIM_ARM_NODE
from robot.sim_arm_config import load_sim_arm_config, read_node_parameters
from robot.sim_models import SIM_MODELS
from robot.vendor_profiles import PROFILES, check_profile_robot

ROOT = Path(__file__).resolve().parents[2]
LAUNCH = ROOT / "launch"
ROBOTS = sorted(SIM_MODELS)
TABLES = "robot.launch_tables"
"""The one project module a launch file imports (the robots, profiles and controllers)."""
HEAVY = ("mujoco", "torch", "rclpy", "numpy", "sim")
LIGHT_MODULES = {"robot", "robot.errors", "robot.launch_tables", "robot.sim_models", "robot.vendor_profiles"}
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
    imported = {n.module or "" for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)} | {
        a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
    assert {m.split(".")[0] for m in imported - {TABLES}} <= {"launch", "launch_ros"}, \
        f"{name}: launch files import launch/launch_ros and {TABLES} only"
    # No logic of their own: a docstring, imports and generate_launch_description, no tables.
    assert all(isinstance(n, (ast.Import, ast.ImportFrom, ast.FunctionDef)) or
               (isinstance(n, ast.Expr) and isinstance(n.value, ast.Constant)) for n in tree.body), \
        f"{name}: module-level code beyond imports (tables belong in {TABLES})"

    declared = {ast.literal_eval(c.args[0]): c for c in _calls(tree, "DeclareLaunchArgument")}
    assert set(declared) >= REQUIRED_ARGS, f"{name}: missing arguments {REQUIRED_ARGS - set(declared)}"
    assert _table(tree, _kw(declared["robot"], "choices")) == list(SIM_MODELS)
    assert _table(tree, _kw(declared["profile"], "choices")) == ["auto", *PROFILES]
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


def _table(tree: ast.Module, node: Any) -> Any:
    """The value a launch file's argument names: a literal, or a table the file imports from ``TABLES``."""
    if not isinstance(node, ast.Name):
        return ast.literal_eval(node)
    imported = {a.asname or a.name for n in tree.body if isinstance(n, ast.ImportFrom) and n.module == TABLES
                for a in n.names}
    assert node.id in imported, f"{node.id} is neither a literal nor imported from {TABLES}"
    return getattr(importlib.import_module(TABLES), node.id)


def test_sim_launch_robot_choices_match_the_params_files() -> None:
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


def _resolve(call: ast.Call, values: dict[str, str], names: dict[str, Any]) -> str:
    """What ``ros2 launch`` makes of a ``PythonExpression([...])``: its parts joined with the launch arguments'
    values (``values``) and the launch file's own names (``names``) filled in, then evaluated."""
    namespace = {**vars(importlib.import_module(TABLES)), **names,
                 "LaunchConfiguration": lambda arg: values[arg]}
    parts = eval(compile(ast.Expression(call.args[0]), "<launch>", "eval"), namespace)  # the file's own parts
    return str(eval("".join(parts), {}))  # as launch's PythonExpression does, with no names of ours


@pytest.mark.parametrize("name", ["sim.launch.py", "real.launch.py"])
@pytest.mark.parametrize("robot", ROBOTS)
def test_launch_profile_and_controller_come_from_the_profile_table(name: str, robot: str) -> None:
    """The launch files' ``profile`` and ``controller`` expressions, evaluated for every robot and choice: auto is
    the robot's vendor driver, '' is the profile's controller (robot.vendor_profiles)."""
    function = next(n for n in _launch(name).body if isinstance(n, ast.FunctionDef))
    exprs = {n.targets[0].id: n.value for n in function.body if isinstance(n, ast.Assign)
             and isinstance(n.targets[0], ast.Name) and isinstance(n.value, ast.Call)
             and _calls(n.value, "PythonExpression") == [n.value]}
    assert {"profile", "controller_value"} <= set(exprs), f"{name}: {sorted(exprs)}"
    for choice in ("auto", *PROFILES):
        values = {"robot": robot, "profile": choice}
        profile = _resolve(exprs["profile"], values, {"robot": robot})
        if choice == "auto":
            assert check_profile_robot(profile, robot, where=name).name == profile != "generic"
        else:
            assert profile == choice
        for controller in ("", "my_controller"):
            resolved = _resolve(exprs["controller_value"], {**values, "controller": controller}, {"profile": profile})
            assert resolved == (controller or PROFILES[profile].controller)


def test_the_launch_tables_import_no_simulator_torch_or_rclpy() -> None:
    """What a launch file imports while ``ros2 launch`` starts: the profile table and the robot list, nothing
    that loads MuJoCo, torch or rclpy (the sim arm's config and the safety core import the simulator)."""
    code = (f"import sys, {TABLES}; print(json.dumps([sorted(sys.modules), {HEAVY!r}]))")
    proc = subprocess.run([sys.executable, "-c", "import json; " + code], capture_output=True, text=True,
                          timeout=60, check=False, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr
    modules, heavy = json.loads(proc.stdout)
    assert not set(modules) & set(heavy), f"{TABLES} imports {sorted(set(modules) & set(heavy))}"
    project = {m for m in modules if m.split(".")[0] in ("sim", "policies", "robot", "armstack")}
    assert project <= LIGHT_MODULES, f"{TABLES} imports {sorted(project - LIGHT_MODULES)}"
