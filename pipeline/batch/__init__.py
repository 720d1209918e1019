"""Running many documents: finding them, planning a rerun, the worker pool (or a Dask cluster), reading
ahead while the workers warm up, and the store the finished rows are committed to.

The stages themselves (pipeline.extract, segment, parse, write) know nothing of this package: a task
here is one file taken through them (`process`), and everything else is about doing that for a whole
archive, safely and incrementally. `run` is the entry point (`acta run`, `pipeline.run(...)`).
"""
