"""Market analytics (issue 22): price advice, receivables, customer and competitor cards, the sales forecast
and the weekly report. Reads through ``store.analytics`` (SQL aggregation over fact tables), pandas for the
last step; imports ``pipeline``, ``bids``, ``digest`` and ``store`` only."""
