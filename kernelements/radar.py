"""A radar chart of five means on a 1-5 scale, as coordinates for an inline SVG.

Drawn on the server, so it works in the browser, in a PDF and without JavaScript; the page
shows the same numbers in a table beside it (the chart's text alternative).
"""

import math
from dataclasses import dataclass

SIZE = 400  # the viewBox is SIZE x SIZE; labels need the margin around the rings
CENTRE = SIZE / 2
RADIUS = 95
SCALE = (1, 5)
LINE_HEIGHT = 17  # of a label's line, at the chart's font size (14px)


@dataclass
class Axis:
    label: str
    lines: list[str]  # the label on at most two lines, so it fits beside the chart
    x: float
    y: float
    label_x: float
    label_y: float
    anchor: str


@dataclass
class Radar:
    view_box: str  # cut to what is drawn, so the chart has no empty bands
    centre: float
    axes: list[Axis]
    rings: list[str]  # polygon points for the values 1 to 5
    shape: str  # polygon points of the means ("" when none)
    dots: list[tuple[float, float, float]]  # x, y and the mean


def _point(index: int, count: int, value: float) -> tuple[float, float]:
    """Where `value` lies on the index-th axis; the first axis points straight up."""
    angle = -math.pi / 2 + 2 * math.pi * index / count
    distance = RADIUS * (value - SCALE[0] + 1) / (SCALE[1] - SCALE[0] + 1)
    return CENTRE + distance * math.cos(angle), CENTRE + distance * math.sin(angle)


def _points(values: list[float]) -> str:
    count = len(values)
    return " ".join(
        f"{x:.1f},{y:.1f}" for x, y in (_point(i, count, v) for i, v in enumerate(values))
    )


def _two_lines(label: str) -> list[str]:
    """Split a label where its two halves are closest in length."""
    words = label.split()
    if len(words) < 2:
        return [label]
    splits = [(" ".join(words[:i]), " ".join(words[i:])) for i in range(1, len(words))]
    return list(min(splits, key=lambda pair: abs(len(pair[0]) - len(pair[1]))))


def radar(labels: list[str], means: list[float | None]) -> Radar:
    count = len(labels)
    axes = []
    for index, label in enumerate(labels):
        x, y = _point(index, count, SCALE[1])
        lx, ly = _point(index, count, SCALE[1] + 0.9)
        anchor = "middle" if abs(lx - CENTRE) < 10 else ("start" if lx > CENTRE else "end")
        axes.append(Axis(label, _two_lines(label), x, y, lx, ly - 4, anchor))
    rings = [_points([value] * count) for value in range(SCALE[0], SCALE[1] + 1)]
    known = [mean if mean is not None else SCALE[0] for mean in means]
    shape = _points(known) if any(mean is not None for mean in means) else ""
    dots = [
        (*_point(index, count, mean), mean) for index, mean in enumerate(means) if mean is not None
    ]
    top = min(axis.label_y for axis in axes) - LINE_HEIGHT
    bottom = max(axis.label_y for axis in axes) + 2 * LINE_HEIGHT
    view_box = f"0 {top:.0f} {SIZE} {bottom - top:.0f}"
    return Radar(view_box, CENTRE, axes, rings, shape, dots)
