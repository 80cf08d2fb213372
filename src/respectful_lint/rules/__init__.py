"""Rule kinds beyond term and pattern rules."""
