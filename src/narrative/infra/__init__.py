"""Infrastructure shared by the stages: safe file output, worker processes, package data."""
