"""Demo journey for the running network (filled in below)."""
