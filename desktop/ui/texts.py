"""Filling the placeholders of a translated string: %1, %2… in one pass.

Chained `.replace("%1", a).replace("%2", b)` substitutes inside values already put in
(a file named « rapport %2.pdf » would receive b). `fill` reads the template once, as
QString.arg does, so a value is never rescanned.
"""

from __future__ import annotations

import re

PLACEHOLDER = re.compile(r"%(\d{1,2})")


def fill(template: str, *values: object) -> str:
    """`template` with %1 replaced by values[0], %2 by values[1]…; others left as they are."""

    def value(match: re.Match) -> str:
        index = int(match.group(1)) - 1
        return str(values[index]) if 0 <= index < len(values) else match.group(0)

    return PLACEHOLDER.sub(value, template)
