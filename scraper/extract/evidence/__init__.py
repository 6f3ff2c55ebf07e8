"""Evidence: named rules that each look at one candidate and say what they saw.

A rule never vetoes. It fires or not, and when it fires it returns the words it saw
("hedge in its clause: 'could'"); the score (score.py) adds the rule's fitted weight.
Each rule has a name, a one-line description and an example, so `releasewatch
extract --explain` can show a user why a date was or was not reported. The
vocabularies the rules read (release verbs, hedges, streamers, holidays, furniture
names) live in cues.py, each in one place.

Date rules come in three groups, a module each, registered in this order: where the
date sits (where.py: structure), what governs it (governs.py: the event and its
hedges), and whose it is (whose.py, about.py: the watch, another work, another
season, the article itself); page.py adds what the page says elsewhere about a date (a
move away from it), once every date is weighed. trailer.py holds the trailer rules;
rules.py the Rule and its registries; evaluate.py runs them.
"""

# (imported for their registrations, in the order the rules are declared)
from scraper.extract.evidence import where  # noqa: F401, I001
from scraper.extract.evidence import governs  # noqa: F401
from scraper.extract.evidence import whose  # noqa: F401
from scraper.extract.evidence import page  # noqa: F401
from scraper.extract.evidence import trailer  # noqa: F401
from scraper.extract.evidence.about import about_watch
from scraper.extract.evidence.evaluate import date_evidence, may_score, trailer_evidence
from scraper.extract.evidence.page import page_evidence
from scraper.extract.evidence.rules import DATE_RULES, TRAILER_RULES, Rule

__all__ = [
    "DATE_RULES",
    "TRAILER_RULES",
    "Rule",
    "about_watch",
    "date_evidence",
    "may_score",
    "page_evidence",
    "trailer_evidence",
]
