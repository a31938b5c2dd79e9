"""The notebook suite, written from one definition: ``python -m narrative.tools.notebooks [DIR]``.

Each notebook is a few cells that each call one function of :mod:`narrative.pipeline.steps`,
with a Markdown line before each result saying how to read it. Its parameters cell is made from
:data:`narrative.pipeline.params.SCHEMA`, so the schema, the notebooks and the steps cannot drift
apart (a test compares the committed notebooks with this module's output).
"""
from __future__ import annotations

import sys
from pathlib import Path

from ..pipeline import params as P

MD, CODE = "markdown", "code"

HEADER = "# Parameters (documented in narrative.pipeline.params.SCHEMA; `narrative run` validates them)"
RUN_DIR = 'run_dir = None  # `narrative run` passes its run directory; None: a scratch one (opened by hand)'


def parameters_cell(notebook: str) -> str:
    """The parameters cell of ``notebook``: ``run_dir`` and each schema parameter it declares."""
    lines = [HEADER, RUN_DIR]
    for p in P.SCHEMA:
        if notebook in p.notebooks:
            lines.append(f"{p.name} = {p.default!r}  # {p.help}")
    return "\n".join(lines)


def _open(notebook: str) -> str:
    return f'from narrative.pipeline import steps\nrun_dir = steps.open_run_dir(run_dir, "{notebook}")'


CELLS: dict[str, list[tuple[str, str]]] = {
    "01_claims.ipynb": [
        (MD, "# 1. Claims: who claims what\n"
             "Reads the corpus, finds each claim's speaker, cue and content, and gives the speaker's side."),
        (CODE, _open("01_claims.ipynb")),
        (MD, "The documents, with their source, side (from the corpus or the actors file's publishers) and length:"),
        (CODE, "docs = steps.load_documents(run_dir, corpus=corpus, text_column=text_column, actors=actors)\n"
               "docs.groupby(['source', 'side']).agg(documents=('doc_id', 'size'), words=('n_words', 'sum'))"),
        (MD, "Claims: one row per attribution (speaker, cue, content) plus one `self` row per sentence that no one "
             "else is quoted in. `self` is the document's own voice: the publisher of a press release, or the "
             "reporter (`journalist`) in news. A speaker the actors file does not know keeps its name and side "
             "`other`."),
        (CODE, "claims = steps.extract(run_dir, corpus=corpus, text_column=text_column, actors=actors,\n"
               "                       claims_method=claims_method, claims_profile=claims_profile,\n"
               "                       keep_duplicates=keep_duplicates, lexicon=lexicon,\n"
               "                       jobs=jobs, backend=backend, scheduler=scheduler)\n"
               "claims[['doc_id', 'speaker', 'actor', 'side', 'cue', 'cue_stance', 'quote_type', 'content']].head(10)"),
        (MD, "How many claims each side has, by quote type (`direct`: all inside quotation marks; `mixed`: partly "
             "quoted; `indirect`: reported speech). Sides with few claims give wide intervals later on:"),
        (CODE, "by_side, figure = steps.claims_by_side(run_dir, claims)\nsteps.show(figure)"),
        (CODE, "by_side"),
    ],
    "02_lexicon_framing.ipynb": [
        (MD, "# 2. Framing by lexicon\n"
             "Scores every claim against the frame lexicon (hits per 1,000 tokens) and keeps the evidence for "
             "every hit."),
        (CODE, _open("02_lexicon_framing.ipynb")),
        (CODE, "from narrative.lexicons import load_lexicon\n"
               "lex = load_lexicon(lexicon)\n"
               "claims = steps.read_table(run_dir, 'claims.csv')\n"
               "print(f'{len(claims):,} claims; lexicon {lex.name}: {len(lex.entries)} phrases in '\n"
               "      f'{len(lex.categories)} categories')"),
        (MD, "Frame rates per claim: each category's lexicon hits per 1,000 tokens of the claim's content, and "
             "VADER's compound sentiment (-1 to 1). Most claims hit no category, so most rates are 0:"),
        (CODE, "scores = steps.score_frames(run_dir, claims, lex, jobs=jobs)\nscores.describe().T.round(2)"),
        (MD, "The profile: each side's mean rate per category with a 95% interval from resampling whole documents "
             "(claims of one document are not independent). Bars whose intervals overlap a lot are not clearly "
             "different; notebook 04 tests each difference:"),
        (CODE, "profile, figure = steps.frame_profile(run_dir, scores, lex, side_a=side_a, side_b=side_b,\n"
               "                                     n_boot=n_boot, seed=seed)\nsteps.show(figure)"),
        (CODE, "profile.round(3)"),
        (MD, "The evidence behind the numbers: every hit in context (offsets index the source text), and the "
             "phrases that carry each category for each side. Read these before trusting a category's rate:"),
        (CODE, "kwic, top = steps.frame_evidence(run_dir, claims, lex)\ntop.head(40)"),
        (CODE, "kwic[['doc_id', 'side', 'category', 'left', 'match', 'right']].head(15)"),
        (MD, "Prevalence beside rate: the frames each claim carries as the suite labels them (the scorer that measured "
             "better by grouped cross-validation; `evidence` names the words that carried each label), and the share "
             "of each side's claims carrying each frame, with 95% intervals resampling documents:"),
        (CODE, "labels = steps.claim_labels(run_dir, claims, lex, evidence=kwic)\n"
               "shares, longest = steps.frame_prevalence(run_dir, scores, labels, lex, n_boot=n_boot, seed=seed)\n"
               "shares.round(3)"),
        (MD, "The longest claims of each side, with their share of the side's words and frame hits (a side's rate is "
             "the mean of its claims' rates, so each claim counts once; `weight` would cap a claim at 5% of the words):"),
        (CODE, "longest"),
    ],
    "03_classifier.ipynb": [
        (MD, "# 3. Side classifier\n"
             "Can a classifier tell which side's official voice a claim comes from? Grouped cross-validation (by "
             "document), against three baselines, with actor names masked and unmasked."),
        (CODE, _open("03_classifier.ipynb")),
        (CODE, "claims = steps.read_table(run_dir, 'claims.csv')\n"
               "side = steps.side_task(run_dir, claims, side_a=side_a, side_b=side_b, actors=actors, lexicon=lexicon,\n"
               "                       max_claims=max_claims, n_splits=n_splits, n_boot=n_boot, top_k=top_k,\n"
               "                       seed=seed, jobs=jobs, split=split)"),
        (MD, "Macro-F1 with 95% intervals over documents. `full` is the model (words, lexicon rates, VADER); "
             "`lexicon` and `vader` use those features alone; `majority` always says the larger side, so its "
             "macro-F1 (about 0.4) is the floor. A masked F1 near the majority baseline means the sides differ "
             "mostly in the names they mention; well above it, in how they speak:"),
        (CODE, "m = side['metrics']\nm[m['class'] == 'macro'].round(3)"),
        (MD, "Where the masked model errs (out-of-fold predictions: every claim scored by a model that never saw "
             "its document):"),
        (CODE, "steps.show(side['confusion'])"),
        (MD, "The words and frames the masked model leans on, towards each side:"),
        (CODE, "steps.show(side['figure'])"),
        (MD, "Quoted and reported claims, and other voices (everything the model was not trained on), with the "
             "masked model's side probabilities and the features that pushed it most:"),
        (CODE, "scored = steps.score_other_claims(run_dir, claims, side['model'], side_a=side_a, side_b=side_b,\n"
               "                                  actors=actors, jobs=jobs)\nscored.head(10)"),
        (MD, "Frames task: the frame categories learned from hand-labelled claims coded by the codebook (by default "
             "the tuning part of 400 press-release claims; `trained_on` says which), macro-F1 over categories by "
             "grouped cross-validation, to compare with the lexicon's own precision and recall "
             "(`narrative validate-lexicon`):"),
        (CODE, "frames = steps.frames_task(run_dir, frame_labels, lexicon=lexicon, n_splits=n_splits, n_boot=n_boot,\n"
               "                           seed=seed, jobs=jobs)\nframes if frames is None else frames.round(3)"),
    ],
    "04_comparison_report.ipynb": [
        (MD, "# 4. Comparison\n"
             "Which words and frames distinguish the sides, with weighted log-odds (Monroe et al. 2008) and "
             "frame-rate differences with CIs, permutation p-values and Benjamini–Hochberg q."),
        (CODE, _open("04_comparison_report.ipynb")),
        (CODE, "claims = steps.read_table(run_dir, 'claims.csv')\nscores = steps.read_table(run_dir, 'frame_scores.csv')"),
        (MD, "The comparison (`narrative.comparison.compare_groups`: the analysis `narrative compare` runs, with "
             "the same options and defaults). Frame differences (side_a minus side_b, hits per 1,000 tokens), sorted "
             "by q. The interval resamples documents; p comes from shuffling side labels between documents. With "
             "n_perm permutations the smallest possible p is 1/(n_perm + 1): when many categories sit at that floor, "
             "their q-values are equal and say only \"at least this significant\"; rank those by the size of "
             "the difference and its interval instead:"),
        (CODE, "result = steps.compare_sides(run_dir, claims, scores, side_a=side_a, side_b=side_b, prior=prior,\n"
               "                             alpha=alpha, stopwords=stopwords, keep_names=keep_names, actors=actors,\n"
               "                             n_boot=n_boot, n_perm=n_perm, top_k=top_k, seed=seed)\n"
               "diffs = result.differences\ndiffs.round(4)"),
        (MD, "The same comparison as prevalence: the share of side_a's claims carrying each frame minus side_b's, "
             "with the same intervals and tests:"),
        (CODE, "prevalence = steps.prevalence_differences(run_dir, scores, side_a=side_a, side_b=side_b, n_boot=n_boot,\n"
               "                                          n_perm=n_perm, seed=seed)\nprevalence.round(4)"),
        (MD, "The reporter's stance: the share of each side's attributed claims reported with a distancing cue "
             "(\"claimed\", \"alleged\", \"insisted\") or a journalist hedge outside the speaker's quoted words (\"could not be "
             "independently verified\"), with 95% CIs that resample documents; the last row is side_a minus side_b:"),
        (CODE, "result.stance.round(4)"),
        (MD, "Words that distinguish the sides (z > 0 leans to side_a; |z| > 1.96 is unlikely under no "
             "difference). Unless the parameters say otherwise (`stopwords`, `keep_names`, `prior`), English "
             "stopwords and the actors file's person names are left out, and each word's pooled count is its prior:"),
        (CODE, "steps.show(steps.log_odds_figure(run_dir, result.log_odds, side_a=side_a, side_b=side_b))"),
        (MD, "The leading category week by week (a corpus without dates says so instead):"),
        (CODE, "rates, figure = steps.weekly(run_dir, scores, diffs['category'].iloc[0], side_a=side_a, side_b=side_b)\n"
               "steps.show(figure)"),
        (MD, "Claim threads: the claims about one event (a settlement or region named in the claim, within a few "
             "days) as each side tells it, largest first, with each claim's frames and whether the reporter "
             "distanced itself; then how many of each side's claims belong to a thread with both sides:"),
        (CODE, "threads = steps.claim_threads(run_dir, claims, side_a=side_a, side_b=side_b)\n"
               "threads['side_by_side'].head(10)"),
        (CODE, "threads['sides']"),
        (MD, "Measurement error. Every automated label (side, frame, distancing) is wrong some of the time, and the "
             "intervals above assume none is. With a coded sheet (`validation`: a random sample drawn by "
             "`narrative sample` and coded by the codebook) the tool's accuracy is measured on it, and each share, "
             "prevalence and difference is re-estimated by prediction-powered inference (PPI++): `naive` uses the "
             "tool's labels alone, `estimate` [`lo`, `hi`] combines them with the coded claims and stays valid "
             "however wrong the labels are. Prevalence here is the share of claims carrying a frame at all "
             "(not hits per 1,000 tokens):"),
        (CODE, "measured = steps.measurement(run_dir, claims, validation=validation, side_a=side_a, side_b=side_b,\n"
               "                             lexicon=lexicon)\n"
               "if measured is None:\n"
               "    print('No coded sheet (validation): the intervals above assume every label is right. '\n"
               "          'Make one with `narrative sample CLAIMS -n 300 --strata side -o sheet.csv`, code it by the '\n"
               "          'codebook, and pass it as -p validation sheet.csv.')\n"
               "elif 'skipped' in measured:\n"
               "    print(measured['skipped'])\n"
               "else:\n"
               "    print(f\"Population: {measured['population']}. {measured['note']}\")\n"
               "    display(measured['table'].round(3))"),
        (MD, "The tool's accuracy on the coded claims (95% Wilson intervals), and where the naive and the corrected "
             "figures disagree:"),
        (CODE, "if measured and 'table' in measured:\n"
               "    acc = measured['accuracy']\n"
               "    display(acc[acc['measure'] != 'side_confusion'].round(3))\n"
               "    for sentence in measured['notes']['sentence']:\n"
               "        print('-', sentence)"),
    ],
}


def build(notebook: str):
    """The notebook as an ``nbformat`` node (cells without outputs, stable ids)."""
    import nbformat

    nb = nbformat.v4.new_notebook()
    nb.metadata = {"kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
                   "language_info": {"name": "python"}}
    cells = list(CELLS[notebook])
    cells.insert(1, (CODE, parameters_cell(notebook)))
    for i, (kind, source) in enumerate(cells):
        cell = nbformat.v4.new_markdown_cell(source) if kind == MD else nbformat.v4.new_code_cell(source)
        cell.id = f"c{i:02d}"
        if kind == CODE and source.startswith(HEADER):
            cell.metadata["tags"] = [P.PARAMETERS_TAG]
        nb.cells.append(cell)
    return nb


def write(folder: Path) -> list[Path]:
    """Write the four notebooks into ``folder``."""
    import nbformat

    out = []
    for name in P.NOTEBOOKS:
        path = Path(folder) / name
        nbformat.write(build(name), str(path))
        out.append(path)
    return out


if __name__ == "__main__":  # pragma: no cover - run by hand after changing the suite
    for written in write(Path(sys.argv[1] if len(sys.argv) > 1 else "notebooks")):
        print(written)
