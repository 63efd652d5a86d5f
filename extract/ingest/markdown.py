"""Markdown -> plain lines (markup removed, offsets kept). Headings are remembered
by the raw offset of their first character: they start articles.

Markdown exports often carry inline HTML (a news item as `<p>` paragraphs under a
`###` heading): block tags become line breaks, entities are decoded, and a
paragraph that is all bold (`<p><strong>…</strong></p>`) is a sub-heading
(level 7: below any `#` heading). A "查看原文/阅读原文" link names the original
page: its URL is kept for the metadata."""
from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

from ..offsets import Mapped
from .html_stream import _ENTITY

BOLD_LEVEL = 7
# a link target, with one level of parentheses inside it (javascript:void(0);)
_URL = r"(?:[^()\n]|\([^()\n]{0,100}\)){0,1000}"
# a line holding nothing but links (a related-articles list, a menu): chrome
_LINK_LINE = re.compile(r"^[ \t]{0,6}(?:[-*+][ \t]+|\d{1,2}\.[ \t]+)?(?:\[[^\]\n]{0,300}\]\(" + _URL + r"\)[ \t|·/、,，>;]{0,6}){1,60}$",
                        re.M)

_RULES = [
    (re.compile(r"^[ \t]{0,3}(?:-{3,}|\*{3,}|_{3,})[ \t]*$", re.M), ""),          # horizontal rule
    (re.compile(r"^[ \t]*\|?[ \t]*:?-{3,}:?[ \t]*(?:\|[ \t]*:?-{3,}:?[ \t]*){0,50}\|?[ \t]*$", re.M), ""),  # table rule
    (re.compile(r"!\[[^\]\n]{0,300}\]\(" + _URL + r"\)"), ""),                      # image
    (_LINK_LINE, ""),                                                               # a line of links only
    (re.compile(r"\[([^\]\n]{0,300})\]\(" + _URL + r"\)"), r"\1"),                  # link
    (re.compile(r"<br\s{0,3}/?>", re.I), "\n"),
    (re.compile(r"</?(?:p|div|li|ul|ol|h[1-6]|tr|td|th|table|tbody|thead|blockquote|section|article|figure|"
                r"figcaption|center|hr|dd|dt|dl|pre)\b[^<>\n]{0,500}/?>", re.I), "\n"),  # block tags
    (re.compile(r"</?[A-Za-z][A-Za-z0-9]{0,20}(?:\s[^<>\n]{0,500})?/?>"), ""),      # inline html
    (_ENTITY, lambda m: html.unescape(m.group(0)).replace("\xa0", " ")),
    (re.compile(r"\*\*([^*\n]{1,500})\*\*"), r"\1"),
    (re.compile(r"__([^_\n]{1,500})__"), r"\1"),
    (re.compile(r"(?<![*\w])\*([^*\n]{1,500})\*(?![*\w])"), r"\1"),            # *emphasis*
    (re.compile(r"`([^`\n]{1,500})`"), r"\1"),
    (re.compile(r"^[ \t]{0,3}>[ \t]?", re.M), ""),                                  # blockquote
    (re.compile(r"^[ \t]{0,6}[-*+][ \t]+", re.M), ""),                              # bullet
    (re.compile(r"^[ \t]*\|[ \t]*|[ \t]*\|[ \t]*$", re.M), ""),                     # table edges
    (re.compile(r"[ \t]*\|[ \t]*"), "\n"),                                          # table cells
]
_HEADING = re.compile(r"^[ \t]{0,3}(#{1,6})[ \t]+", re.M)
_HEADING_CLOSE = re.compile(r"[ \t]+#{1,6}[ \t]*$", re.M)
_BOLD_PARA = re.compile(r"<p\b[^<>\n]{0,300}>[ \t]{0,3}<(strong|b)\b[^<>\n]{0,300}>(?P<head>[^<>\n]{2,120})(?:<br\s{0,3}/?>){0,2}</\1>"
                        r"[ \t]{0,3}(?:<br\s{0,3}/?>[ \t]{0,3}){0,2}</p>", re.I)
_SOURCE_LINK = re.compile(r"\[[ \t]{0,3}(?:查看原文|阅读原文|原文链接|原文地址|原文)[ \t]{0,3}\]\((?P<url>https?://[^)\s]{1,1000})\)")


@dataclass
class MarkdownResult:
    text: Mapped
    headings: dict[int, int] = field(default_factory=dict)   # raw offset of a heading's first char -> level
    source_urls: list[str] = field(default_factory=list)     # "查看原文" links: the original page


def strip_markdown(m: Mapped, title: str | None = None) -> MarkdownResult:
    """The text without markup, its headings and its links to the original page.
    With the page's `title` known (a reader-mode export's header), the page chrome
    above the heading that prints it is dropped."""
    if title:
        t = re.escape(re.sub(r"\s+", " ", title.strip())).replace(r"\ ", r"\s{1,3}")
        h = re.search(rf"^[ \t]{{0,3}}#{{1,6}}[ \t]+{t}[ \t]*$", m.text, re.M)
        if h and h.start() > 0:
            m = m[h.start():]
    headings: dict[int, int] = {}
    for h in _HEADING.finditer(m.text):
        if h.end() < len(m.text) and m.text[h.end()] != "\n":
            headings[m.at(h.end())] = len(h.group(1))
    for b in _BOLD_PARA.finditer(m.text):
        headings.setdefault(m.at(b.start("head")), BOLD_LEVEL)
    urls = [u.group("url") for u in _SOURCE_LINK.finditer(m.text)]
    m = m.sub(_HEADING, "")
    m = m.sub(_HEADING_CLOSE, "")
    for rx, repl in _RULES:
        m = m.sub(rx, repl)
    return MarkdownResult(m, headings, urls)
