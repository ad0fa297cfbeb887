"""The rules engine: rule files, the kind contract and its kinds, running rules, fixing."""
