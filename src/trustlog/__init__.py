"""trustlog: a private, local-first companion for rebuilding trust."""

__version__ = "0.1.0"
