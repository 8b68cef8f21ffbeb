"""The editor: the only layer (with ``layout.render.qt``) that imports Qt."""
