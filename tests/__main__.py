"""`python -m tests`: the one test command (README, .ci/run).

Prepares the virtualenv on first use, then runs pytest on the offscreen Qt platform.
"""

import os
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO_ROOT))
os.chdir(REPO_ROOT)

from desktop.bootstrap import ensure_environment  # noqa: E402

ensure_environment(extras=("test",))

import pytest  # noqa: E402

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.exit(pytest.main(sys.argv[1:]))
