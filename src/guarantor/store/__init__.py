"""guarantor.store: persistence behind one narrow interface (SQLite default, PostgreSQL by URL).

The default database is the SQLite file ``settings.default_db_url()`` names:
``$XDG_DATA_HOME/guarantor/guarantor.db`` (``~/.local/share/guarantor/guarantor.db``).
"""

from guarantor.store.engine import safe_url
from guarantor.store.records import AddResult, Outlet, StoredDocument, StoredPosition
from guarantor.store.store import Store

__all__ = ["AddResult", "Outlet", "Store", "StoredDocument", "StoredPosition", "safe_url"]
