"""extract: Documents -> Findings (announced release dates, released trailers) for a Watch."""
