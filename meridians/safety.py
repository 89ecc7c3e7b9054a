"""What every page and printout says about safety: the not-medical-advice line and the red flags for back pain.

The red flags follow NHS back-pain advice and NICE guidance NG12 (RED_FLAGS_SOURCE).
"""

from __future__ import annotations

NOT_ADVICE = (
    "Information, not medical advice. Acupressure is at best a short-term help for back pain; it does not replace "
    "a diagnosis. Press gently and stop if it hurts. See a doctor or physiotherapist for back pain that is severe, "
    "new or getting worse, or with numbness, weakness or bladder or bowel problems."
)
RED_FLAGS_EMERGENCY = (
    "Numbness or tingling around the genitals, buttocks or inner thighs (the 'saddle' area).",
    "New trouble passing urine, or losing control of your bladder or bowels.",
    "Pain, weakness or numbness in both legs, or leg weakness that is quickly getting worse.",
    "New problems getting or keeping an erection, or other new sexual problems.",
    "Chest pain with the back pain.",
    "Back pain after a serious fall or accident.",
)
RED_FLAGS_URGENT = (
    "A high temperature, or feeling hot and shivery.",
    "Weight loss you cannot explain.",
    "A lump or swelling on your back, or a change in its shape.",
    "Pain that does not ease when you rest, or is worse at night.",
    "Back pain and you have had cancer, or you are over 60 with new persistent back pain.",
)
RED_FLAGS_SOURCE = "Based on NHS back-pain advice and NICE guidance NG12. Outside the UK, use your local emergency number."
