"""Stage 4: the people-facing edges, the `ilo-qa` command line and the Gradio web UI."""

from ._cli import main, run

__all__ = ["main", "run"]
