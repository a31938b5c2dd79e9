"""pipeline: see the modules."""
