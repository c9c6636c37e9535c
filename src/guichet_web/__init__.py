"""Guichet's Django shell: pages, admin and persistence around the pure-Python core."""
