"""The ``exporter`` commands, one module each; :mod:`exporter.cli` puts them together.

Each module has ``add_parser(commands)``, which registers the command (its flags,
its help) on argparse's sub-parsers and sets its ``handler``, a function of the
parsed arguments and the :class:`~exporter.config.Options` returning the exit
status. :mod:`.common` holds what several commands share (the summary flags,
the exit codes, the options from the flags). Layers point one way: ``cli`` ->
``commands`` -> the API (``pipeline``, ``deliver``, ``web``) -> the model; no
command module imports ``exporter.cli``.
"""

EXIT_OK, EXIT_INTERNAL, EXIT_USAGE = 0, 1, 2
"""Success; a bug (or a failure of the environment); bad usage, input or output."""

COMMANDS = ("export", "summarise", "methods", "formats", "doctor", "digest", "email")
"""The command modules, in the order ``exporter --help`` lists the commands."""
