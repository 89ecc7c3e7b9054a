"""explorer.py under pyinstrument, one profile file per script run (`python -m bench --profile` uses it).

Started as `streamlit run bench/profiled_explorer.py` with BENCH_PROFILE_DIR set. The profiler runs in
the script thread, around the whole script (widget callbacks run before it and are not included, nor are
the reruns of a fragment alone, such as a click's).
"""

import os
import time
from pathlib import Path

from pyinstrument import Profiler

from bench.entry import run_explorer

OUT = Path(os.environ["BENCH_PROFILE_DIR"])

profiler = Profiler(interval=0.001)
profiler.start()
try:
    run_explorer()
finally:
    profiler.stop()
    OUT.mkdir(parents=True, exist_ok=True)
    profiler.last_session.save(str(OUT / f"run-{time.time_ns()}.pyisession"))
