"""Download half of the CBS refresh: boundaries (PDOK), kerncijfers (CBS StatLine) and geocoding.

Each module fetches through an :class:`geo.ververs.web.Ophaler`, so tests run on fixture files and
never touch the network. Validating, writing a snapshot and switching to it is the caller's job.
"""
