"""Fetching written answers from the public Hansard sites into the archive folder."""
