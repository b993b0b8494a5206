"""``tenderflow serve`` (contract 4.7): the digest served live from the store with the review actions, behind a
login. Starlette + Jinja2 + htmx (a local static file), run by uvicorn."""
