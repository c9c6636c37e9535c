"""Server-rendered pages for residents: need, démarches, places, rights."""
