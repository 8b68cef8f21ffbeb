"""The newsroom store: one issue in PostgreSQL, worked on by a desk at once.

Pages and articles are rows (the JSON of the file format, cut per page and per
story), photos are content-addressed by SHA-256, every save is a transaction
with a revision check, and a page or a story is held with a PostgreSQL
session-level advisory lock that vanishes with the holder's connection.
See docs/newsroom.md.
"""
