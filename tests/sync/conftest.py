"""The devices and the bare repository the sync tests share: each test its own, in tmp."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.sync_helpers import Device, bare


@pytest.fixture
def remote(tmp_path: Path) -> Path:
    return bare(tmp_path / "remote.git")


@pytest.fixture
def laptop(tmp_path: Path, cli) -> Device:
    return Device(tmp_path / "laptop", cli)


@pytest.fixture
def desk(tmp_path: Path, cli) -> Device:
    return Device(tmp_path / "desk", cli)
