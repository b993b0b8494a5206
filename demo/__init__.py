"""The demo: bundled data (catalogue, company profile, platform pages) and its runner (``tenderflow demo``)."""
