"""Meridian Chart Explorer's core: the atlas, the body model, queries and figures. No Streamlit here."""

from .loading import DATA_DIR, check, load_atlas
from .problems import DataError, Problem

__all__ = ["DATA_DIR", "DataError", "Problem", "check", "load_atlas"]
