"""`make mutate`: mutation testing of the rule modules with mutmut, against fast-tier tests (`make test-fast`).

mutmut 3 imports the mutated code only from ./, src/ or source/, and the package lives in hooks/. So for each
module the checkout (its tracked and new files) is copied into .mutate/<module>/, hooks/patient_info also to
src/patient_info there, and mutmut runs there with the [tool.mutmut] settings of pyproject.toml, its
only_mutate set to that one module and its tests to the module's entry in TESTS; nothing in the checkout changes.
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
import os
import time
import tomllib
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
STAGE = ROOT / ".mutate"
RESULTS = ROOT / "benchmarks" / "mutation"
MUTMUT = Path(sys.executable).with_name("mutmut")
# Killed: a test failed, or the mutant hung until mutmut's timeout or crashed the test process (a segfault: the
# loader's nesting limits lifted), which a test run would notice too.
KILLED = {"killed", "timeout", "segfault"}
# Not counted: mutants the run did not reach (stopped by --timeout). A mutant no test runs ("no tests") counts
# as surviving.
UNTESTED = {"not checked", "skipped"}

# The fast-tier tests each module is measured against: the tests of its own stage and of the stages that use it
# (mutmut then runs, for each mutant, those of them that reach the mutated function). All of them run in
# `make test` and `make test-fast`. Left out: the loader's property tests (tests/content/test_loader_properties.py:
# hypothesis draws other inputs each run, and they cost seconds for every mutant that survives; the limits they
# explore are pinned by tables in tests/content/test_loader_limits.py). Every module is also run without the tests
# that start the installed `patient-info` in a subprocess (pytest_add_cli_args in pyproject.toml): that program
# never sees a mutant.
# A module not listed here is measured against the whole fast tier.
CONTENT = ["tests/content/", "--ignore=tests/content/test_loader_properties.py"]
TESTS = {
    "content/statement_checks.py": CONTENT,
    "content/web_addresses.py": CONTENT + ["tests/plan/", "tests/pages/"],
    "content/load.py": CONTENT,
    "plan/published_text.py": ["tests/plan/", "tests/built_pages/"],
    "model/selection.py": ["tests/model/", "tests/pages/", "tests/site/", "tests/test_page_kinds.py"],
    "plan/going_live.py": ["tests/plan/"],
}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("modules", nargs="*", help="modules under hooks/patient_info, such as text.py")
    parser.add_argument("--max-children", type=int, default=1, help="mutants tested at once (default 1)")
    parser.add_argument("--timeout", type=int, default=3600, help="seconds before a module's run is stopped")
    args = parser.parse_args()
    if not MUTMUT.exists():
        sys.exit(f"{MUTMUT} is missing: run 'make mutate' (it installs the 'mutate' extra)")
    configured = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["tool"]["mutmut"]["only_mutate"]
    modules = args.modules or [name.removeprefix("src/patient_info/") for name in configured]
    failed = 0
    for module in modules:
        failed |= run_module(module, args.max_children, args.timeout)
    return failed


def run_module(module: str, max_children: int, timeout: int) -> int:
    tests = TESTS.get(module, ["tests/"])
    stage_dir = STAGE / module.removesuffix(".py").replace("/", ".")
    stage(stage_dir, module, tests)
    started, load = time.monotonic(), os.getloadavg()[0]
    stopped = ""
    try:
        run = subprocess.run([str(MUTMUT), "run", "--max-children", str(max_children)], cwd=stage_dir,
                             timeout=timeout)
    except subprocess.TimeoutExpired:
        print(f"{module}: stopped after {timeout} s: the mutants not reached are counted as 'not checked'",
              file=sys.stderr)
        run, stopped = subprocess.CompletedProcess([], 0), f"PARTIAL: stopped after {timeout} s, "
    minutes = (time.monotonic() - started) / 60
    if run.returncode != 0:
        print(f"{module}: mutmut run ended with exit code {run.returncode}; results left as they were",
              file=sys.stderr)
        return 1
    about = (f"# mutmut 3.8.1 against the fast-tier tests {' '.join(tests)} (-m 'not browser and not build'), "
             f"{stopped}run of {minutes:.0f} min, load average {load:.1f} at the start and "
             f"{os.getloadavg()[0]:.1f} at the end on {os.cpu_count()} cores")
    return write_results(stage_dir, about)


def stage(stage_dir: Path, module: str, tests: list[str]) -> None:
    shutil.rmtree(stage_dir, ignore_errors=True)
    listed = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"], cwd=ROOT,
                            capture_output=True, text=True, check=True).stdout.split("\0")
    for name in filter(None, listed):
        source = ROOT / name
        if source.is_file() and not source.is_symlink():
            (stage_dir / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, stage_dir / name)
    shutil.copytree(stage_dir / "hooks" / "patient_info", stage_dir / "src" / "patient_info")
    config = stage_dir / "pyproject.toml"
    text = config.read_text("utf-8")
    for key, value in (("only_mutate", [f"src/patient_info/{module}"]), ("pytest_add_cli_args_test_selection", tests)):
        listed = ", ".join(f'"{item}"' for item in value)
        text, count = re.subn(rf"^{key} = \[[^\]]*\]", lambda _: f"{key} = [{listed}]", text, flags=re.M)
        assert count == 1, f"pyproject.toml: [tool.mutmut] {key} not found"
    config.write_text(text, "utf-8")


def write_results(stage_dir: Path, about: str) -> int:
    listed = subprocess.run([str(MUTMUT), "results", "--all", "true"], cwd=stage_dir, capture_output=True, text=True)
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
        lines = [f"# {module}: mutation score {score:.1f} % ({killed} of {tested} mutants killed)", about,
                 "# " + ", ".join(f"{status}: {n}" for status, n in sorted(counts.items())), ""]
        for name in survivors:
            shown = subprocess.run([str(MUTMUT), "show", name], cwd=stage_dir, capture_output=True, text=True).stdout
            lines += [shown.rstrip(), ""]
        (RESULTS / f"{module.removeprefix('patient_info.')}.txt").write_text("\n".join(lines) + "\n", "utf-8")
        print(lines[0])
    return 0 if by_module else 1


if __name__ == "__main__":
    sys.exit(main())
