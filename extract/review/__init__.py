"""Review pages (placeholder)."""
