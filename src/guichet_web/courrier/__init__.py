"""« Comprendre un courrier » : the page that explains a letter (guichet.letters)."""
