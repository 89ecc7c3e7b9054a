"""explorer.py with the card's study expanders sent empty (bench/run.py --variants noentries): what the study
entries cost a click. A measuring device, not a product change."""

import ui.card as card
from bench.entry import run_explorer

if not getattr(card, "_bench_empty_expanders", False):  # the module stays imported between script runs
    card.study_entry = lambda study: None
    card._bench_empty_expanders = True

run_explorer()
