"""The overview of all networks at a glance (issue 18): the "Overzicht" tab, its charts, and
its A4 report. The figures come from :mod:`db.search.overview`; charts are drawn with matplotlib,
which is imported only when the overview is first shown (see :mod:`desktop.overview.charts`).
"""
