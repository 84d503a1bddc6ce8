"""Three laptops with their own replica of the shared folder, on clocks the test moves.

The « network » copies a device's files between replicas when a test says so, sometimes
an old snapshot (a late file), sometimes under a conflict-copy name (a duplicate), as
Syncthing or Nextcloud would. Used by the convergence property and its written-out cases.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Sequence
from pathlib import Path

from desktop.core.forms.templates import TemplateSet
from desktop.core.merge.conflicts import list_conflicts, resolve_conflict
from desktop.core.storage.workspace import open_workspace
from desktop.core.sync.share import APP_FOLDER
from tests.sync.conftest import Laptop

NAMES = ("alice", "bob", "chloe")
SKEWS_MS = (0, -30 * 60_000, 2 * 86_400_000)  # Bob's clock is late, Chloé's two days ahead
TEMPLATES = TemplateSet.load()
START_MS = 1_780_000_000_000


class Network:
    """device_ids: the laptops' ids (their order breaks ties between equal clocks and
    decides which colleague's folder is read first); random ones when not given."""

    def __init__(
        self,
        root: Path,
        device_ids: Sequence[str] | None = None,
        skews_ms: Sequence[int] = SKEWS_MS,
    ) -> None:
        self.root = root
        self.laptops: list[Laptop] = []
        self.snapshots: dict[int, Path] = {}
        self.taken = 0
        self.now_ms = START_MS
        for index, (name, skew) in enumerate(zip(NAMES, skews_ms, strict=True)):
            replica = root / f"replica-{name}"
            replica.mkdir()
            clock = lambda skew=skew: self.now_ms + skew  # noqa: E731
            folder = root / f"data-{name}"
            ws = open_workspace(folder, TEMPLATES, now_ms=clock)
            ws.set_setting("user_name", name)
            if device_ids:
                ws.set_setting("device_id", device_ids[index])
                ws.close()
                ws = open_workspace(folder, TEMPLATES, now_ms=clock)
            self.laptops.append(Laptop(name, ws, replica))

    def device_folder(self, owner: int, replica_of: int) -> Path:
        device = self.laptops[owner].store.author.device_id
        return self.laptops[replica_of].share_folder / APP_FOLDER / "devices" / device

    def deliver(self, owner: int, to: int, mode: str) -> None:
        if owner == to:
            return
        source = self.device_folder(owner, owner)
        if mode == "late":
            source = self.snapshots.get(owner)
        if source is None or not source.is_dir():
            return
        target = self.device_folder(owner, to)
        for path in source.rglob("*.json"):
            name = path.name
            if mode == "conflict-copy":
                name = f"{path.stem}.sync-conflict-20261126-101010-NETWORK.json"
            destination = target / path.relative_to(source).parent / name
            destination.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, destination)

    def snapshot(self, owner: int) -> None:
        source = self.device_folder(owner, owner)
        if source.is_dir():
            self.taken += 1
            target = self.root / f"snapshot-{owner}-{self.taken}"
            shutil.copytree(source, target)
            self.snapshots[owner] = target

    def everything_arrives(self) -> None:
        for _ in range(2):
            for laptop in self.laptops:
                assert laptop.sync().ok
            for owner in range(len(NAMES)):
                for to in range(len(NAMES)):
                    self.deliver(owner, to, "current")
        for laptop in self.laptops:
            assert laptop.sync().ok

    def close(self) -> None:
        for laptop in self.laptops:
            laptop.workspace.close()


def converged(ops, device_ids=None, skews_ms=SKEWS_MS, values=None) -> set[tuple]:
    """Play the operations on two visits, deliver everything, check that the three
    laptops hold the same records and list the same conflicts; returns those conflicts
    as (visit 0 or 1, field, other's author, repr(other value), repr(value in place))."""
    with tempfile.TemporaryDirectory() as folder:
        network = Network(Path(folder), device_ids, skews_ms)
        try:
            alice = network.laptops[0]
            venue = alice.store.create_venue({"name": "Le Lieu commun"})
            visits = [
                alice.store.create_visit(venue.id, d).id for d in ("2026-01-05", "2026-06-01")
            ]
            network.everything_arrives()
            for op in ops:
                network.now_ms += 7  # a few milliseconds between two operations, no sleep
                apply(network, visits, op)
            network.everything_arrives()
            states = [(laptop.state(), conflicts_of(laptop)) for laptop in network.laptops]
            assert states[0] == states[1] == states[2]
            if values is not None:  # the visits' data, for the caller to look at
                values.extend(alice.visit_data(visit) for visit in visits)
            return {(visits.index(c[0]), c[1], c[3], c[4], c[6]) for c in states[0][1]}
        finally:
            network.close()


def conflicts_of(laptop: Laptop) -> set[tuple]:
    """The values kept in conflict and the deletions that missed an edit, as data."""
    return {
        (c.record_id, c.field, c.other.stamp, c.other.user_name, repr(c.other.value))
        + (c.current.stamp, repr(c.current.value))
        for c in list_conflicts(laptop.store)
    }


def apply(network: Network, visits: list[str], op: tuple) -> None:
    kind, who = op[0], network.laptops[op[1]]
    if kind == "edit":
        who.store.update_visit(visits[op[2]], {op[3]: op[4]})
    elif kind == "delete":
        who.store.delete_visit(visits[op[2]])
    elif kind == "pass":
        assert who.sync().ok
    elif kind == "snapshot":
        network.snapshot(op[1])
    elif kind == "resolve":  # every conflict listed there, answered with the other value
        for conflict in list_conflicts(who.store):
            resolve_conflict(who.store, conflict, conflict.other.value)
    else:
        network.deliver(op[1], op[2], op[3])
