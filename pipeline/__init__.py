"""acta: meeting-summary PDFs in, normalized queryable tables out.

Stages, in data order: pipeline.extract -> pipeline.segment -> pipeline.parse -> pipeline.write.
"""

__version__ = "0.1.0"
