"""Where the suite's own files are, from whichever folder a test sits in."""

from pathlib import Path

TESTS = Path(__file__).resolve().parents[1]
ROOT = TESTS.parent  # the repository: src/, docs/, benchmarks/
SUPPORT = TESTS / "support"  # helpers, and the scripts tests run (crash.py)
FIXTURES = TESTS / "fixtures"
JRNL_EXPORT = FIXTURES / "jrnl-export.json"  # jrnl's own export
