"""Benchmarks: timed runs on generated data, printed for a person to read (not pass/fail tests)."""
