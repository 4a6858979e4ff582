"""Applying fixes: text edits at exact AST positions, re-parsed before being written atomically."""
