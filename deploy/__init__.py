"""Serving the explorer beyond Community Cloud: replicas behind nginx (deploy/README.md)."""
