"""A spaCy tokenizer giving jieba's segmentation through rjieba (Rust): the same
words as `jieba.lcut` (HMM on), ~30x faster, with character offsets."""
from __future__ import annotations

import rjieba
from spacy.tokens import Doc
from spacy.util import registry


class RJiebaTokenizer:
    def __init__(self, vocab):
        self.vocab = vocab

    def __call__(self, text: str) -> Doc:
        words, spaces = [], []
        for word, start, end in rjieba.tokenize(text):
            if word.isspace() and words:
                # fold whitespace into the previous token's trailing space where possible
                if word == " " and not spaces[-1]:
                    spaces[-1] = True
                    continue
            words.append(word)
            spaces.append(False)
        return Doc(self.vocab, words=words, spaces=spaces)

    # spaCy serialization hooks (nothing to save)
    def to_bytes(self, **kw):
        return b""

    def from_bytes(self, data, **kw):
        return self

    def to_disk(self, path, **kw):
        pass

    def from_disk(self, path, **kw):
        return self


@registry.tokenizers("hnx.RJiebaTokenizer")
def make_tokenizer():
    def create(nlp):
        return RJiebaTokenizer(nlp.vocab)

    return create
