"""Training data readers and the trainer behind `hnx train` (institution NER)."""
from .formats import Example, read_any  # noqa: F401
