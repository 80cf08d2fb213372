"""A store in memory, as the on-disk cache offers it to scanners and the word-class table."""

from __future__ import annotations


class MemoryStore:
    """What was stored, and what is given back."""

    def __init__(self) -> None:
        self.blobs: dict[str, bytes] = {}

    def load_blob(self, key: str) -> bytes | None:
        return self.blobs.get(key)

    def store_blob(self, key: str, data: bytes) -> None:
        self.blobs[key] = data
