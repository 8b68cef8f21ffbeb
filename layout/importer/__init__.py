"""Importing articles from outside: plain text as the newsroom sends it."""
