"""tools: see the modules."""
