"""The one way armstack's console-script nodes run: init, spin one node, always shut down cleanly."""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from typing import Any

import rclpy
from rclpy.executors import ExternalShutdownException, SingleThreadedExecutor
from rclpy.impl.implementation_singleton import rclpy_implementation as _rclpy


def spin_node(make_node: Callable[[], Any], argv: Sequence[str], *, script: str,
              user_errors: tuple[type[BaseException], ...] = ()) -> int:
    """Build the node with ``make_node`` and spin it until shutdown; exit status for ``main``.

    A node with ``start()``/``stop()`` (its own threads) has them called around the spin. Errors in
    ``user_errors`` print one line and give exit status 2.
    """
    rclpy.init(args=list(argv))
    node: Any = None
    try:
        node = make_node()
        executor = SingleThreadedExecutor()
        executor.add_node(node)
        if hasattr(node, "start"):
            node.start()
        executor.spin()
    except user_errors as exc:
        print(f"{script}: error: {exc}", file=sys.stderr)
        return 2
    except (KeyboardInterrupt, ExternalShutdownException):
        pass
    except _rclpy.RCLError:
        # A SIGINT that shuts the context down after the executor's ok() check but before it builds its next wait
        # set surfaces as RCLError ("the given context is not valid"), not as ExternalShutdownException (seen
        # under load in CI): that is a clean stop. Any other RCLError, with the context still up, is a fault.
        if rclpy.ok():
            raise
    finally:
        if node is not None:
            if hasattr(node, "stop"):
                node.stop()
            node.destroy_node()
        rclpy.try_shutdown()
    return 0
