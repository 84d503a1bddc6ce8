"""Handing a retired laptop's sheets over: this laptop becomes the one writer of them."""

from __future__ import annotations

from desktop.core.storage.store import CarnetStore
from desktop.core.storage.store_stamps import OWNER_FIELD


def take_over_sheets(store: CarnetStore, from_device: str) -> int:
    """Make this laptop the owner of every visit owned by from_device; returns how many.

    The change is stamped like an edit, so it travels to every colleague and the old
    laptop, if it ever comes back, stops writing those sheets.
    """
    return store.service.call(lambda writer: _take_over(writer.store, from_device))


def _take_over(store: CarnetStore, from_device: str) -> int:
    me = store.author.device_id
    ids = [
        r[0]
        for r in store.db.conn.execute(
            "SELECT id FROM visits WHERE owner_device = ?", (from_device,)
        )
    ]
    for visit_id in ids:
        store.db.conn.execute("UPDATE visits SET owner_device = ? WHERE id = ?", (me, visit_id))
        store.stamp("visits", visit_id, [OWNER_FIELD])
    return len(ids)
