"""Didactic economic models used in the book's chapters, one module per model."""

from clusterlab.models import consortium

__all__ = ["consortium"]
