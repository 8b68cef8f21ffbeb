"""Edit operations: every change a designer makes to an issue, headless and undoable.

An operation is planned against the issue as it is (``layout.edit.operations``)
and comes back as a ``Change``; applying a change returns its inverse, so undo
is exact and redo applies the same change again. The command line applies
changes directly, the editor wraps each in a QUndoCommand. Drags and resizes
are worked out by the Qt-free helpers in ``snap`` and ``drag``.
"""
