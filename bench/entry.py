"""The explorer as run by a script in bench/ (a variant, the profiled explorer): the app's own menu and pages."""

from ui.nav import run as run_explorer

__all__ = ["run_explorer"]
