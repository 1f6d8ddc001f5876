"""`python -m outline`."""

from outline.cli import main

main()
