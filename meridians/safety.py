"""What every card, page and printout says about safety in the same words. The red flags and the sources of
every safety claim are data (data/safety.yaml, read into `Atlas.safety`)."""

from __future__ import annotations

NOT_ADVICE = (
    "Information, not medical advice. Acupressure is at best a short-term help for back pain; it does not replace "
    "a diagnosis. Press gently and stop if it hurts. See a doctor or physiotherapist for back pain that is severe, "
    "new or getting worse, or with numbness, weakness or bladder or bowel problems."
)
# Said on every card and sheet, plainly: readers press too hard.
PRESSURE_LIMIT = "Firmer is not better. Stop if it hurts sharply, tingles or goes numb."
# The cautions for every point, said once, so that a card's own cautions are the ones specific to it.
EVERY_POINT = "On any point: not on broken, inflamed or bruised skin; go gently if you bruise easily."
# A card's pregnancy line when the point is on none of the lists we cite (saying nothing would not say this).
NOT_ON_PREGNANCY_LISTS = "Pregnancy: not on the traditional lists of points to avoid that we cite."
