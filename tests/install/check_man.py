"""The man page names every command and, in its section, every option of
that command, as `plancheck --help` and `plancheck <command> --help` list
them (read from the help text, independently of the generator that walks
the app); groff formats it without a warning.

    check_man.py PLANCHECK MAN_PAGE
"""
import re
import shutil
import subprocess
import sys

binary, page = sys.argv[1], sys.argv[2]
failures = []


def help_text(*args):
    return subprocess.run([binary, *args, "--help"], capture_output=True, text=True, check=True,
                          env={"LANG": "C.UTF-8", "PATH": "/usr/bin:/bin"}).stdout


def section(text, title):
    """The lines of a help section ("Options:", "Subcommands:") up to the next blank line."""
    lines = text.splitlines()
    start = lines.index(title) + 1
    end = next((i for i in range(start, len(lines)) if not lines[i].strip()), len(lines))
    return lines[start:end]


def options(text):
    """Option names and positionals of a command's --help: "-h", "--help", "paths"."""
    names = set()
    for title in ("Positionals:", "Options:"):
        if title not in text.splitlines():
            continue
        for line in section(text, title):
            if line.startswith("  ") and not line.startswith("   "):
                first = line.split()[0]
                names.update(n for n in first.split(",") if n)
    return names


def plain(roff):
    """The man page's text without font changes and escapes: \\- as -, \\e as \\."""
    text = re.sub(r"\\f[BIRP]", "", roff)
    text = re.sub(r"\\\[u([0-9A-F]{4,5})\]", lambda m: chr(int(m.group(1), 16)), text)
    return text.replace("\\-", "-").replace("\\e", "\\").replace("\\&", "")


text = plain(open(page, encoding="ascii").read())
# The page's parts: before the first command section, and one per command.
parts = re.split(r'^\.SS "plancheck (\S+)[^"]*"$', text, flags=re.M)
head, sections = parts[0], dict(zip(parts[1::2], parts[2::2]))

top = help_text()
commands = [line.split()[0] for line in section(top, "Subcommands:")]
if not commands:
    failures.append("no command found in plancheck --help")
for name in sorted(options(top)):
    if not re.search(rf"(^|[\s,]){re.escape(name)}(\s|,|$)", head, flags=re.M):
        failures.append(f"plancheck's option {name} is not in the page's OPTIONS")
for command in commands:
    if not re.search(rf"^\.TP\n{re.escape(command)}\n", head, flags=re.M):
        failures.append(f"command {command} is not listed under COMMANDS")
    if command not in sections:
        failures.append(f"command {command} has no section")
        continue
    for name in sorted(options(help_text(command))):
        if not re.search(rf"^\.TP\n(.*[\s,])?{re.escape(name)}([\s,]|$)", sections[command], flags=re.M):
            failures.append(f"{command}: option {name} is not in its section")
for extra in sorted(set(sections) - set(commands)):
    failures.append(f"the page has a section for {extra}, which --help does not list")

if not shutil.which("groff"):
    failures.append("groff is not installed (Debian groff-base: scripts/ensure-deps.sh test)")
else:
    run = subprocess.run(["groff", "-man", "-ww", "-z", "-Tutf8", page], capture_output=True, text=True)
    if run.returncode != 0 or run.stderr:
        failures.append(f"groff: {run.stderr.strip() or run.returncode}")

for f in failures:
    print(f)
print(f"{len(commands)} commands checked; {len(failures)} failures")
sys.exit(1 if failures else 0)
