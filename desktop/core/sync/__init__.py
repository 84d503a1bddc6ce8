"""Sync through the network's shared folder (see engine.py for one pass)."""
