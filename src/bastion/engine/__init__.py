"""The scan engine: stages, the per-file pass, the process pool, the cache and name resolution."""
