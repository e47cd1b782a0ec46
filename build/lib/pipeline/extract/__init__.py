"""Extraction of agencies, instruments and commitments from question texts."""
