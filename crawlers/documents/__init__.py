"""Attached tender documents: sniffing, safe extraction of text and tables, finding the specification (ТЗ).

Pure parts (``sniff``, ``extract``, ``specification``) turn bytes into records and never touch the network or the
database; ``download`` is the crawl step that fetches a notice's attachments and stores them.
"""
