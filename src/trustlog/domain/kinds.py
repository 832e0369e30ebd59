"""Every kind of entry this version knows. Importing this module registers them all."""

from __future__ import annotations

from trustlog.domain import apology, checkin, promise, trigger  # noqa: F401  (registers the kinds)

NAMES = ("checkin", "trigger", "apology", "promise", "mark")
