"""The static floor for the first-load benchmark: ``python -m bench.floor FIGURE.json`` serves one
HTML page drawing that figure with the same plotly.js bundle (bare Flask + the same compression)."""
from __future__ import annotations

import json
import os
import sys
from pathlib import Path

from bench.run import floor_app

if __name__ == "__main__":
    fig = json.loads(Path(sys.argv[1]).read_text())
    floor_app(fig).run(host="127.0.0.1", port=int(os.environ["PORT"]), threaded=True)
