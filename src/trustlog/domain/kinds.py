"""Every kind of entry this version knows: adding a kind is a module and a line here.

Each kind says where its entries live (`Record.folder`): a dated kind keeps
one file per entry in the month folders, `YYYY/MM/<date>-<kind>-<id>.md`; an
undated one keeps them in a folder of its own, `<folder>/<kind>-<id>.md`.
The journal is told the undated folders (`UNDATED_FOLDERS`) when it is
opened, since storage knows nothing of kinds.
"""

from __future__ import annotations

from trustlog.domain.agreement.model import Agreement
from trustlog.domain.apology.model import Apology
from trustlog.domain.checkin.model import Checkin
from trustlog.domain.contract.model import Contract
from trustlog.domain.core.entry import Entry, OtherEntry, Record
from trustlog.domain.imports.model import JrnlEntry
from trustlog.domain.promise.model import Mark, Promise
from trustlog.domain.ritual.model import Plan, Ritual
from trustlog.domain.support import Support
from trustlog.domain.sync.model import Conflict
from trustlog.domain.trigger.model import Trigger
from trustlog.storage.document import Document

# In this order in `trustlog entries --kind`'s help. All are dated but the promise,
# the contract, the agreement, the support contact and the ritual's plan. `jrnl`
# holds the entries imported from jrnl (`trustlog import jrnl`); `conflict` the other
# versions `trustlog sync` kept of an entry changed on two devices (domain/sync/model.py).
KINDS: tuple[type[Record], ...] = (
    Checkin,
    Trigger,
    Apology,
    Promise,
    Mark,
    Contract,
    Agreement,
    Support,
    Ritual,
    Plan,
    JrnlEntry,
    Conflict,
)

BY_NAME = {kind.kind: kind for kind in KINDS}
NAMES = tuple(BY_NAME)
UNDATED_FOLDERS = tuple(dict.fromkeys(kind.folder for kind in KINDS if kind.folder))
KEPT_IN = {kind.folder: kind.kind for kind in KINDS if kind.folder}  # folder: its one kind


def load(doc: Document) -> Entry:
    """The entry a document holds, checked; unknown kinds are kept as `OtherEntry`."""
    kind = doc.fields.get("kind")
    cls = BY_NAME.get(kind) if isinstance(kind, str) else None
    if cls is None:
        return OtherEntry.from_document(doc)
    return cls.from_document(doc)
