"""Line breaking for Chinese text mixed with Latin words and numbers.

``wrap_text`` breaks between any two CJK characters, keeps a Latin word or a
number (``3-2-501``, ``¥1,234.50``, ``13800138000``) together where it fits on a
line, and follows the Chinese line-breaking rules (禁则):

* no line starts with closing punctuation (``CLOSING``: ，。、；：？！》」）… and the
  ASCII ,.;:?!)]}% ), and
* no line ends with opening punctuation (``OPENING``: 《「（『【〔 and ([{ ).

Method: the text is cut into unbreakable clusters first — closing punctuation
is glued to what precedes it, opening punctuation to what follows it — and
clusters are then packed greedily. So when a line would start with ``，`` the
previous character is pulled down onto the next line together with it
(推出, "push out"). We do not hang punctuation over the margin: every line
stays within ``max_width``, which matters inside ruled table cells.

Only a cluster wider than a whole line (a long run of punctuation, or a Latin
word longer than the line) is cut character by character; there the rules may
give way, because nothing else can. A line always holds at least one character,
so with ``max_width`` narrower than one character the lines overflow.

Explicit newlines (``\\n``, ``\\r\\n``) are honoured; an empty paragraph gives an
empty line. Spaces at a break are dropped; leading spaces of a paragraph stay.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from desk_app.printing.fonts import text_width

CLOSING = frozenset("，。、；：？！》」）』】〕…—％,.;:?!)]}%" + "”’〉〗］｝")
OPENING = frozenset("《「（『【〔([{" + "“‘〈〖［｛")

# A Latin word or number, kept together: letters/digits joined by . , : / - + ' _ @ &
# and optionally led by a currency sign.
_WORD = re.compile(r"[¥￥$€£]?[A-Za-z0-9]+(?:[.,:/\-+'_@&][A-Za-z0-9]+)*")
_SPACE = re.compile(r"[ \t\u00a0\u3000]+")
_EPSILON = 1e-6


def wrap_text(text: str, font_name: str, font_size: float, max_width: float) -> list[str]:
    """Break ``text`` into lines no wider than ``max_width`` points (see module doc)."""
    lines: list[str] = []
    for paragraph in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        lines.extend(_wrap_paragraph(paragraph, font_name, font_size, max_width))
    return lines


def _wrap_paragraph(text: str, font_name: str, font_size: float, max_width: float) -> list[str]:
    if not text:
        return [""]

    def width(s: str) -> float:
        return text_width(s, font_name, font_size)

    lines: list[str] = []
    line = ""
    line_width = 0.0
    for cluster in _clusters(text):
        if lines and not line and cluster.isspace():
            continue  # no spaces at the start of a continuation line
        w = width(cluster)
        if line_width + w <= max_width + _EPSILON:
            line += cluster
            line_width += w
            continue
        if cluster.isspace():
            if line.strip():
                lines.append(line.rstrip())
            line, line_width = "", 0.0
            continue
        if line.strip():
            lines.append(line.rstrip())
        line, line_width = "", 0.0
        if w <= max_width + _EPSILON:
            line, line_width = cluster, w
            continue
        pieces = _split_wide(cluster, width, max_width)
        lines.extend(pieces[:-1])
        line = pieces[-1]
        line_width = width(line)
    if line.strip() or not lines:
        lines.append(line.rstrip())
    return lines


def _tokens(text: str) -> list[str]:
    tokens: list[str] = []
    pos = 0
    while pos < len(text):
        match = _WORD.match(text, pos) or _SPACE.match(text, pos)
        end = match.end() if match else pos + 1
        tokens.append(text[pos:end])
        pos = end
    return tokens


def _clusters(text: str) -> list[str]:
    """Unbreakable units: closing punctuation sticks to the left, opening to the right."""
    clusters: list[str] = []
    glue_next = False  # the last cluster ends with opening punctuation
    for token in _tokens(text):
        if clusters and (glue_next or token in CLOSING):
            if token in CLOSING and clusters[-1].isspace() and len(clusters) > 1:
                space = clusters.pop()  # "word ," keeps "word" with the comma
                clusters[-1] += space
            clusters[-1] += token
        else:
            clusters.append(token)
        if token in OPENING:
            glue_next = True
        elif not token.isspace():
            glue_next = False
    return clusters


def _split_wide(cluster: str, width: Callable[[str], float], max_width: float) -> list[str]:
    """Cut a cluster wider than a line by characters; respect the rules where possible."""
    pieces: list[str] = []
    rest = cluster
    while rest:
        end = 1
        while end < len(rest) and width(rest[: end + 1]) <= max_width + _EPSILON:
            end += 1
        if end < len(rest):
            back = end
            while back > 1 and (rest[back] in CLOSING or rest[back - 1] in OPENING):
                back -= 1
            if back > 1 or not (rest[1] in CLOSING or rest[0] in OPENING):
                end = back
        pieces.append(rest[:end])
        rest = rest[end:]
    return pieces
