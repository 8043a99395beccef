"""``python -m brief``: the same command as ``brief``."""

from brief.cli import main

if __name__ == "__main__":
    main()
