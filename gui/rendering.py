"""Show the window's comparison in the panes, and show it again when the view changes.

``render`` plans the rows for the view options (unless the plan at hand fits), puts both
documents in the panes and aligns their rows: with the documents and row measurements the
comparison job made when they still fit (``prelayout``), else built and aligned here.
``rerender`` is what a change of view options, zoom, font, theme or pane width calls: a
short comparison is rendered at once, a long one in a worker (``relayout``) while the
panes keep what they show.

May import: PySide6, the standard library, collatio.core and collatio.gui.* (the window
only for type checking).
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from collatio.core import Side
from PySide6.QtCore import QObject

from .plan import plan_render
from .prelayout import LaidOut
from .relayout import BackgroundRender, renders_off_thread
from .textdoc import build_document, set_paddings

if TYPE_CHECKING:
    from .window import MainWindow


class Renderer(QObject):
    """Puts the window's comparison in its panes (the state stays on the window: ``plan``,
    ``laid_out``, ``ready_documents``, ``shown_laid_out``, ``rows``, ``blocks``)."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        # A long comparison is rendered again in a worker (see gui/relayout.py).
        self.background = BackgroundRender(window.runner, self._show_relaid, self)
        self.background.busy_changed.connect(self._on_background_busy)
        self.background.failed.connect(self._on_background_failed)
        window.aligner.width_handler = self._relayout_for_width
        # The sentence at the top of A when a resize began (a long comparison only).
        self._width_anchor: str | None = None
        window.panes[Side.A].view.width_changing.connect(self._note_width_anchor)

    def render(self) -> None:
        """Show the comparison for the view options, font, palette and widths of now."""
        w = self.window
        comparison = w.comparison
        if comparison is None:
            return
        plan = w.plan
        view = w.view_state()
        if plan is None or not plan.fits(comparison, view):
            plan = w.plan = plan_render(comparison, view)  # a view option changed
        w.rows = plan.rows
        first = (plan.first_blocks(Side.A), plan.first_blocks(Side.B))
        font = w.reader.font(w.reading_font)
        laid = w.laid_out  # the job's measurements, if they are still true
        request = w.layout_request(font)
        # The panes were resized while a long comparison was laid out: show the job's
        # documents now and lay them out again for the new widths in a worker.
        narrower = (laid is not None and not laid.fits(plan, request)
                    and w.ready_documents is not None and renders_off_thread(comparison)
                    and laid.fits(plan, replace(request, widths=laid.request.widths)))
        if laid is not None and not laid.fits(plan, request) and not narrower:
            laid = None
        w.shown_laid_out = laid is not None
        ready = w.ready_documents if laid is not None else None
        w.ready_documents = None  # a pane takes a document over: each is shown once
        for k, (side, pane) in enumerate(w.panes.items()):
            blocks = w.blocks[side] = plan.blocks(side)
            if ready is not None:
                doc = ready[k]
            else:
                doc = build_document(blocks, w.palette_, font)
                if laid is not None:  # before the document is ever laid out: no relayout
                    set_paddings(doc, first[k], laid.pads[k])
            pane.show_document(doc, comparison, blocks)
        if laid is not None:
            w.aligner.adopt(first, laid.geometry.extents, laid.geometry.totals)
        else:
            w.aligner.set_rows(first)
        w.reader.rendered(plan)
        if narrower:
            self.rerender()

    def rerender(self) -> None:
        """Render the comparison again for the view options, font, palette and pane widths
        of now: a long comparison in a worker, while the panes keep what they show."""
        w = self.window
        if w.comparison is None:
            return
        if not renders_off_thread(w.comparison):
            self.render()
            return
        self.background.start(w.comparison, w.plan, w.view_state(), w.layout_request())

    def _show_relaid(self, laid: LaidOut) -> None:
        w = self.window
        if laid.plan.comparison is not w.comparison:
            return  # a render for a comparison no longer shown
        if not (laid.plan.fits(laid.plan.comparison, w.view_state())
                and laid.request == w.layout_request()):
            self.rerender()  # something changed that the job did not see
            return
        w.reader.keep_position()  # the sentence at the top now, after a scroll meanwhile
        w.plan, w.laid_out, w.ready_documents = laid.plan, laid, laid.documents
        self.render()

    def _note_width_anchor(self) -> None:
        w = self.window
        if (self._width_anchor is None and w.comparison is not None
                and renders_off_thread(w.comparison)):
            self._width_anchor = w.reader.top_sentence()

    def _relayout_for_width(self) -> bool:
        """After a width change: a long comparison is laid out again in a worker."""
        w = self.window
        anchor, self._width_anchor = self._width_anchor, None
        if w.comparison is None or not renders_off_thread(w.comparison):
            return False
        # Qt re-wrapped the text it shows and kept the scroll value in pixels: another
        # part of the text is at the top now. Bring the sentence that was there back
        # while the job runs (what the job's documents will then keep at the top).
        if anchor is not None:
            w.reader.scroll_to_sentence(anchor)
        self.rerender()
        return True

    def _on_background_busy(self, busy: bool) -> None:
        if busy:
            self.window.statusBar().showMessage("Laying out…")
        else:
            self.window.statusBar().clearMessage()

    def _on_background_failed(self, message: str) -> None:
        self.window.statusBar().showMessage(
            f"Laying out in the background failed ({message}); laid out here instead.", 10_000)
        self.render()
