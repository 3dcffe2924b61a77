"""``python -m collatio.gui [A B | --sample]``: the same as the ``collatio`` command."""

import sys

from .launcher import main

sys.exit(main())
