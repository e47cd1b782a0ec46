"""The page stage: one page at a time into per-batch stores (parse, sentences, mentions, commitments)."""
