"""`python -m caravan` runs the command line."""

from caravan.cli import main

main()
