"""``python -m respectful_lint``."""

from .cli import console

if __name__ == "__main__":
    console()
