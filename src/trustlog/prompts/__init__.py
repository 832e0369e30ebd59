"""Prompts: every question asked in a terminal goes through `seam.Asker`."""
