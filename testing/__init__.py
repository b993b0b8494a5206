"""Support for tests, benchmarks and the demo: local platform servers, corpus generators.

Never imported by the product; the demo (``demo/``) and tests use it.
"""
