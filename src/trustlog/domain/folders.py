"""The folders of the kinds kept outside the month folders, known without importing a kind.

Every command opens the journal, and the journal must be told these folders
(storage knows nothing of kinds). Importing the whole registry (domain/kinds.py)
for them cost every command about 16 ms of start-up; each kind names its folder
from here instead, and tests/kinds/test_kinds.py checks the two agree.
"""

from __future__ import annotations

PROMISES = "promises"
CONTRACTS = "contracts"
AGREEMENTS = "agreements"
SUPPORT = "support"
PLANS = "plans"
CONFLICTS = "conflicts"

UNDATED_FOLDERS = (PROMISES, CONTRACTS, AGREEMENTS, SUPPORT, PLANS, CONFLICTS)

# The one kind each of them keeps: a record of a kind in another kind's folder is damaged
# (it would be invisible to the commands that look for it in its own).
KEPT_IN = {
    PROMISES: "promise",
    CONTRACTS: "contract",
    AGREEMENTS: "agreement",
    SUPPORT: "support",
    PLANS: "plan",
    CONFLICTS: "conflict",
}
