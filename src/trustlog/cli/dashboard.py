"""`trustlog` alone: today's dashboard."""

from __future__ import annotations

from trustlog.cli.state import State
from trustlog.domain.dashboard import build_dashboard
from trustlog.render.dashboard import dashboard as render


def dashboard(state: State, json: bool) -> None:
    render(state.output, build_dashboard(state.journal, state.today()), json=json)
