"""``python -m collatio.gui [A B | --sample]``: the same as the ``collatio`` command."""

import sys

from .launcher import main

if __name__ == "__main__":  # a spawned child process (PDF export, batch) imports no app
    sys.exit(main())
