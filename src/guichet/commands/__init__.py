"""The commands of `guichet` that outgrew cli.py, one module each: add_parser() and run()."""
