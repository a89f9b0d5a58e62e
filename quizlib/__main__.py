"""`python -m quizlib ...` runs the command line, like the `quizlib` script."""

import sys

from .cli import main

sys.exit(main())
