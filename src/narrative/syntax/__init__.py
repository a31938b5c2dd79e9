"""The syntactic layer: a spaCy tagger, lemmatizer and dependency parser trained on UD English-EWT.

No pretrained English parser can be installed on the machines narrative runs on, so it ships its
own, trained reproducibly by ``narrative train-parser`` (:mod:`.train`) and loaded offline from
package data (:mod:`.parse`).
"""
