"""The project model: plain validated objects; they do not check rules, print, or read files."""
