"""The one metadata source: every column, enum and table, and what derives from them.

- :mod:`~pipeline.metadata.enums` — statuses, kinds, formats, houses;
- :mod:`~pipeline.metadata.fields` — every column, defined once;
- :mod:`~pipeline.metadata.tables` — published tables and per-batch stores;
- :mod:`~pipeline.metadata.package` — package-level metadata (licences, sources);
- :mod:`~pipeline.metadata.schemas` — Table Schemas, polars dtypes, ``conform``.
"""

from pipeline.metadata.package import PACKAGE
from pipeline.metadata.schemas import TableSchema, all_schemas, store_schema, table_names, table_schema
from pipeline.metadata.tables import COPY_KEY

__all__ = ["COPY_KEY", "PACKAGE", "TableSchema", "all_schemas", "store_schema", "table_names", "table_schema"]
