"""Meridian Chart Explorer's core: the atlas, the body model, queries and figures. No Streamlit here."""

from meridians.load import DATA_DIR, check, load_atlas
from meridians.load.problems import DataError, Problem

__all__ = ["DATA_DIR", "DataError", "Problem", "check", "load_atlas"]
