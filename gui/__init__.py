"""Collatio's desktop reader (PySide6).

Importing this package does not import Qt: ``collatio.gui.launcher`` decides whether a
window is needed at all. Pure decision modules (rows, cells, marks, geometry, palette,
legend) never import Qt either; the widget modules (textdoc, pane, aligner, jobs, window,
app) do.
"""
