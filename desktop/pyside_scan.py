"""PySide's import hook, told which modules it need not read.

Once PySide6 is loaded, the first `import` of each module by name, even of one loaded
long before, has PySide read that module's whole source looking for « PySide6 » in it,
to know whether its __feature__ switches (snake_case, true_property) apply there
(shibokensupport/feature.py). Carnet uses no such switch, and the modules loaded before
PySide (the standard library's typing, logging, enum, dataclasses…, Carnet's Qt-free
modules) were read again for nothing when the app's modules imported them: some 5 ms of
the start. They are recorded here as PySide records a module that does not use it (-1,
« ignore »). A PySide without that table is left as it is.
"""

from __future__ import annotations

import sys


def load_pyside_skipping_loaded_modules() -> int:
    """Load PySide6 (its package: shiboken and the hook, not Qt's modules yet) and record
    the modules loaded so far as ones without __feature__ switches; how many."""
    import PySide6  # noqa: F401 - installs the hook and its table

    feature = sys.modules.get("shibokensupport.feature")
    known = getattr(feature, "pyside_feature_dict", None)
    if not isinstance(known, dict):
        return 0
    added = [name for name in list(sys.modules) if name not in known]
    for name in added:
        known[name] = -1
    return len(added)
