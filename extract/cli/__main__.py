"""``python -m extract.cli`` runs the ``newsx`` command."""

from extract.cli import main

main(prog_name="newsx")
