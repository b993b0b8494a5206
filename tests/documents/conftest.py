from __future__ import annotations

import pytest

from tests.documents.builders import cyrillic_font


@pytest.fixture(scope="session")
def pdf_font():
    """Skip PDF tests on a machine without a TrueType font that has Cyrillic letters."""
    font = cyrillic_font()
    if font is None:
        pytest.skip("no Cyrillic TrueType font for reportlab")
    return font
