"""The project-file format (TOML) and session tables (CSV, Markdown): reading and writing."""
