"""brief: turn news articles about one story into a short, structured, fully cited briefing."""

__version__ = "0.1.0"
