"""Every kind of entry this version knows: adding a kind is a module and a line here.

Each kind says where its entries live (`Record.folder`): a dated kind keeps
one file per entry in the month folders, `YYYY/MM/<date>-<kind>-<id>.md`; an
undated one keeps them in a folder of its own, `<folder>/<kind>-<id>.md`.
The journal is told the undated folders (`UNDATED_FOLDERS`) when it is
opened, since storage knows nothing of kinds.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from trustlog.domain import folders
from trustlog.domain.core.entry import Entry, OtherEntry, Record
from trustlog.storage.document import Document

if TYPE_CHECKING:
    KINDS: tuple[type[Record], ...]
    BY_NAME: dict[str, type[Record]]

# Each kind's name, the module that declares it and its class, in this order in
# `trustlog entries --kind`'s help. All are dated but the promise, the contract, the
# agreement, the support contact and the ritual's plan. `jrnl` holds the entries imported
# from jrnl (`trustlog import jrnl`); `conflict` the other versions `trustlog sync` kept of
# an entry changed on two devices (domain/sync/model.py).
#
# A kind's module is imported only when a file of that kind is read (`load`): importing
# every kind (the apology checker's rules among them) cost each command that reads
# entries about 25 ms, and a month of check-ins needs only the check-in. `KINDS` and
# `BY_NAME` import them all; tests/kinds/test_kinds.py checks this table against them.
WHERE: dict[str, tuple[str, str]] = {
    "checkin": ("trustlog.domain.checkin.model", "Checkin"),
    "trigger": ("trustlog.domain.trigger.model", "Trigger"),
    "apology": ("trustlog.domain.apology.model", "Apology"),
    "promise": ("trustlog.domain.promise.model", "Promise"),
    "mark": ("trustlog.domain.promise.model", "Mark"),
    "contract": ("trustlog.domain.contract.model", "Contract"),
    "agreement": ("trustlog.domain.agreement.model", "Agreement"),
    "support": ("trustlog.domain.support", "Support"),
    "ritual": ("trustlog.domain.ritual.model", "Ritual"),
    "plan": ("trustlog.domain.ritual.model", "Plan"),
    "jrnl": ("trustlog.domain.imports.model", "JrnlEntry"),
    "conflict": ("trustlog.domain.sync.model", "Conflict"),
}

NAMES = tuple(WHERE)
UNDATED_FOLDERS = folders.UNDATED_FOLDERS
KEPT_IN = folders.KEPT_IN  # folder: its one kind


def kind_named(name: str) -> type[Record] | None:
    """The class of the kind called `name`, its module imported now; None if unknown."""
    cls = _LOADED.get(name)
    if cls is None:
        where = WHERE.get(name)
        if where is None:
            return None
        cls = _LOADED[name] = getattr(importlib.import_module(where[0]), where[1])
    return cls


_LOADED: dict[str, type[Record]] = {}  # asked once an entry: ten thousand times an export


def __getattr__(name: str) -> Any:
    if name == "KINDS":
        return tuple(kind_named(kind) for kind in NAMES)
    if name == "BY_NAME":
        return {kind: kind_named(kind) for kind in NAMES}
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def load(doc: Document) -> Entry:
    """The entry a document holds, checked; unknown kinds are kept as `OtherEntry`."""
    kind = doc.fields.get("kind")
    cls = kind_named(kind) if isinstance(kind, str) else None
    if cls is None:
        return OtherEntry.from_document(doc)
    return cls.from_document(doc)
