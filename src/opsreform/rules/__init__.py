"""The rules: small declarative objects that turn a project into findings, and their engine."""
