"""`python -m quizlib ...` runs the command line, like the `quizlib` script."""

import sys

from .cli import main

if __name__ == "__main__":
    sys.exit(main())
