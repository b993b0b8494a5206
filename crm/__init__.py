"""Bitrix24 two-way sync: deals, companies, tasks and comments pushed; stage and responsible changes pulled."""
