"""Many rows into one table, fast: the INSERT compiled once by SQLAlchemy for the connection's
dialect, the rows turned into the driver's parameters here (each value through its column
type's own bind processor: the same stored values as `conn.execute(insert(table), dicts)`),
and handed to the driver's executemany in one call.

SQLAlchemy's executemany builds and processes a parameter dict per row in its own code
(compiler.construct_params): on the bulk corpus that was a third of a load's time.
"""
from __future__ import annotations

from operator import itemgetter
from typing import Callable, Optional

import sqlalchemy as sa


class Inserter:
    """`run(conn, rows)` inserts `rows` (dicts holding every column of the table) with
    `statement` (an INSERT of `table`, e.g. with ON CONFLICT DO NOTHING)."""

    def __init__(self, table: sa.Table, dialect: sa.Dialect, statement: Optional[sa.Insert] = None):
        keys = [c.key for c in table.columns]
        compiled = (statement if statement is not None else sa.insert(table)).compile(
            dialect=dialect, column_keys=keys)
        names = {bind.key: name for bind, name in compiled.bind_names.items()}
        if any(names.get(k) != k for k in keys) or len(names) != len(keys):
            raise ValueError(f"{table.name}: the compiled INSERT does not bind one parameter per column")
        self.sql = str(compiled)
        self.positional = compiled.positional
        order = list(compiled.positiontup) if self.positional else keys
        self.keys = order
        self._get = itemgetter(*order)
        self._procs: list[tuple[int, Callable, bool]] = []   # (position, processor, skip None)
        for i, key in enumerate(order):
            proc = table.c[key].type.dialect_impl(dialect).bind_processor(dialect)
            if proc is not None:
                self._procs.append((i, proc, proc(None) is None))

    def params(self, rows: list[dict]) -> list:
        get = self._get
        out = [get(r) for r in rows] if len(self.keys) > 1 else [(get(r),) for r in rows]
        if self._procs:
            out = [self._process(values) for values in out]
        if self.positional:
            return out
        return [dict(zip(self.keys, values)) for values in out]

    def _process(self, values: tuple) -> tuple:
        """`values` with each value of a column that has a bind processor processed (a None
        that its processor would leave None is left alone: most are None)."""
        for i, _, skip_none in self._procs:
            if values[i] is not None or not skip_none:
                break
        else:
            return values
        out = list(values)
        for i, proc, skip_none in self._procs:
            if out[i] is not None or not skip_none:
                out[i] = proc(out[i])
        return tuple(out)

    def run(self, conn: sa.Connection, rows: list[dict]) -> None:
        if rows:
            conn.exec_driver_sql(self.sql, self.params(rows))
