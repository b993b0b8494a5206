"""The same EIS documents laid out in every shape users point ``tenderflow crawl eis-xml --path`` at.

- ``folder``: loose ``.xml`` files in one folder (a user's download folder);
- ``nested``: loose files in ``<region>/<month>/`` folders (a mirrored FTP tree);
- ``zips``: zip archives of 500 documents (the EIS document service's daily exports);
- ``zips-in-folders``: zip archives of 250 documents in ``<region>/`` folders (a mirrored FTP dump);
- ``one-zip``: a single archive of every document.

Used by the tests (the same notices whatever the shape) and by ``benchmarks/commands.py``.
"""

from __future__ import annotations

from collections.abc import Iterable
from itertools import count, islice
from pathlib import Path

from testing.eis_generator import pack_archives

SHAPES = ("folder", "nested", "zips", "zips-in-folders", "one-zip")
REGIONS = 7
PER_MONTH = 500


def write_shape(documents: Iterable[tuple[str, bytes]], root: Path, shape: str) -> Path:
    """Write the documents under ``root`` in ``shape``; the path to crawl."""
    target = root / shape
    target.mkdir(parents=True, exist_ok=True)
    if shape == "folder":
        for name, data in documents:
            (target / name).write_bytes(data)
    elif shape == "nested":
        for position, (name, data) in enumerate(documents):
            folder = target / f"region{position % REGIONS:02d}" / f"month{position // PER_MONTH:03d}"
            folder.mkdir(parents=True, exist_ok=True)
            (folder / name).write_bytes(data)
    elif shape == "zips":
        pack_archives(target, documents, per_zip=500)
    elif shape == "zips-in-folders":
        iterator = iter(documents)
        for chunk in count():
            members = list(islice(iterator, 250))
            if not members:
                break
            pack_archives(target / f"region{chunk % REGIONS:02d}", members, per_zip=250,
                          prefix=f"notifications_{chunk:05d}")
    elif shape == "one-zip":
        pack_archives(target, documents, per_zip=10**9, prefix="all")
    else:
        raise ValueError(f"unknown shape {shape!r}; one of {', '.join(SHAPES)}")
    return target
