"""Network I/O and parsing for ingestion: safe fetching, HTML articles, RSS/Atom feeds."""
