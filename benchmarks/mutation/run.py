"""`make mutate`: mutation testing of the rule modules with mutmut, against the fast tier (`make test-fast`).

mutmut 3 imports the mutated code only from ./, src/ or source/, and the package lives in hooks/. So the
checkout (its tracked and new files) is copied into .mutate/, hooks/patient_info also to .mutate/src/patient_info,
and mutmut runs there with the [tool.mutmut] settings of pyproject.toml; nothing in the checkout changes.
Each module's score and surviving mutants (with their diffs) are written to benchmarks/mutation/<module>.txt.

    make mutate                                   # the modules in [tool.mutmut] only_mutate
    make mutate MODULES="text.py model/selection.py"

Slow (minutes per module, one test run per mutant): not part of make test.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
STAGE = ROOT / ".mutate"
RESULTS = ROOT / "benchmarks" / "mutation"
MUTMUT = Path(sys.executable).with_name("mutmut")
# Killed: a test failed (or the mutant hung until mutmut's timeout, which a test run would notice too).
KILLED = {"killed", "timeout"}
# Not counted: mutants the run did not reach (stopped by --timeout). A mutant no test runs ("no tests") counts
# as surviving.
UNTESTED = {"not checked", "skipped"}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("modules", nargs="*", help="modules under hooks/patient_info, such as text.py")
    parser.add_argument("--max-children", type=int, default=1, help="mutants tested at once (default 1)")
    parser.add_argument("--timeout", type=int, default=3600, help="seconds before the run is stopped")
    args = parser.parse_args()
    if not MUTMUT.exists():
        sys.exit(f"{MUTMUT} is missing: run 'make mutate' (it installs the 'mutate' extra)")
    stage(args.modules)
    started = time.monotonic()
    try:
        run = subprocess.run([str(MUTMUT), "run", "--max-children", str(args.max_children)], cwd=STAGE,
                             timeout=args.timeout)
    except subprocess.TimeoutExpired:
        print(f"stopped after {args.timeout} s: the mutants not reached are counted as 'not checked'", file=sys.stderr)
        run = subprocess.CompletedProcess([], 0)
    minutes = (time.monotonic() - started) / 60
    if run.returncode != 0:
        print(f"mutmut run ended with exit code {run.returncode}; results left as they were", file=sys.stderr)
        return run.returncode
    return write_results(minutes)


def stage(modules: list[str]) -> None:
    shutil.rmtree(STAGE, ignore_errors=True)
    listed = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"], cwd=ROOT,
                            capture_output=True, text=True, check=True).stdout.split("\0")
    for name in filter(None, listed):
        source = ROOT / name
        if source.is_file() and not source.is_symlink():
            (STAGE / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, STAGE / name)
    shutil.copytree(STAGE / "hooks" / "patient_info", STAGE / "src" / "patient_info")
    if modules:
        chosen = ", ".join(f'"src/patient_info/{module}"' for module in modules)
        config = STAGE / "pyproject.toml"
        text, count = re.subn(r"only_mutate = \[[^\]]*\]", f"only_mutate = [{chosen}]", config.read_text("utf-8"))
        assert count == 1, "pyproject.toml: [tool.mutmut] only_mutate not found"
        config.write_text(text, "utf-8")


def write_results(minutes: float) -> int:
    listed = subprocess.run([str(MUTMUT), "results", "--all", "true"], cwd=STAGE, capture_output=True, text=True)
    by_module: dict[str, dict[str, str]] = {}
    for name, status in re.findall(r"^\s+(\S+): (.+)$", listed.stdout, re.M):
        module = re.sub(r"\.(x_|xǁ).*$", "", name)
        by_module.setdefault(module, {})[name] = status.strip()
    for module, statuses in by_module.items():
        counts = Counter(statuses.values())
        tested = sum(n for status, n in counts.items() if status not in UNTESTED)
        killed = sum(counts[status] for status in KILLED)
        score = 100 * killed / tested if tested else 0.0
        survivors = [name for name, status in statuses.items() if status not in KILLED | UNTESTED]
        lines = [f"# {module}: mutation score {score:.1f} % ({killed} of {tested} mutants killed)",
                 f"# mutmut 3.8.1 against the fast tier (-m 'not browser and not build'), run of {minutes:.0f} min",
                 "# " + ", ".join(f"{status}: {n}" for status, n in sorted(counts.items())), ""]
        for name in survivors:
            shown = subprocess.run([str(MUTMUT), "show", name], cwd=STAGE, capture_output=True, text=True).stdout
            lines += [shown.rstrip(), ""]
        (RESULTS / f"{module.removeprefix('patient_info.')}.txt").write_text("\n".join(lines) + "\n", "utf-8")
        print(lines[0])
    return 0 if by_module else 1


if __name__ == "__main__":
    sys.exit(main())
