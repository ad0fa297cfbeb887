"""Configuration files and their validation."""
