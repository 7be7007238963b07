"""Pure-Python extraction engine: time expressions, entities, statements and events.

Nothing in this package imports Django; it can run in any process (the CLI
``python -m timeline.extract``, Celery workers, evaluation scripts).
"""

from __future__ import annotations

# Bump when extraction output changes in a way that should trigger re-extraction.
EXTRACTOR_VERSION = "0.1.0"
