"""Builders of pipeline/reference/agencies.csv, one module per source (run: python -m pipeline.reference.build)."""
