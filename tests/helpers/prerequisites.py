"""What a test needs from the machine beyond the repository.

On a developer's machine a missing prerequisite (Neo4j, Java, Chromium, the shared
material beside the repo) skips the test with the reason; in CI (``CI`` set), where
`.ci/run` installs everything, the same absence fails it: nothing may skip there.
"""
from __future__ import annotations

import os
from typing import NoReturn

import pytest


def in_ci() -> bool:
    """True when running under CI (the ``CI`` environment variable is set)."""
    return bool(os.environ.get("CI"))


def missing(reason: str) -> NoReturn:
    """Skip the calling test (or fixture) for ``reason``; in CI, fail it instead."""
    if in_ci():
        pytest.fail(reason, pytrace=False)
    pytest.skip(reason)


def needs(present: bool, reason: str):
    """A mark: skip unless ``present``, except in CI, where the test runs (and fails)."""
    return pytest.mark.skipif(not present and not in_ci(), reason=reason)
