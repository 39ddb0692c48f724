"""Load and validate reference data, bundled or the user's (issue 4).

``load_registry()`` returns every table; ``Registry.as_of(day)`` filters it to
what was in force, pledged or said by that day; ``import_file`` adds a user's
rows after validating all of them.
"""

from guarantor.registry.codec import check_rows, dump_rows, read_raw, read_rows
from guarantor.registry.core import (
    BUNDLED_DIR,
    Registry,
    load_registry,
    registry_files,
    user_registry_dir,
)
from guarantor.registry.tables import KINDS, Table, table_for
from guarantor.registry.userdata import ImportResult, import_file, validate_file

__all__ = [
    "BUNDLED_DIR",
    "KINDS",
    "ImportResult",
    "Registry",
    "Table",
    "check_rows",
    "dump_rows",
    "import_file",
    "load_registry",
    "read_raw",
    "read_rows",
    "registry_files",
    "table_for",
    "user_registry_dir",
    "validate_file",
]
