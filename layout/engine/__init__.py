"""The typesetting engine: fonts, Chinese line breaking, justification, flow, headlines.

Its output is a display list of positioned glyph runs, images and rules in page
coordinates (``layout.engine.displaylist``); renderers see nothing else. No Qt here.
Importing it keeps the memory a layout frees for the next one (``allocator``).
"""

from layout.engine.allocator import keep_freed_memory

keep_freed_memory()
