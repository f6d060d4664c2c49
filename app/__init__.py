"""Shared UI pieces of the wijkkaart: settings, cached data access, map, legend, filters."""
