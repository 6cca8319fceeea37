#!/usr/bin/env python3
"""The CI recipes of docs/ci/ and the pre-commit hook (.pre-commit-hooks.yaml)
run as written, on the bundled plans (issue 17).

Each runs in a temporary copy of a repository of plans (plans/ and
examples/ of this one) with `plancheck` on PATH a link to the built binary,
as the recipes' install step would leave it; the install step itself is the
one part not run (it needs root and the network).

- GitLab (docs/ci/gitlab-ci.yml): the job's `script:` lines in order, with
  its variables, each as GitLab runs it (bash, -e -o pipefail), stopping at
  the first failure. On the bundled plans every line passes but the last,
  the verdict: exit 1, since the illustrative data has missed milestones.
  Every path under `artifacts:` exists; the JUnit reports parse
  (junitparser), the HTML report is a page. With a broken plan added the
  validate line exits 2 and its JUnit report, written all the same, has the
  broken file as a failure.
- GitHub (docs/ci/github-actions.yml): the `run:` steps of the `check` job,
  each as `bash --noprofile --norc -eo pipefail`, a failed step skipping
  the rest but those with `if: always()`; steps with `uses:` are not run.
  Same expectations, plus annotations on stdout and the markdown summary.
- pre-commit: the hook's `entry` and `args` on the files its `files:`
  pattern selects, as pre-commit passes them: exit 0 on the bundled plans,
  exit 2 once a broken plan is among them."""
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile

import junitparser
import yaml

from support import check, finish

BIN = os.path.abspath(sys.argv[1])
BROKEN = "tests/fixtures/bad/bad-targets.yaml"


def load(path):
    with open(path, encoding="utf-8") as f:
        return yaml.safe_load(f)


def workspace(tmp, broken):
    """A repository of plans, and the environment of a job where plancheck
    is installed."""
    repo = os.path.join(tmp, "repo")
    shutil.copytree("plans", os.path.join(repo, "plans"))
    shutil.copytree("examples", os.path.join(repo, "examples"))
    if broken:
        shutil.copy(BROKEN, os.path.join(repo, "plans", os.path.basename(BROKEN)))
    bindir = os.path.join(tmp, "bin")
    os.mkdir(bindir)
    os.symlink(BIN, os.path.join(bindir, "plancheck"))
    env = dict(os.environ, PATH=bindir + os.pathsep + os.environ["PATH"])
    env.pop("PLANCHECK_LANG", None)
    return repo, env


def run_shell(command, repo, env, log):
    p = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", command], cwd=repo, env=env,
                       capture_output=True, text=True)
    log.append((command, p.returncode, p.stdout, p.stderr))
    return p.returncode


def show(what, log):
    return what + "".join(f"\n  exit {code}: {cmd}\n    {err.strip()[:300]}" for cmd, code, _, err in log)


def check_junit(path, what, failing_file=None):
    try:
        xml = junitparser.JUnitXml.fromfile(path)
    except Exception as e:  # noqa: BLE001 - any parse error is the finding
        check(False, f"{what}: {path} does not parse as JUnit: {e}")
        return
    suites = [xml] if isinstance(xml, junitparser.TestSuite) else list(xml)
    cases = [case for suite in suites for case in suite]
    check(cases, f"{what}: {path} has no test case")
    if failing_file:
        failed = [case for case in cases if any(isinstance(r, (junitparser.Failure, junitparser.Error))
                                                for r in case.result)]
        check(any(failing_file in (case.name or "") + (case.classname or "") for case in failed),
              f"{what}: {path} has no failure for {failing_file}")


def check_html(path, what):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    check("<html" in text.lower() and "</html>" in text.lower(), f"{what}: {path} is not an HTML page")


def check_artifacts(repo, paths, junit, what, failing_file=None):
    for p in paths:
        check(os.path.exists(os.path.join(repo, p)), f"{what}: artifact {p} missing")
    for p in junit:
        if os.path.exists(os.path.join(repo, p)):
            check_junit(os.path.join(repo, p), what, failing_file)
        else:
            check(failing_file is not None, f"{what}: JUnit report {p} missing")
    if failing_file is None:
        pages = [os.path.join(root, f) for p in paths for root, _, files in os.walk(os.path.join(repo, p))
                 for f in files if f.endswith(".html")]
        check(pages, f"{what}: no HTML report among the artifacts")
        for page in pages:
            check_html(page, what)


def is_install(command):
    return re.search(r"\bmake\b.*\binstall\b.*PREFIX=/usr/local", command) is not None


# --- GitLab ---------------------------------------------------------------

def gitlab(broken):
    what = f"gitlab-ci.yml ({'a broken plan' if broken else 'bundled plans'})"
    doc = load("docs/ci/gitlab-ci.yml")
    job = doc["plancheck"]
    check(any(is_install(line) for line in job["before_script"]), f"{what}: before_script does not make install")
    with tempfile.TemporaryDirectory() as tmp:
        repo, env = workspace(tmp, broken)
        env.update({k: str(v) for k, v in {**doc.get("variables", {}), **job.get("variables", {})}.items()})
        log = []
        for line in job["script"]:
            if run_shell(line, repo, env, log) != 0:
                break
        codes = [code for _, code, _, _ in log]
        if broken:
            check(codes[-1] == 2 and "validate" in log[-1][0], show(f"{what}: expected validate to stop the job", log))
        else:
            check(codes == [0] * (len(job["script"]) - 1) + [1],
                  show(f"{what}: expected every line to pass but the verdict (exit 1)", log))
            check("--fail-on" in log[-1][0], f"{what}: the last line is not the verdict")
        artifacts = job["artifacts"]
        check(artifacts.get("when") == "always", f"{what}: artifacts not uploaded when the job fails")
        junit = artifacts["reports"]["junit"]
        if broken:
            check_artifacts(repo, [], junit[:1], what, failing_file=os.path.basename(BROKEN))
        else:
            check_artifacts(repo, artifacts["paths"], junit, what)


# --- GitHub ---------------------------------------------------------------

def github(broken):
    what = f"github-actions.yml ({'a broken plan' if broken else 'bundled plans'})"
    doc = load("docs/ci/github-actions.yml")
    job = doc["jobs"]["check"]
    steps = job["steps"]
    installs = [s for s in steps if s.get("id") == "install"]
    check(len(installs) == 1 and is_install(installs[0].get("run", "")), f"{what}: no install step doing make install")
    with tempfile.TemporaryDirectory() as tmp:
        repo, env = workspace(tmp, broken)
        summary = os.path.join(tmp, "step-summary.md")
        env.update({k: str(v) for k, v in {**doc.get("env", {}), **job.get("env", {})}.items()})
        env["GITHUB_STEP_SUMMARY"] = summary
        log, ran, failed = [], [], False
        for step in steps:
            if "run" not in step or step.get("id") == "install":
                continue
            check("${{" not in step["run"], f"{what}: step {step.get('name')} needs GitHub's expressions to run")
            if failed and "always()" not in str(step.get("if", "")):
                continue
            ran.append(step["name"])
            failed = run_shell(step["run"], repo, env, log) != 0
        codes = dict(zip(ran, (code for _, code, _, _ in log)))
        if broken:
            check(codes == {"Validate": 2}, show(f"{what}: expected Validate alone, exit 2", log))
            check(f"::error file=plans/{os.path.basename(BROKEN)},line=" in log[0][2],
                  f"{what}: no annotation on the broken plan: {log[0][2][:300]}")
        else:
            check(codes == {"Validate": 0, "Reports": 0, "Verdict": 1},
                  show(f"{what}: expected Validate 0, Reports 0, Verdict 1, got {codes}", log))
            check(log[-1][2].startswith("::"), f"{what}: the verdict printed no annotation")
            check(os.path.exists(summary) and "|" in open(summary, encoding="utf-8").read(),
                  f"{what}: no markdown table in the step summary")
            uploads = [s for s in steps if "upload-artifact" in s.get("uses", "")]
            check(len(uploads) == 1 and "always()" in str(uploads[0].get("if")), f"{what}: no upload if: always()")
            path = uploads[0]["with"]["path"]
            junit = [os.path.join(path, f) for f in sorted(os.listdir(os.path.join(repo, path))) if f.endswith(".xml")]
            check(junit, f"{what}: no JUnit report in {path}")
            check_artifacts(repo, [path], junit, what)


# --- pre-commit -------------------------------------------------------------

def selected(hook, repo):
    """The files pre-commit would pass: every file of the repository whose
    path matches `files` and not `exclude` (re.search, as pre-commit does)."""
    files, exclude = re.compile(hook.get("files", "")), re.compile(hook.get("exclude", "^$"))
    found = []
    for root, dirs, names in os.walk(repo):
        dirs.sort()
        for name in sorted(names):
            path = os.path.relpath(os.path.join(root, name), repo).replace(os.sep, "/")
            if files.search(path) and not exclude.search(path):
                found.append(path)
    return found


def pre_commit(broken):
    what = f".pre-commit-hooks.yaml ({'a broken plan' if broken else 'bundled plans'})"
    hooks = {h["id"]: h for h in load(".pre-commit-hooks.yaml")}
    hook = hooks.get("plancheck-validate")
    check(hook is not None, f"{what}: no hook plancheck-validate")
    if hook is None:
        return
    check(hook["language"] == "system", f"{what}: language is not system")
    with tempfile.TemporaryDirectory() as tmp:
        repo, env = workspace(tmp, broken)
        files = selected(hook, repo)
        plans = sorted("plans/" + f for f in os.listdir(os.path.join(repo, "plans")))
        check(files == plans, f"{what}: files: selects {files}, not the plans {plans}")
        command = shlex.split(hook["entry"]) + hook.get("args", []) + files
        p = subprocess.run(command, cwd=repo, env=env, capture_output=True, text=True)
        check(p.returncode == (2 if broken else 0), f"{what}: exit {p.returncode}: {p.stderr[:300]}")
        if broken:
            check(f"plans/{os.path.basename(BROKEN)}:" in p.stderr, f"{what}: the broken plan is not named")


for broken in (False, True):
    gitlab(broken)
    github(broken)
    pre_commit(broken)
finish()
