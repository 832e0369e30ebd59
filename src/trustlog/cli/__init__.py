"""The command layer: parse flags, call one domain function, render the result."""
