"""The check helper every end-to-end script in Tests/cli uses: one `ok NAME` / `FAIL NAME` line per
check (run.sh counts them), and a closing `LABEL: N passed, N failed` with the exit code."""
import sys

passed = failed = 0


def check(name, condition, detail=""):
    global passed, failed
    if condition:
        passed += 1
        print(f"ok   {name}")
    else:
        failed += 1
        print(f"FAIL {name}" + (f"\n     {detail}" if detail else ""))


def finish(label):
    """Prints the counts and exits 1 when any check failed."""
    print(f"{label}: {passed} passed, {failed} failed")
    sys.exit(1 if failed else 0)
