"""The domain: what a check-in, a promise or a trigger is, and the rules about them.

Nothing here imports typer or rich; results are plain dataclasses.
"""
