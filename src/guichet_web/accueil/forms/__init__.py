"""The desk's forms: plain-French labels and messages; no JavaScript needed."""
