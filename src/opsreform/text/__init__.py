"""Reading and writing the Polish forms in which dates, slots, periods and amounts are written.

Nothing here knows a session or a project: text in, values out, and back.
"""
