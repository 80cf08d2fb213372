"""Rule kinds: term, pattern and conflation, each behind the protocol of :mod:`.kind`."""
