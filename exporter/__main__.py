"""``python -m exporter``: the same command-line interface as ``exporter``."""

from .cli import program

program()
