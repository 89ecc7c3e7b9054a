"""explorer.py run under pyinstrument, one profile file per script run (bench/run.py --profile uses it).

Started as `streamlit run bench/profiled_explorer.py` with BENCH_PROFILE_DIR set. The profiler runs in
the script thread, around the whole script (widget callbacks run before it and are not included). The
chart image still resolves: bench/static links to assets/. The other pages (pages/) are not registered.
"""

import os
import runpy
import time
from pathlib import Path

from pyinstrument import Profiler

ROOT = Path(__file__).resolve().parents[1]
OUT = Path(os.environ["BENCH_PROFILE_DIR"])

profiler = Profiler(interval=0.001)
profiler.start()
try:
    runpy.run_path(str(ROOT / "explorer.py"), run_name="__main__")
finally:
    profiler.stop()
    OUT.mkdir(parents=True, exist_ok=True)
    profiler.last_session.save(str(OUT / f"run-{time.time_ns()}.pyisession"))
