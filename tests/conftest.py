"""Fixtures shared by every test module; helpers live in support.py."""

from __future__ import annotations

import pytest

from namconvert.config import Options, make_options
from namconvert.model import Programme
from support import SOURCE, load


@pytest.fixture(scope="session")
def seed_options() -> Options:
    return make_options(SOURCE)


@pytest.fixture(scope="session")
def seed() -> Programme:
    return load(SOURCE)
