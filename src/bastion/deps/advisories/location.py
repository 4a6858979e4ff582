"""Where the advisory database lives: the user cache directory, or BASTION_CACHE_DIR."""

from __future__ import annotations

from bastion.user_cache import CACHE_ENV, DATABASE_NAME, cache_directory, default_database_path

__all__ = ["CACHE_ENV", "DATABASE_NAME", "cache_directory", "default_database_path"]
