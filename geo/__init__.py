"""Data layer of the wijkkaart: load, validate and shape the bundled data.

Nothing in this package imports Streamlit, so every function can be unit tested and reused by
benchmarks and scripts.
"""
