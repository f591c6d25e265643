"""Where things are, for every test module wherever it sits under tests/.

ROOT is the repository (the clusternet package), SHARED the shared material beside it.
"""
from pathlib import Path

TESTS = Path(__file__).resolve().parents[1]
ROOT = TESTS.parent
TEST_DATA = TESTS / "data"
HELPERS = TESTS / "helpers"
SHARED = ROOT.parent / "shared"
