"""Evaluation of the extraction engine on shared gold data (``python -m timeline.extract.eval``)."""
