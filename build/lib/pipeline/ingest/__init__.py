"""Reading the archive folder: listing, source IDs, sidecars, decoding bytes to text."""
