"""Show the window's comparison in the panes, and show it again when the view changes.

``render_comparison`` asks the window's ``Stager`` for both documents, built for the view
options, font, palette and pane width of now (planning the rows first unless the plan at
hand, the comparison job's, fits). An article-size comparison is staged at once and shown
in the same call; a long one is built in slices on later turns of the event loop (see
``staging``) and ``show_staged`` shows it when it is ready, while the panes keep showing
the previous documents. A change of view options, zoom, font, theme or pane width renders
again.

All of this runs on the UI thread except planning after a view toggle: Qt objects made in
a worker deadlocked the window (see ``collatio.gui.compared.prepare``).

May import: PySide6, the standard library, collatio.core and collatio.gui.* (the window
only for type checking).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from collatio.core import Side

from .staging import Staged

LAYING_OUT = "Laying out the view…"

if TYPE_CHECKING:
    from .window import MainWindow


def render_comparison(w: MainWindow) -> None:
    """Show the window's comparison for the view options, font, palette and width of now
    (at once, or when ``w.stager`` reports it staged)."""
    comparison = w.comparison
    if comparison is None:
        w.stager.cancel()
        return
    widths = (w.panes[Side.A].view.viewport().width(), w.panes[Side.B].view.viewport().width())
    staged = w.stager.stage(comparison, w.view_state(), w.plan, w.palette_,
                            w.reader.font(w.reading_font), widths)
    if staged is not None:
        show_staged(w, staged)
    else:
        w.statusBar().showMessage(LAYING_OUT)


def show_staged(w: MainWindow, staged: Staged) -> None:
    """Put staged documents in the panes (the state stays on the window: ``plan``,
    ``rows``, ``blocks``)."""
    plan = staged.plan
    if plan.comparison is not w.comparison:
        return  # staged for a comparison no longer shown
    w.reader.before_swap()
    w.plan = plan
    w.rows = plan.rows
    for side, doc in zip((Side.A, Side.B), staged.docs, strict=True):
        blocks = w.blocks[side] = plan.blocks(side)
        w.panes[side].show_document(doc, plan.comparison, blocks)
    w.aligner.adopt(staged.first_blocks, staged.rows, staged.widths)
    w.reader.rendered(plan)
    if w.statusBar().currentMessage() == LAYING_OUT:
        w.statusBar().clearMessage()
    w.documents_shown.emit()
