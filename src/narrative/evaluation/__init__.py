"""Evaluation: gold readers and scorers (attribution, quotes, sides, frames), each against labels read at run time."""
