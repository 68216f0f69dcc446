"""armstack robot: the ROS 2 bridge, safety core and simulated arm (built on ``policies`` and ``sim``)."""

__all__: list[str] = []
