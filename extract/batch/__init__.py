"""Batch runs: `hnx run` over thousands to millions of files.

    inputs   what to parse: command-line paths, folders, a list on stdin; what is skipped and why
    reader   one file's bytes, read safely (size checked before reading, never a FIFO or device)
    work     one file -> one JSON line (and counts), the function every engine runs
    pool     worker processes forked from a warmed parent: per-file time limit, crashed workers
             replaced, no orphans, chunked dispatch
    output   the output file: written through a journal, resumable, never a partial line
    runner   ties them together: order, signals, the console report, exit codes
    dask_engine / spark   the same work on a Dask cluster or in a Spark job
"""
