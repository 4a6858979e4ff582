"""The route inventory: every web endpoint, the guards in front of it, and unguarded endpoints."""
