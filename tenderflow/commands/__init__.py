"""The sub-commands of ``tenderflow``, one module each, discovered by ``tenderflow.cli``.

Every command imports its domain inside its handler, on purpose: the CLI loads all command modules to build its
help, and the domains pull in heavy dependencies (Scrapy and Twisted, Starlette and uvicorn, matplotlib, the
Bitrix24 SDK, pymorphy3's dictionaries). Imported at module level they would make ``tenderflow --help`` and every
command start several times slower. ``tenderflow.stages`` does the same for the nightly stages.
"""
