"""Test helpers shared by the suites: real services started for a test run."""
