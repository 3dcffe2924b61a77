"""Show the window's comparison in the panes, and show it again when the view changes.

``render_comparison`` plans the rows for the view options (unless the plan at hand, the
comparison job's, fits), builds both documents, puts them in the panes and aligns their
rows (``RowAligner.set_rows``: the first screens at once, the rest in chunks on later
turns of the event loop). A change of view options, zoom, font or theme calls it again; a width
change re-aligns the rows (``RowAligner.equalise``).

All of this runs on the UI thread: Qt objects made in a worker deadlocked the window
(see ``collatio.gui.compared.prepare``).

May import: PySide6, the standard library, collatio.core and collatio.gui.* (the window
only for type checking).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from collatio.core import Side

from .plan import plan_render
from .textdoc import build_document

if TYPE_CHECKING:
    from .window import MainWindow


def render_comparison(w: MainWindow) -> None:
    """Show the window's comparison for the view options, font and palette of now (the
    state stays on the window: ``plan``, ``rows``, ``blocks``)."""
    comparison = w.comparison
    if comparison is None:
        return
    plan = w.plan
    view = w.view_state()
    if plan is None or not plan.fits(comparison, view):
        plan = w.plan = plan_render(comparison, view)  # a view option changed
    w.rows = plan.rows
    font = w.reader.font(w.reading_font)
    for side, pane in w.panes.items():
        blocks = w.blocks[side] = plan.blocks(side)
        pane.show_document(build_document(blocks, w.palette_, font), comparison, blocks)
    w.aligner.set_rows((plan.first_blocks(Side.A), plan.first_blocks(Side.B)))
    w.reader.rendered(plan)
