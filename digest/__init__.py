"""The morning digest: one self-contained HTML page (plus calendar and e-mail) built from the store.

- ``digest.model``: the view model (tender cards, lines with the best product, source health);
- ``digest.query``: builds it from the store; "new" and "amended" are judged against ``store.digest_views``;
- ``digest.diff``: what changed between two versions of a notice;
- ``digest.health``: per-source health and the warnings a reader must see;
- ``digest.render``: Jinja2 (autoescaped) into one page with inline CSS/JS pinned by a CSP hash;
- ``digest.ics`` / ``digest.mail``: calendar of deadlines and auction dates; SMTP delivery;
- ``digest.publish``: the whole step as ``tenderflow digest`` and the nightly run perform it.
"""
