"""Every relative link in README.md and docs/**/*.md leads somewhere: the
file exists inside the repository, and an #anchor names a heading of the
target page, slugged as GitHub slugs headings (lower case, spaces to '-',
punctuation and symbols dropped, letters of any script kept: 'Maintained
targets (duy trì)' is #maintained-targets-duy-trì; a repeated heading gets
-1, -2, ...). Links inside code are not links. Absolute URLs are not
fetched.

    check_links.py [BINARY]        check the repository (BINARY is ignored:
                                   CTest passes the plancheck binary to every
                                   end-to-end script)
    check_links.py --self-test     check the checker on a small sample with
                                   known good and broken links
"""
import os
import re
import sys
import tempfile
import unicodedata
from pathlib import Path
from urllib.parse import unquote

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from support import check, finish  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]

# --- GitHub's heading slugs -------------------------------------------------

# github-slugger drops these Unicode categories (but keeps letters, marks,
# decimal and letter numbers, '_' and '-'); spaces become '-'.
_DROPPED = {"No", "Pd", "Pe", "Pf", "Pi", "Po", "Ps", "Sc", "Sk", "Sm", "So",
            "Cc", "Cf", "Cn", "Co", "Cs", "Zl", "Zp", "Zs"}


def _keep(c):
    if c in " -":
        return True
    return c.isalpha() or unicodedata.category(c) not in _DROPPED


def slug(heading_text):
    text = rendered(heading_text).strip().lower()
    return "".join(c for c in text if _keep(c)).replace(" ", "-")


def rendered(markdown):
    """The text of inline Markdown as a reader sees it: code spans keep
    their content, links and images their text, emphasis and HTML tags go."""
    text = re.sub(r"(`+)(.+?)\1", lambda m: m.group(2).strip(), markdown)
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"!?\[([^\]]*)\]\[[^\]]*\]", r"\1", text)
    text = re.sub(r"<[^>]+>", "", text)
    return text.replace("**", "").replace("*", "")


# --- reading Markdown ----------------------------------------------------------

FENCE = re.compile(r"^\s*(`{3,}|~{3,})")
ATX = re.compile(r"^ {0,3}(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$")
SETEXT = re.compile(r"^ {0,3}(=+|-+)[ \t]*$")
HTML_ANCHOR = re.compile(r"""<a\s[^>]*\b(?:id|name)\s*=\s*["']([^"']+)["']""", re.I)
REF_DEF = re.compile(r"^ {0,3}\[[^\]]+\]:\s*<?([^\s>]+)>?")
HTML_LINK = re.compile(r"""<(?:a|img)\s[^>]*\b(?:href|src)\s*=\s*["']([^"']+)["']""", re.I)


def prose_lines(text):
    """(line number, line) outside fenced code blocks."""
    fence = None
    for number, line in enumerate(text.split("\n"), 1):
        m = FENCE.match(line)
        if fence:
            if m and m.group(1)[0] == fence[0] and len(m.group(1)) >= len(fence) and not line.strip()[len(m.group(1)):].strip():
                fence = None
            continue
        if m:
            fence = m.group(1)
            continue
        yield number, line


def anchors(text):
    """Every #anchor a page has: its headings' slugs and explicit anchors."""
    seen = {}
    found = set()
    previous = None
    for _, line in prose_lines(text):
        heading = None
        m = ATX.match(line)
        if m:
            heading = m.group(2)
        elif previous is not None and SETEXT.match(line) and previous.strip() and not previous.lstrip().startswith(("|", "-", "*", ">", "#")):
            heading = previous
        if heading is not None:
            base = slug(heading)
            s = base
            while s in seen:  # github-slugger: -1, -2, ... until unused
                seen[base] += 1
                s = f"{base}-{seen[base]}"
            seen[s] = 0
            found.add(s)
        found.update(HTML_ANCHOR.findall(line))
        previous = None if m else line
    return found


def without_code_spans(line):
    return re.sub(r"(`+)(.+?)\1", lambda m: " " * len(m.group(0)), line)


def inline_destinations(line):
    """The destinations of [text](dest) and ![alt](dest) on a line."""
    out = []
    i = 0
    while True:
        i = line.find("](", i)
        if i < 0:
            return out
        j = i + 2
        while j < len(line) and line[j] in " \t":
            j += 1
        if j < len(line) and line[j] == "<":
            end = line.find(">", j)
            if end > 0:
                out.append(line[j + 1:end])
            i = j
            continue
        depth, k = 0, j
        while k < len(line) and not line[k].isspace():
            if line[k] == "(":
                depth += 1
            elif line[k] == ")":
                if depth == 0:
                    break
                depth -= 1
            k += 1
        if k > j:
            out.append(line[j:k])
        i = k


def links(text):
    """(line number, destination) of every link outside code."""
    for number, line in prose_lines(text):
        prose = without_code_spans(line)
        m = REF_DEF.match(prose)
        if m:
            yield number, m.group(1)
        for dest in inline_destinations(prose):
            yield number, dest
        for dest in HTML_LINK.findall(prose):
            yield number, dest


# --- checking ------------------------------------------------------------------

ABSOLUTE = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*:|//)")
LINE_ANCHOR = re.compile(r"^L\d+(-L\d+)?$")


def pages(root):
    found = [root / "README.md"] if (root / "README.md").exists() else []
    found += sorted((root / "docs").rglob("*.md")) if (root / "docs").is_dir() else []
    return found


def problems(root):
    """Every broken link under root, as 'file:line: message'."""
    root = root.resolve()
    anchor_cache = {}

    def anchors_of(path):
        if path not in anchor_cache:
            anchor_cache[path] = anchors(path.read_text(encoding="utf-8"))
        return anchor_cache[path]

    out = []
    for page in pages(root):
        rel = page.relative_to(root)
        for number, dest in links(page.read_text(encoding="utf-8")):
            where = f"{rel}:{number}"
            if ABSOLUTE.match(dest):
                continue
            path_part, _, anchor = dest.partition("#")
            path_part, anchor = unquote(path_part), unquote(anchor)
            if path_part.startswith("/"):
                target = (root / path_part.lstrip("/")).resolve()
            else:
                target = (page.parent / path_part).resolve() if path_part else page
            if target != root and root not in target.parents:
                out.append(f"{where}: link \"{dest}\" points outside the repository")
                continue
            if not target.exists():
                out.append(f"{where}: link \"{dest}\": no such file {target.relative_to(root)}")
                continue
            if not anchor:
                continue
            if target.suffix.lower() == ".md" and target.is_file():
                if anchor not in anchors_of(target):
                    out.append(f"{where}: link \"{dest}\": no heading #{anchor} in {target.relative_to(root)}")
            elif not (target.is_file() and LINE_ANCHOR.match(anchor)):
                out.append(f"{where}: link \"{dest}\": #{anchor} is not an anchor of {target.relative_to(root)}")
    return out


# --- self-test -----------------------------------------------------------------

SAMPLE_README = """\
# Sample

See [the guide](docs/guide.md), [its second part](docs/guide.md#part-two),
[a Vietnamese heading](docs/guide.md#chỉ-tiêu-đạt-chuẩn),
[the same, percent-encoded](docs/guide.md#ch%E1%BB%89-ti%C3%AAu-%C4%91%E1%BA%A1t-chu%E1%BA%A9n),
[the second "Notes"](docs/guide.md#notes-1), [a setext heading](docs/guide.md#setext-heading),
[an explicit anchor](docs/guide.md#custom), [the docs folder](docs/), ![an image](docs/pic.png "a title"),
[angle brackets](<docs/guide.md>), [a line of a plan](plan.yaml#L3), [the web](https://example.org/x.md),
[mail](mailto:someone@example.org) and [this page](#sample) [by reference][ref].

[ref]: docs/guide.md#version-11

Broken: [no such file](docs/missing.md), [no such heading](docs/guide.md#part-three),
[nor here](#nowhere), [outside](../outside.md), [a heading of a YAML file](plan.yaml#targets).

`[in a code span](docs/missing.md)` is not a link.

```markdown
[in a fenced block](docs/missing.md) is not a link either.
```
"""

SAMPLE_GUIDE = """\
# Guide

## Part two

## Chỉ tiêu đạt chuẩn

## Notes

## Notes

Setext heading
--------------

<a id="custom"></a>

## Version 1.1

Back [home](../README.md#sample), broken [back home](../README.md#samples).
"""

EXPECTED = [
    'README.md:13: link "docs/missing.md": no such file docs/missing.md',
    'README.md:13: link "docs/guide.md#part-three": no heading #part-three in docs/guide.md',
    'README.md:14: link "#nowhere": no heading #nowhere in README.md',
    'README.md:14: link "../outside.md" points outside the repository',
    'README.md:14: link "plan.yaml#targets": #targets is not an anchor of plan.yaml',
    'docs/guide.md:18: link "../README.md#samples": no heading #samples in README.md',
]

SLUGS = {
    "Version 1.1": "version-11",
    "`--json-style`": "--json-style",
    "Recognitions that expire (`valid_for: N`)": "recognitions-that-expire-valid_for-n",
    "Maintained targets (`duy trì`)": "maintained-targets-duy-trì",
    "Nothing selected (semantics.md 1.1 §8)": "nothing-selected-semanticsmd-11-8",
    "Xã Hà Đông — audit of the transcription": "xã-hà-đông--audit-of-the-transcription",
    "Stages on the plan's schedule": "stages-on-the-plans-schedule",
    '"About" targets and ranges follow `better`': "about-targets-and-ranges-follow-better",
    "[Linked](x.md) **bold** heading": "linked-bold-heading",
    "Languages: `--lang vi|en`": "languages---lang-vien",
}


def self_test():
    for text, expected in SLUGS.items():
        check(slug(text) == expected, f"slug({text!r}) is {slug(text)!r}, expected {expected!r}")
    with tempfile.TemporaryDirectory() as d:
        root = Path(d) / "repo"
        (root / "docs").mkdir(parents=True)
        (root / "README.md").write_text(SAMPLE_README, encoding="utf-8")
        (root / "docs" / "guide.md").write_text(SAMPLE_GUIDE, encoding="utf-8")
        (root / "docs" / "pic.png").write_bytes(b"\x89PNG")
        (root / "plan.yaml").write_text("plancheck: 1\n", encoding="utf-8")
        (Path(d) / "outside.md").write_text("# Outside\n", encoding="utf-8")
        found = problems(root)
        check(found == EXPECTED, "on the sample:\n  found:    " + "\n            ".join(found)
              + "\n  expected: " + "\n            ".join(EXPECTED))
        # Without the broken links the sample passes.
        for name in ("README.md", "docs/guide.md"):
            text = (root / name).read_text(encoding="utf-8")
            kept = [line for line in text.split("\n") if "roken" not in line and "[nor here]" not in line]
            (root / name).write_text("\n".join(kept), encoding="utf-8")
        clean = problems(root)
        check(clean == [], f"the sample without its broken links still has problems: {clean}")


def main():
    if "--self-test" in sys.argv[1:]:
        self_test()
    else:
        checked = pages(ROOT)
        count = sum(1 for page in checked for _ in links(page.read_text(encoding="utf-8")))
        print(f"{count} links in {len(checked)} pages")
        check(len(checked) > 1 and count > 0, f"no Markdown pages with links found under {ROOT}")
        for p in problems(ROOT):
            check(False, p)
    finish()


if __name__ == "__main__":
    main()
