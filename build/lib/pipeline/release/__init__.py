"""The release stage: assemble the tables from the stores, validate them, publish a release."""
