"""releasewatch: watches news pages and feeds for announced release dates and trailers."""

__version__ = "0.1.0"
