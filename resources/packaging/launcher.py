"""The bundle's entry script (PyInstaller): the installed `carnet` command, no bootstrap."""

import sys

from desktop.entry import main

if __name__ == "__main__":
    sys.exit(main())
