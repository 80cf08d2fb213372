"""``python -m respectful_lint``."""

from .cli import main

if __name__ == "__main__":
    main(prog_name="respectful-lint")
