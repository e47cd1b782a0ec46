"""Shared machinery the text formats read pages with: question reader, names, dates, references, furniture."""
