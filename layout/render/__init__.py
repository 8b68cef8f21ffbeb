"""Renderers replay display lists: ``pdf`` with reportlab, ``qt`` with QPainter.

They decide nothing about layout and never measure text.
"""
