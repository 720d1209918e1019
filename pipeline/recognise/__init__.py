"""Text-level recognisers: times, dates, document symbols, states, people and their posts, speaker
labels and sentences, each read from a string with no knowledge of the document around it.

Both stages use them: segment (times in headings and slots) and parse (every field). They live apart
from pipeline.parse so that importing one (segment, analyst.show, write) loads only what it needs;
spaCy is imported by the country matcher alone, when it is first built. Import the modules, not
this package: it re-exports nothing, so that importing one never loads the others.
"""
