"""The ``armstack`` command line (dispatches to sim, policies and robot)."""
