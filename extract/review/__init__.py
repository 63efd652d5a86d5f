"""Review pages: extracted records as one self-contained HTML page a person can
read (`hnx show`), and gold against prediction in the same view (`hnx eval
--html`, `hnx show --gold`). See docs/review.md.

    from extract.review import write_show, render_document
    write_show(extract.parse_files(paths), Path("review.html"))
"""
from .document import render_document
from .eval_page import render_html
from .show import ShowResult, write_show

__all__ = ["write_show", "ShowResult", "render_document", "render_html"]
