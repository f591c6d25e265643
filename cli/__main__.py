"""`python -m clusternet.cli`: the same as the `clusternet` command."""
from clusternet.cli.main import main

main()
