"""The `hnx eval --html` page: the review view of extract.review (one
self-contained page, strict Content-Security-Policy, every article and gold
string escaped), with gold and prediction side by side."""
from __future__ import annotations

from ..review.eval_page import highlight, render_html

__all__ = ["render_html", "highlight"]
