"""The directory of local places (data·inclusion structures and services), in the database."""
