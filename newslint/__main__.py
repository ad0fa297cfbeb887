import sys

from newslint.run.cli import main

sys.exit(main())
