"""Reports: renderers of models and findings (text, Markdown, HTML, CSV, iCalendar, charts)."""
