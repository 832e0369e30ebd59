"""Every kind of entry this version knows. Importing this module registers them all."""

from __future__ import annotations

from trustlog.domain.apology import model as apology  # noqa: F401  (registers the kinds)
from trustlog.domain.checkin import model as checkin  # noqa: F401
from trustlog.domain.promise import model as promise  # noqa: F401
from trustlog.domain.trigger import model as trigger  # noqa: F401

NAMES = ("checkin", "trigger", "apology", "promise", "mark")
