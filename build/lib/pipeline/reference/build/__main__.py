"""``python -m pipeline.reference.build [REFERENCE_DIR] [--out CSV]``."""

from pipeline.reference.build.build import main

main()
