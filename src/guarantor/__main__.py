"""``python -m guarantor`` runs the command line."""

from guarantor.cli.app import main

if __name__ == "__main__":
    main()
