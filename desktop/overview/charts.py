"""Drawing the overview's charts with matplotlib: on screen (a Qt canvas whose bars are links)
and as SVG for the A4 report, where Qt paints the SVG into the PDF as vectors.

Why matplotlib (measured for issue 18 on this machine, Python 3.11, PySide6 6.11.3):

- Qt Charts (PySide6-Addons, must equal the Essentials version exactly): imports in ~5 ms, but
  the Addons wheel is 175 MB (422 MB installed, WebEngine included) and Qt deprecated the
  module in 6.10 ("use Qt Graphs", which draws through Qt Quick and does not print as vectors).
- pyqtgraph 0.14: 83 MB installed with numpy, ~0.45 s to import; draws in a QGraphicsScene, but
  made for fast scientific plots: categorical axes and printed output take hand work.
- matplotlib 3.11: ~180 MB installed with numpy, Pillow and fontTools, ~0.7 s to import; the
  standard for charts meant for print, SVG output that Qt's QSvgRenderer paints as vectors,
  pick events for clickable bars, an actively kept Qt backend.

The import costs nothing at start-up: this module is loaded on a worker thread the first time
the overview is computed (:func:`warm_up`), and a test checks that a normal start never loads
it.
"""

from __future__ import annotations

import io
from typing import Any

import matplotlib

matplotlib.use("QtAgg")  # before pyplot could pick another; we never use pyplot itself

from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle
from matplotlib.ticker import FuncFormatter
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QSizePolicy, QWidget

from db.model.formats import format_count
from db.search.overview import Link
from desktop.overview.specs import ChartSpec

BAR_COLOR = "#3f7fb5"
HIGHLIGHT_COLOR = "#e0892c"
TEXT_COLOR = "#2b3440"
GRID_COLOR = "#e3e8ee"
FONT_SIZE = 8.5
STYLE: Any = {  # rcParams (their typed keys are a closed Literal)
    "font.family": ["DejaVu Sans"],
    "font.size": FONT_SIZE,
    "text.color": TEXT_COLOR,
    "axes.labelcolor": TEXT_COLOR,
    "xtick.color": TEXT_COLOR,
    "ytick.color": TEXT_COLOR,
    "axes.edgecolor": "#b8c4d0",
    # SVG text stays text: the PDF's words can be searched and copied, in the report's font.
    "svg.fonttype": "none",
}


def warm_up() -> None:
    """Nothing to do: importing this module is the work (call it from a worker thread)."""


def figure_height(spec: ChartSpec) -> float:
    """Inches: horizontal charts grow with their number of bars."""
    if spec.horizontal:
        return 0.75 + 0.27 * max(len(spec.bars), 1)
    return 2.5


def draw(spec: ChartSpec, figure: Figure) -> dict[Rectangle, Link]:
    """Draw ``spec`` on ``figure`` (cleared first); returns each clickable bar with its link."""
    figure.clear()
    links: dict[Rectangle, Link] = {}
    with matplotlib.rc_context(STYLE):
        axes = figure.add_subplot()
        axes.set_title(spec.title, loc="left", fontsize=FONT_SIZE + 1.5, fontweight="bold")
        for side in ("top", "right"):
            axes.spines[side].set_visible(False)
        if not spec.bars:
            axes.set_axis_off()
            axes.text(0.5, 0.5, "—", ha="center", va="center", transform=axes.transAxes)
            return links
        labels = [bar.label for bar in spec.bars]
        values = [bar.value for bar in spec.bars]
        colors = [HIGHLIGHT_COLOR if bar.highlight else BAR_COLOR for bar in spec.bars]

        def whole(value: float, _position: Any) -> str:
            return format_count(int(value))

        if spec.horizontal:
            positions = list(range(len(labels)))[::-1]  # the first bar on top
            container = axes.barh(positions, values, color=colors, height=0.65)
            axes.set_yticks(positions, labels)
            axes.xaxis.set_major_formatter(FuncFormatter(whole))
            axes.xaxis.grid(True, color=GRID_COLOR)
            axes.tick_params(axis="y", length=0)
            axes.margins(x=0.18)
        else:
            positions = list(range(len(labels)))
            container = axes.bar(positions, values, color=colors, width=0.7)
            axes.set_xticks(positions, labels)
            axes.yaxis.set_major_formatter(FuncFormatter(whole))
            axes.yaxis.grid(True, color=GRID_COLOR)
            axes.tick_params(axis="x", length=0)
            axes.margins(y=0.15)
            if len(labels) > 12:
                for tick in axes.get_xticklabels():
                    tick.set_rotation(90)
        axes.set_axisbelow(True)
        _place(figure, spec)
        axes.bar_label(container, labels=[bar.text for bar in spec.bars], padding=2, fontsize=7.5)
        for patch, bar in zip(container.patches, spec.bars, strict=True):
            if bar.link is not None and bar.value:
                patch.set_picker(True)
                links[patch] = bar.link
    return links


def _place(figure: Figure, spec: ChartSpec) -> None:
    """Margins in inches from the labels' length: matplotlib's own layout engines measure every
    text twice and made a chart four times slower to draw (0.3 s instead of 0.08 s)."""
    width, height = figure.get_figwidth(), figure.get_figheight()
    longest = max((len(bar.label) for bar in spec.bars), default=4)
    if spec.horizontal:
        left = 0.2 + 0.065 * longest
        bottom = 0.3
    else:
        left = 0.5
        bottom = 0.3 + (0.065 * longest if len(spec.bars) > 12 else 0.0)
    # As fractions of the figure, kept apart even when a narrow window squeezes the chart.
    right = max(1 - 0.4 / width, 0.6)
    top = max(1 - 0.35 / height, 0.6)
    figure.subplots_adjust(
        left=min(left / width, 0.45),
        right=right,
        bottom=min(bottom / height, 0.45),
        top=top,
    )


def svg(spec: ChartSpec, width_inches: float) -> bytes:
    """The chart as an SVG document, ``width_inches`` wide (the report's column)."""
    figure = Figure(figsize=(width_inches, figure_height(spec)))
    draw(spec, figure)
    buffer = io.BytesIO()
    with matplotlib.rc_context(STYLE):
        figure.savefig(buffer, format="svg", metadata={"Date": None})
    return buffer.getvalue()


class ChartCanvas(FigureCanvasQTAgg):
    """One chart in the overview tab. A click on a bar emits ``linkClicked`` with its link; the
    pointer turns into a hand over a bar and its tooltip says what a click does."""

    linkClicked = Signal(object)  # Link

    def __init__(self, spec: ChartSpec, parent: QWidget | None = None) -> None:
        figure = Figure(figsize=(5.0, figure_height(spec)))
        super().__init__(figure)
        self.setParent(parent)
        self.setObjectName(f"chart_{spec.key}")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self._links: dict[Rectangle, Link] = {}
        self._labels: dict[Rectangle, str] = {}
        self._patches: dict[str, Rectangle] = {}
        self.spec = spec
        self.mpl_connect("pick_event", self._on_pick)
        self.mpl_connect("motion_notify_event", self._on_motion)
        self.show_spec(spec)

    def show_spec(self, spec: ChartSpec) -> None:
        self.spec = spec
        height = figure_height(spec)
        self.figure.set_size_inches(self.figure.get_figwidth(), height)
        self.setFixedHeight(int(height * self.figure.dpi / self.device_pixel_ratio))
        self._links = draw(spec, self.figure)
        clickable = [bar for bar in spec.bars if bar.link is not None and bar.value]
        self._labels = {
            patch: f"{bar.label}: {bar.text}"
            for patch, bar in zip(self._links, clickable, strict=True)
        }
        self._patches = dict(zip([bar.label for bar in clickable], self._links, strict=True))
        self.draw_idle()

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)  # the figure takes the widget's new width ...
        _place(self.figure, self.spec)  # ... and the margins are set again for it
        self.draw_idle()

    def bar_links(self) -> dict[Rectangle, Link]:
        return dict(self._links)

    def bar_center(self, label: str) -> tuple[float, float]:
        """Widget coordinates (logical pixels) of the middle of the clickable bar ``label``."""
        patch = self._patches[label]
        x0, y0, x1, y1 = patch.get_window_extent().extents
        ratio = self.device_pixel_ratio
        height = self.figure.bbox.height
        return ((x0 + x1) / 2 / ratio, (height - (y0 + y1) / 2) / ratio)

    def _on_pick(self, event: Any) -> None:
        link = self._links.get(event.artist)
        mouse = getattr(event, "mouseevent", None)
        if link is not None and (mouse is None or mouse.button == 1):
            self.linkClicked.emit(link)

    def _on_motion(self, event: Any) -> None:
        for patch, label in self._labels.items():
            if patch.contains(event)[0]:
                self.setCursor(Qt.CursorShape.PointingHandCursor)
                self.setToolTip(label)
                return
        self.unsetCursor()
        self.setToolTip("")
