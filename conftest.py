"""Root conftest: Qt must render offscreen in tests, and this must be set before any QApplication."""

import os

os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ.setdefault("QT_QUICK_BACKEND", "software")
