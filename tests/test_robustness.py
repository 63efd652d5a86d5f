"""Adversarial input must neither crash nor hang the pipeline (a guard against
catastrophic regex backtracking; this is not a performance test)."""
from __future__ import annotations

import signal

import pytest

import extract

CASES = {
    "many-lt": "<" * 50000,
    "unclosed-comment": "<p>正文</p><!--" + "注释" * 20000,
    "unclosed-script": "<html><body><p>正文</p><script>" + "var a=1;" * 10000,
    "nested-divs": "<div>" * 3000 + "国家医保局发布通知。" + "</div>" * 3000,
    "entities": "&amp" * 30000,
    "long-digit-line": "1" * 100000,
    "digits-and-units": "2023年12月25日" * 5000,
    "byline-marks": "■" * 20000 + "张三",
    "names-and-spaces": "记者 " + "张三 李四 " * 10000,
    "front-matter-unclosed": "---\ntitle: x\n" + "a: b\n" * 20000,
    "markdown-stars": "*" * 50000,
    "markdown-links": "[" * 20000 + "](" * 20000,
    "ocr-short-lines": "\n".join("医保缴费" for _ in range(20000)),
    "money-like": "1.2.3.4.5万亿元" * 3000,
    "percent-like": "5-10-20-30%" * 5000,
    "control-chars": "\x01\x02\x1b[0m正文\x7f" * 5000,
}


@pytest.fixture
def alarm():
    def on_alarm(signum, frame):
        raise TimeoutError("pipeline hung on adversarial input")

    old = signal.signal(signal.SIGALRM, on_alarm)
    signal.alarm(60)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, old)


@pytest.mark.parametrize("name", sorted(CASES))
def test_adversarial_input_parses(name, alarm):
    doc = extract.parse(CASES[name], published="2021-11-25")
    for m in doc.mentions:
        assert doc.text[m.start:m.end] == m.text
