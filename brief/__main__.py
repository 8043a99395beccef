"""`python -m brief`: the same command line as `brief`."""

from brief.cli import main

main()
