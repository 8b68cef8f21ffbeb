"""A layout editor for Chinese newspapers.

Layers, each importing only the ones below it:
``units`` → ``model`` → ``engine`` → ``render`` → ``export``/``importer`` → ``cli`` → ``gui``.
Only ``layout.gui`` and ``layout.render.qt`` import Qt.
"""

__version__ = "0.1.0"
