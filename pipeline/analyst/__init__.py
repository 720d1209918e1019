"""The analysts' tools, reading the tables of an earlier run: `query` (SQL, `load`, `connect`), `show`
(one document's extraction as text) and `review` (a PDF's pages with what was extracted drawn on them).

Their functions are the library's (`acta.query`, `acta.show`, `acta.review`, pipeline/__init__.py);
the modules live here, not beside the package's `__init__`, so that importing a module never hides
the function of the same name.
"""
