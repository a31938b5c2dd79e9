"""Who speaks, and for which side: the actors file, name folding, a mention's side and coreference.

``actors`` (the actors file and gazetteers: names, aliases, sides), ``names`` (titles, roles and
spelling folding), ``mention_side`` (the side a speaker mention's own words give), ``coref`` (who
"he", "the minister" and "Ejdus" are within one document) and ``resolver`` (a speaker mention to
its actor, side and how the side was decided). The package knows nothing of claims: the claim
extractors (``narrative.claims``) call it.
"""
