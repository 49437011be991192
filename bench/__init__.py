"""Benchmarks against a real running server; results go to bench/RESULTS.md."""
