"""``python -m parscore``: the command line."""

from parscore.pipeline.cli import run_main

run_main()
