"""Rendering: turning results into words for people (rich) or JSON for scripts."""
