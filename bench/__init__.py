"""Throughput and memory benchmarks: ``make bench`` = ``python -m bench`` (prints; never asserts)."""
