"""Storage: the plain-text journal on disk (format, atomic writes, locking, migrations)."""
