"""The Dagster layer: wiring only (assets, checks, resources, jobs, sensor, schedules).

``defs`` is what ``dagster dev``, ``dg check defs`` and deployments load;
:func:`~pipeline.defs.definitions.build_defs` makes the same definitions with
other resources.
"""

from pipeline.defs.definitions import build_defs

defs = build_defs()

__all__ = ["build_defs", "defs"]
