"""Review pages in a real headless Chromium (Debian's, driven by Playwright's
`executable_path`; never a downloaded browser). Skipped, with the reason, only
where no browser can start: `.ci/install-browser.sh` installs it.

Screenshots go to a temporary folder, or to $HNX_SCREENSHOTS when set
(`HNX_SCREENSHOTS=docs/img python -m pytest -q tests/test_review_browser.py`
refreshes the README's pictures)."""
from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest

from conftest import ROOT

GOLD = ROOT / "corpora" / "gold"
HOSTILE = Path(__file__).parent / "fixtures" / "review" / "hostile.txt"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run"]


def chromium_path():
    for cand in (os.environ.get("HNX_CHROMIUM"), "/usr/bin/chromium", shutil.which("chromium"),
                 shutil.which("chromium-browser")):
        if cand and Path(cand).is_file():
            return cand
    return None


@pytest.fixture(scope="module")
def browser():
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.skip("browser tests skipped: the `playwright` package (test extra) is not installed")
    exe = chromium_path()
    if exe is None:
        pytest.skip("browser tests skipped: no Chromium (run .ci/install-browser.sh, or set HNX_CHROMIUM)")
    pw = sync_playwright().start()
    profile = tempfile.mkdtemp(prefix="hnx-chromium-")
    try:
        ctx = pw.chromium.launch_persistent_context(profile, executable_path=exe, headless=True, args=FLAGS,
                                                    viewport={"width": 1280, "height": 800})
    except Exception as e:  # the one place a missing browser is tolerated
        pw.stop()
        shutil.rmtree(profile, ignore_errors=True)
        pytest.skip(f"browser tests skipped: Chromium at {exe} could not start: {str(e).splitlines()[0]}")
    yield ctx
    ctx.close()
    pw.stop()
    shutil.rmtree(profile, ignore_errors=True)


class Opened:
    """A page with what it said on the console, the requests it made and the dialogs it opened."""

    def __init__(self, ctx, path: Path, width: int = 1280, height: int = 800):
        self.page = ctx.new_page()
        self.page.set_viewport_size({"width": width, "height": height})
        self.errors: list[str] = []
        self.requests: list[str] = []
        self.dialogs: list[str] = []
        self.page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        self.url = path.resolve().as_uri()
        self.page.goto(self.url)
        self.page.wait_for_load_state("load")

    def js(self, code: str, arg=None):
        return self.page.evaluate(code, arg)

    def close(self):
        self.page.close()


@pytest.fixture
def opened(browser):
    pages: list[Opened] = []

    def open_(path: Path, **kw) -> Opened:
        pages.append(Opened(browser, path, **kw))
        return pages[-1]

    yield open_
    for p in pages:
        p.close()


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """Pages built from the bundled gold corpus (team-written articles) run through the pipeline."""
    from extract import parse_files
    from extract.review.gold_view import gold_page
    from extract.schema import Mention
    from extract.review.show import write_atomic, write_show

    out = tmp_path_factory.mktemp("review")
    files = sorted(p for p in GOLD.iterdir() if not p.name.endswith(".gold.json") and p.suffix != ".csv")
    docs = list(parse_files(files))
    for d in docs:                          # paths as in the repository, not this machine's
        d.source = Path(d.source).relative_to(ROOT).as_posix()
    one = next(d for d in docs if d.source.endswith("101_hubei_ocr_page_2024.txt"))
    write_show([one], out / "one.html")
    write_show(docs, out / "many.html")
    multi = write_show(docs, out / "multi.html", page_docs=10)
    pred = out / "pred.jsonl"          # the same documents, not parsed a second time
    # the pipeline makes no spurious mention on this corpus any more: one is added (an
    # institution over the first two characters of a headline) so the filter has all kinds;
    spurious = docs[0].model_copy(deep=True)
    spurious.mentions.append(Mention(type="institution", start=0, end=2, text=spurious.text[:2],
                                     name=spurious.text[:2], kind="other"))
    # nor misses one: the first mention of the second document is dropped (a gold item missed)
    missed = docs[1].model_copy(deep=True)
    missed.mentions = missed.mentions[1:]
    pred.write_text("".join(d.to_json() + "\n" for d in [spurious, missed] + docs[2:]), encoding="utf-8")
    page, _ = gold_page([GOLD], pred=pred)
    write_atomic(out / "eval.html", page)
    hostile = list(parse_files([HOSTILE]))
    from test_review import hostile_record

    write_show(hostile + [hostile_record()], out / "hostile.html")
    return {"dir": out, "docs": docs, "one": one, "pages": multi.pages}


def visible_in_viewport(o: Opened, selector_js: str) -> bool:
    return o.js("""sel => { const e = eval(sel); if (!e) return false; const r = e.getBoundingClientRect();
                   return r.bottom > 0 && r.top < innerHeight && r.height > 0; }""", selector_js)


@pytest.mark.parametrize("name", ["one.html", "many.html", "multi.html", "multi_pages/0001.html",
                                  "multi_pages/0003.html", "eval.html", "hostile.html"])
def test_page_loads_with_no_console_errors(built, opened, name):
    o = opened(built["dir"] / name)
    assert o.errors == []
    assert o.requests == [o.url]          # nothing fetched besides the page itself
    assert o.js("document.querySelectorAll('script:not([type=\"application/json\"])').length") == 1


def test_highlights_equal_the_records_mentions(built, opened):
    o = opened(built["dir"] / "many.html")
    counts = o.js("""() => Array.from(document.querySelectorAll('section.doc')).map(s => [
        s.querySelectorAll('mark.m[data-m]').length,
        new Set(Array.from(s.querySelectorAll('mark[data-m]')).map(e => e.dataset.m)).size])""")
    want = [len(d.mentions) for d in built["docs"]]
    assert [c[0] for c in counts] == want
    assert [c[1] for c in counts] == want
    assert sum(want) > 500


def test_toggling_a_type_hides_its_highlights(built, opened):
    o = opened(built["dir"] / "one.html")
    style = """t => Array.from(document.querySelectorAll('mark.m.t-' + t)).map(e => {
        const s = getComputedStyle(e); return [s.backgroundColor, s.textDecorationLine]; })"""
    money_before, dates_before = o.js(style, "money"), o.js(style, "date")
    assert money_before and all(bg != "rgba(0, 0, 0, 0)" and "underline" in line for bg, line in money_before)
    o.page.get_by_role("checkbox", name="金额 money").uncheck()
    assert all(v == ["rgba(0, 0, 0, 0)", "none"] for v in o.js(style, "money"))
    assert o.js(style, "date") == dates_before                   # the other types stay
    o.page.get_by_role("checkbox", name="金额 money").check()
    assert o.js(style, "money") == money_before


def _far_deadline_card(o: Opened) -> int:
    """Index of a deadline card whose sentence is out of view when the card is in view."""
    n = o.js("document.querySelectorAll('button.card.deadline').length")
    assert n > 0
    for i in range(n):
        o.js("""i => { const c = document.querySelectorAll('button.card.deadline')[i];
                 c.scrollIntoView({block: 'end'}); }""", i)
        target = f"document.querySelector('[data-t=\"' + document.querySelectorAll('button.card.deadline')[{i}].dataset.goto + '\"]')"
        if not visible_in_viewport(o, target):
            return i
    pytest.fail("every deadline sentence is already in view next to its card")


@pytest.mark.parametrize("how", ["click", "keyboard"])
def test_deadline_card_scrolls_to_its_sentence(built, opened, how):
    o = opened(built["dir"] / "many.html", height=500)
    i = _far_deadline_card(o)
    card = o.page.locator("button.card.deadline").nth(i)
    goto = card.get_attribute("data-goto")
    if how == "click":
        card.click()
    else:
        card.focus()
        o.page.keyboard.press("Enter")
    sel = f"document.querySelector('section.doc [data-t=\"{goto}\"]')"
    o.page.wait_for_function(f"() => {{ const r = ({sel}).getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight; }}")
    assert o.js(f"({sel}).classList.contains('flash')")
    due = card.locator(".due").inner_text()
    deadline = o.js(f"({sel}).textContent")
    assert deadline and due                                   # the sentence the card points at has text


def test_keys_step_through_highlights(built, opened):
    o = opened(built["dir"] / "one.html")
    o.page.keyboard.press("n")
    first = o.js("document.activeElement.matches('mark.m') && document.activeElement.dataset.m")
    o.page.keyboard.press("n")
    second = o.js("document.activeElement.dataset.m")
    assert (first, second) == ("0", "1")
    assert o.js("document.getElementById('detail').textContent").startswith("日期 date")
    o.page.get_by_role("checkbox", name="日期 date").uncheck()
    o.page.keyboard.press("n")                               # hidden types are skipped
    assert o.js("document.activeElement.dataset.type") != "date"


def test_index_filters(built, opened):
    o = opened(built["dir"] / "many.html")
    total = len(built["docs"])
    shown = "() => document.querySelectorAll('tr[data-row]').length"
    assert o.js(shown) == total
    from extract.review.document import index_row
    from extract.review.index import search_text

    o.page.fill("#f-q", "惠民保")
    o.page.wait_for_function(f"() => ({shown})() < {total}")
    got = o.js("() => Array.from(document.querySelectorAll('tr[data-row]')).map(r => +r.dataset.row)")
    want = [i for i, d in enumerate(built["docs"]) if "惠民保" in search_text(index_row(d, i))]
    assert got == want and want
    o.page.fill("#f-q", "")
    o.page.fill("#f-inst", "医疗保障局")
    o.page.wait_for_function(f"() => ({shown})() < {total}")
    rows = o.js("() => Array.from(document.querySelectorAll('tr[data-row]')).map(r => r.dataset.inst)")
    assert rows and all("医疗保障局" in r for r in rows)
    sections = o.js("() => Array.from(document.querySelectorAll('section.doc')).filter(s => !s.hidden).length")
    assert sections == len(rows)
    o.page.fill("#f-inst", "")
    o.page.fill("#f-from", "2020-01-01")
    o.page.fill("#f-to", "2022-12-31")
    o.page.wait_for_function(f"() => ({shown})() < {total}")
    pubs = o.js("() => Array.from(document.querySelectorAll('tr[data-row]')).map(r => r.dataset.pub)")
    want = [d.meta.published for d in built["docs"] if d.meta.published and "2020" <= d.meta.published[:4] <= "2022"]
    assert sorted(pubs) == sorted(want) and pubs
    o.page.select_option("#f-type", "procedures")
    o.page.wait_for_timeout(200)
    types = o.js("() => Array.from(document.querySelectorAll('tr[data-row]')).map(r => r.dataset.types)")
    assert types and all("procedures" in t.split() for t in types)
    assert o.js("document.getElementById('f-shown').textContent") == f"{len(types)} of {total} shown"


def test_multi_page_index_links_open_the_document(built, opened):
    o = opened(built["dir"] / "multi.html")
    assert o.js("document.querySelectorAll('tr[data-row]').length") == len(built["docs"])
    link = o.page.locator("tr[data-row] a").nth(12)
    with o.page.expect_navigation():
        link.click()
    assert o.page.url.endswith("multi_pages/0002.html#doc-12")
    assert o.js("document.getElementById('doc-12') !== null")
    assert o.js("document.querySelectorAll('section.doc').length") == 10


def test_hostile_article_runs_nothing(built, opened):
    o = opened(built["dir"] / "hostile.html")
    o.page.wait_for_timeout(300)
    for m in o.page.locator("mark.m").all():          # hovering every highlight runs nothing either
        m.hover()
    o.page.keyboard.press("n")
    assert o.js("typeof window.__pwned") == "undefined"
    assert o.dialogs == [] and o.errors == [] and o.requests == [o.url]
    assert o.js("document.querySelectorAll('img, iframe, svg, a, object, embed, meta[http-equiv=refresh]').length") == 0
    text = o.js("document.body.innerText")
    assert "<script>window.__pwned" in text and 'onerror="window.__pwned' in text and "javascript:" in text
    assert "\x1b" not in text and "\u241b[31m" in text
    assert o.js("document.title") == "hnx review"


def test_csp_blocks_a_script_that_slipped_in(built, opened, tmp_path):
    """Defence in depth: were escaping ever to fail, the policy still runs nothing."""
    page = (built["dir"] / "one.html").read_text(encoding="utf-8")
    bad = tmp_path / "bad.html"
    bad.write_text(page.replace("</body>", '<script>window.__pwned = 1</script><img src="x" onerror="window.__pwned = 2"></body>'),
                   encoding="utf-8")
    o = opened(bad)
    assert o.js("typeof window.__pwned") == "undefined"
    assert any("Content Security Policy" in e for e in o.errors)


def test_eval_view_filters_by_outcome(built, opened):
    o = opened(built["dir"] / "eval.html")
    kinds = o.js("() => Array.from(new Set(Array.from(document.querySelectorAll('mark.m[data-kind]')).map(m => m.dataset.kind)))")
    assert {"ok", "missed", "spurious"} <= set(kinds)
    outline = "k => Array.from(document.querySelectorAll('section.cmp mark.m.k-' + k)).map(e => getComputedStyle(e).outlineStyle)"
    assert set(o.js(outline, "missed")) == {"dashed"} and set(o.js(outline, "spurious")) == {"dotted"}
    rows = "k => Array.from(document.querySelectorAll('table.errors tr.k-' + k)).filter(r => r.offsetParent !== null).length"
    assert o.js(rows, "missed") > 0
    o.page.get_by_role("checkbox", name="missed").uncheck()
    assert set(o.js(outline, "missed")) == {"none"} and o.js(rows, "missed") == 0
    assert set(o.js(outline, "spurious")) == {"dotted"} and o.js(rows, "spurious") > 0


def test_print_layout(built, opened):
    """On paper: no toolbar or filters, one column, highlights kept."""
    o = opened(built["dir"] / "one.html")
    o.page.emulate_media(media="print")
    assert o.js("getComputedStyle(document.querySelector('.toolbar')).display") == "none"
    assert o.js("getComputedStyle(document.querySelector('.grid')).display") == "block"
    m = o.js("(() => { const s = getComputedStyle(document.querySelector('mark.m.t-money'));"
             " return [s.textDecorationStyle, s.printColorAdjust || s.webkitPrintColorAdjust]; })()")
    assert m == ["double", "exact"]
    assert o.page.pdf()[:4] == b"%PDF"


def test_screenshots(built, opened):
    """Pictures of the real pages for docs/review.md (checked by eye when refreshed)."""
    target = Path(os.environ.get("HNX_SCREENSHOTS") or tempfile.mkdtemp(prefix="hnx-shots-"))
    target.mkdir(parents=True, exist_ok=True)
    shots = []
    o = opened(built["dir"] / "one.html", width=1360, height=900)
    o.page.locator("button.card.deadline").nth(1).click()
    o.page.wait_for_timeout(200)
    o.js("window.scrollBy(0, 120)")
    o.page.locator("mark.m.t-money").nth(1).hover()          # value and rule in the detail box
    shots.append(("review-article.png", o))
    o2 = opened(built["dir"] / "many.html", width=1360, height=900)
    o2.page.fill("#f-inst", "医疗保障局")
    o2.page.wait_for_timeout(400)
    shots.append(("review-index.png", o2))
    o3 = opened(built["dir"] / "eval.html", width=1360, height=900)
    # the file with the most errors, at its first error
    o3.js("""() => { const secs = Array.from(document.querySelectorAll('section.cmp'));
        const bad = s => s.querySelectorAll('mark.m.k-missed, mark.m.k-spurious, mark.m.k-wrong_value').length;
        const worst = secs.reduce((a, b) => bad(b) > bad(a) ? b : a);
        worst.querySelector('mark.m.k-missed, mark.m.k-spurious, mark.m.k-wrong_value').scrollIntoView({block: 'center'}); }""")
    o3.page.wait_for_timeout(400)                   # sections off screen are painted on arrival
    shots.append(("review-eval.png", o3))
    for name, page in shots:
        path = target / name
        page.page.screenshot(path=str(path))
        assert path.stat().st_size > 20_000
