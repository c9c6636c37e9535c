"""L'accueil: the mediators' back-office (visits, person files, referrals, appointments)."""
