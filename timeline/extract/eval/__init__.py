"""Evaluation of the extraction engine against the shared gold data (``python -m timeline.extract.eval``)."""
