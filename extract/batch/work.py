"""One input file -> one record: the function every engine runs (local worker
processes, Dask workers, Spark partitions).

A task names the file, its source string and its manifest row; the result is the
record as one JSON line plus the few counts the console report needs, so only
strings cross process boundaries (a local worker sends the line as bytes, ready to be
written). A record that cannot be serialized becomes an error record; nothing raised
here escapes to the batch."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, NamedTuple, Optional, Union

from ..options import Options

# a sentence of our own, parsed once before the workers start so that every lazy
# table, dictionary and pipeline is loaded in the parent and shared with the workers
WARM_TEXT = ("某市医疗保障局发布通知：参保人员应于2024年12月31日前通过“医保服务平台”办理年度缴费，"
             "个人缴费标准为每人每年380元，比上年提高5%。\n\n第一步，登录平台；第二步，提交材料。")


@dataclass(frozen=True)
class Config:
    """What is the same for every file of a run."""
    published: Optional[str] = None
    options: Options = field(default_factory=Options)
    manifest: Optional[dict] = None          # the whole manifest (Python API); the CLI sends rows per task
    mode: str = "json"                       # "json": a JSON line and counts; "document": the Document


class Task(NamedTuple):
    index: int
    path: Union[str, bytes]                  # what to open
    source: str                              # what the record says (valid UTF-8)
    row: Optional[dict] = None               # this file's manifest row
    expect_id: Optional[str] = None          # --resume: the id of the record already written


class Counts(NamedTuple):
    articles: int
    deadlines: int
    procedures: int
    mentions: tuple                          # ((type, n), ...)
    errors: tuple                            # ((stage, message), ...) at most 3


class Result(NamedTuple):
    index: int
    kind: str                                # "record", "document", "same" (resume: unchanged input)
    line: Union[str, bytes, None] = None     # the record's JSON line; a local worker sends it as UTF-8
                                             # bytes with its newline (as_bytes), ready to be written
    counts: Optional[Counts] = None
    doc: Any = None


_config: Optional[Config] = None


WARM_PAGES = (
    WARM_TEXT,
    "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>通知</title></head><body><div class=\"nav\">首页</div>"
    "<div class=\"article\"><h1>关于缴费的通知</h1><p>" + WARM_TEXT.replace("\n\n", "</p><p>") + "</p></div></body></html>",
    "---\ntitle: 通知\ndate: 2024-01-02\n---\n\n# 关于缴费的通知\n\n" + WARM_TEXT + "\n\n- 第一项\n- 第二项\n",
)


def prepare(config: Config, warm: bool = True) -> None:
    """Set the run's configuration in this process and load everything parsing and writing
    need (each input format once, and a record's JSON line: the record serializers are
    built on first dump; the institution segmenter's rjieba), so that the workers forked
    afterwards share it all."""
    global _config
    _config = config
    if warm:
        from ..institutions.segmenter import for_long_runs
        from ..pipeline import parse

        for_long_runs()   # a batch: jieba's dictionary loaded once, shared by the forked workers
        for page in WARM_PAGES:
            to_line(parse(page, published="2024-01-02", options=config.options))


def config() -> Config:
    if _config is None:
        prepare(Config())
    return _config


def counts_of(doc) -> Counts:
    types: dict[str, int] = {}
    for m in doc.mentions:
        types[m.type] = types.get(m.type, 0) + 1
    errors = tuple((e.stage, e.message[:500]) for e in doc.errors[:3])
    return Counts(len(doc.articles), len(doc.deadlines), len(doc.procedures), tuple(sorted(types.items())), errors)


def error_document(source: str, id_data: bytes, stage: str, message: str):
    from ..pipeline import _doc_id
    from ..schema import Document, Error

    doc = Document(id=_doc_id(id_data), source=source)
    doc.errors.append(Error(stage=stage, message=message))
    return doc


def to_line(doc) -> tuple[str, Counts]:
    """The record as one JSON line (and its counts); a record that cannot be serialized
    becomes an error record that says so (its id, source and errors are kept)."""
    try:
        return doc.to_json(), counts_of(doc)
    except Exception as e:  # noqa: BLE001 - the batch must get a record whatever the cause
        from ..schema import Document, Error

        why = f"record could not be serialized: {type(e).__name__}: {str(e)[:300]}"
        try:
            kept = Document(id=doc.id, source=doc.source, format=doc.format, encoding=doc.encoding,
                            errors=list(doc.errors))
            kept.errors.append(Error(stage="serialize", message=why))
            return kept.to_json(), counts_of(kept)
        except Exception:  # noqa: BLE001
            import json

            line = json.dumps({"id": str(doc.id), "source": str(doc.source),
                               "errors": [{"stage": "serialize", "message": why}]}, ensure_ascii=True)
            return line, Counts(0, 0, 0, (), (("serialize", why),))


def run_task(task: Task) -> Result:
    """Parse one file (never raises for a bad file)."""
    from ..batch.reader import ReadError, read_input
    from ..pipeline import _doc_id, parse_data, read_error_document

    cfg = config()
    try:
        data = read_input(task.path, cfg.options.max_bytes)
        err = None
    except ReadError as e:
        data, err = None, str(e)
    if task.expect_id is not None:
        if _doc_id(data if data is not None else task.source.encode("utf-8")) == task.expect_id:
            return Result(task.index, "same")
    if err is not None:
        doc = read_error_document(task.source, err)
    else:
        manifest = {task.source: task.row} if task.row else cfg.manifest
        doc = parse_data(data, task.source, published=cfg.published, options=cfg.options, manifest=manifest)
    return _result(task.index, doc, cfg)


def _result(index: int, doc, cfg: Config) -> Result:
    if cfg.mode == "document":
        return Result(index, "document", doc=doc)
    return Result(index, "record", *to_line(doc))


def as_bytes(result: Result) -> Result:
    """The result with its line as the bytes the output gets (UTF-8, newline): what a local
    worker sends, so that the parent writes it as it comes (no decoding, no encoding)."""
    if isinstance(result.line, str):
        return result._replace(line=(result.line + "\n").encode("utf-8"))
    return result


def failed_result(task: Task, stage: str, message: str) -> Result:
    """The record of a file whose worker timed out or died."""
    from ..batch.reader import ReadError, read_input

    try:
        id_data = read_input(task.path, config().options.max_bytes)
    except ReadError:
        id_data = task.source.encode("utf-8")
    return _result(task.index, error_document(task.source, id_data, stage, message), config())
