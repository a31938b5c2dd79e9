"""Evaluation against hand-labelled gold: what the extractors and scorers get right.

One module per thing scored, each a reader of its gold and a scorer over the package's tables:

* :mod:`.attribution`: brat/PolNeAR attribution gold (``narrative eval-attribution``; content,
  cue and source scores);
* :mod:`.quotes`: news-quote gold as file + offsets + speaker (``narrative eval-quotes``; quote
  F1, speaker accuracy, the Gender Gap Tracker's measure);
* :mod:`.sides`: the side of claims against hand labels (``narrative validate-sides``);
* :mod:`.labels`: the one reader of file + offsets label files and the tuning/locked split by
  article;
* :mod:`.frames`: the labelled frame sets, the cross-validation grouped by article that chooses
  the suite's frame scorer (also ``narrative eval-frames``) and the locked check;
* :mod:`.frame_labels`: reading frame labels, the frames' tuning / locked split, lexicon P/R and
  kappa (``narrative validate-lexicon``);
* :mod:`.commands`: the evaluation subcommands of the ``narrative`` CLI.

Nothing here is imported by the pipeline: evaluation reads the claims and frames tables, never
the other way round (the CRF's training reads PolNeAR gold through :mod:`.attribution`).
"""
