"""namconvert: a conference programme README in, a website, booklet, EPUB and feeds out."""

__version__ = "0.1.0"
