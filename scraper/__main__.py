import sys

from scraper.cli import main

sys.exit(main())
