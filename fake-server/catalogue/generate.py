#!/usr/bin/env python3
"""Builds the fake's operation catalogue from the reference notes on the AIWorkSpace API.

    python3 fake-server/catalogue/generate.py PATH/TO/aiworkspace-operations.md

The notes (``aiworkspace-operations.md``, kept outside this repository, each fact with its source in the SDK
``aliyun/alibabacloud-java-sdk`` ``aiworkspace-20210204`` and the API metadata) list every operation of the API
version 2021-02-04 in tables of one shape. This script reads them and writes, deterministically:

- ``fake-server/src/main/resources/io/github/paiworkspacefake/server/catalogue/aiworkspace-2021-02-04.json``:
  every operation (name, family, method, path, parameters with where they travel, type, required flag, enum, length
  limits and list encoding, the answer's fields with their JSON types and spelling, the list operations' paging) and
  the shared models the answers refer to. Never edit it by hand: the fake's own decisions, and corrections where the
  sources disagree, live in ``catalogue-overlay.json`` beside it, each with its reason.
- ``fake-server/src/main/java/io/github/paiworkspacefake/server/Operation.java``: the public enum naming every
  operation of the catalogue and of the overlay.

Nothing here is run by the build; run it when the notes are refreshed, review the diff, and let the tests
(CatalogueFactsTest, CatalogueConsistencyTest) say what changed.
"""
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OUT_JSON = ROOT / "fake-server/src/main/resources/io/github/paiworkspacefake/server/catalogue/aiworkspace-2021-02-04.json"
OVERLAY = OUT_JSON.parent / "catalogue-overlay.json"
OUT_ENUM = ROOT / "fake-server/src/main/java/io/github/paiworkspacefake/server/Operation.java"

HEADING = re.compile(r"^#### (\w+): `(GET|POST|PUT|DELETE) (\S+)`\s*$")
FAMILY = re.compile(r"^### 2\.\d+ (.+?) \(\d+ operations\)\s*$")
MODEL = re.compile(r"^### A\.\d+ `(\w+)` ")
ENUM_SECTION = "## D. Enumerations"

FAMILY_NAMES = {
    "Resource (workspace resources)": "Resource",
    "Config (workspace config)": "Config",
    "Other / internal": "Other",
}


def cells(line):
    parts = line.rstrip("\n").split("|")
    return [p.strip() for p in parts[1:-1]]


def unquote(text):
    text = text.strip()
    if text.startswith("`") and text.endswith("`"):
        return text[1:-1]
    return text


def java_type(text):
    """The catalogue type of a request parameter's Java type."""
    t = unquote(text)
    simple = {
        "String": {"type": "string"},
        "Long": {"type": "integer", "format": "int64"},
        "Integer": {"type": "integer", "format": "int32"},
        "Float": {"type": "number", "format": "float"},
        "Double": {"type": "number", "format": "double"},
        "Boolean": {"type": "boolean"},
        "Object": {"type": "any"},
        "Map<String,?>": {"type": "map", "values": {"type": "any"}},
        "Map<String,String>": {"type": "map", "values": {"type": "string"}},
        "{…}": {"type": "object", "fields": []},
        "?": {"type": "any"},
    }
    if t in simple:
        return json.loads(json.dumps(simple[t]))
    m = re.fullmatch(r"List<(.+)>", t)
    if m:
        return {"type": "array", "items": java_type(m.group(1))}
    if re.fullmatch(r"[A-Z]\w+", t):
        return {"type": "object", "ref": t}
    raise ValueError("unknown Java type " + t)


def json_type(text):
    """The catalogue type of an answer field's JSON type."""
    t = text.strip()
    m = re.fullmatch(r"integer\((int32|int64)\)", t)
    if m:
        return {"type": "integer", "format": m.group(1)}
    if t == "string":
        return {"type": "string"}
    if t == "boolean":
        return {"type": "boolean"}
    if t in ("number", "number(float)", "number(double)"):
        return {"type": "number"}
    if t == "object(map)":
        return {"type": "map", "values": {"type": "any"}}
    if t == "object":
        return {"type": "object", "fields": []}
    m = re.fullmatch(r"object (\w+)", t)
    if m:
        return {"type": "object", "ref": m.group(1)}
    if t == "array of string":
        return {"type": "array", "items": {"type": "string"}}
    if t == "array of object":
        return {"type": "array", "items": {"type": "object", "fields": []}}
    m = re.fullmatch(r"array of object (\w+)", t)
    if m:
        return {"type": "array", "items": {"type": "object", "ref": m.group(1)}}
    m = re.fullmatch(r"array of (integer\((?:int32|int64)\)|boolean|number)", t)
    if m:
        return {"type": "array", "items": json_type(m.group(1))}
    if t == "array of object(map)":
        return {"type": "array", "items": {"type": "map", "values": {"type": "any"}}}
    if t == "array of array":
        return {"type": "array", "items": {"type": "array", "items": {"type": "any"}}}
    if t in ("any", "?", ""):
        return {"type": "any"}
    raise ValueError("unknown JSON type " + t)


def place(fields, path, entry):
    """Puts a field under its parent: `A[].B` is B of A's items, `A.B` is B of object A."""
    parts = re.split(r"(\[\]\.|\.)", path)
    container = fields
    name = parts[0]
    i = 1
    while i < len(parts):
        parent = next((f for f in container if f["name"] == name), None)
        if parent is None:
            raise ValueError("no parent " + name + " for " + path)
        holder = parent["items"] if parts[i] == "[]." else parent
        while holder.get("type") == "array":
            holder = holder["items"]
        if holder.get("type") == "map":
            # a map whose values are documented: they become the map's declared fields
            holder.setdefault("valueFields", [])
            container = holder["valueFields"]
        else:
            # a nested class of the SDK's model, named like a model: its documented members make it inline
            holder.pop("ref", None)
            holder.setdefault("fields", [])
            container = holder["fields"]
        name = parts[i + 1]
        i += 2
    container.append({"name": name, **entry})


VALID_VALUES = re.compile(r"Valid values?:(.*)", re.S)


def bullet_values(notes):
    """Enum values stated as `Valid values: • A: … • B: …` in complete (not cut) notes."""
    if notes.endswith("…"):
        return None
    m = VALID_VALUES.search(notes)
    if not m or "•" not in m.group(1):
        return None
    values = []
    for bullet in m.group(1).split("•")[1:]:
        head = bullet.strip()
        token = re.match(r"([A-Za-z0-9_.\-]+(?: [A-Z][a-z0-9]+)?)\s*(?:\(default\))?\s*(?::|$|\s)", head)
        if not token:
            return None
        values.append(token.group(1).strip())
    return values or None


LENGTH_PATTERNS = [
    (re.compile(r"(\d+) to (\d+) characters"), lambda m: (int(m.group(1)), int(m.group(2)))),
    (re.compile(r"cannot exceed (\d+) characters"), lambda m: (None, int(m.group(1)))),
    (re.compile(r"up to (\d+) characters"), lambda m: (None, int(m.group(1)))),
    (re.compile(r"at most (\d+) characters"), lambda m: (None, int(m.group(1)))),
]


def length_limits(notes):
    for pattern, limits in LENGTH_PATTERNS:
        m = pattern.search(notes)
        if m:
            return limits(m)
    return None


def comma_list(notes):
    lowered = notes.lower()
    return ("comma" in lowered and ("separate" in lowered or "comma-separated" in lowered)) or "separated by commas" in lowered


def parse(text):
    lines = text.splitlines()
    operations = []
    models = {}
    enums = []  # (wire name, values, classes)
    defaults = {}  # (operation, PageSize or MaxResults): the default the notes state
    family = None
    i = 0
    section = None
    while i < len(lines):
        line = lines[i]
        if line.startswith("## "):
            section = line
        m = FAMILY.match(line)
        if m:
            family = FAMILY_NAMES.get(m.group(1), m.group(1))
        m = HEADING.match(line)
        if m and section and section.startswith("## 2."):
            op = {"name": m.group(1), "family": family, "method": m.group(2), "path": m.group(3)}
            i += 1
            summary = []
            while i < len(lines) and not lines[i].startswith("Sources:"):
                if lines[i].strip():
                    summary.append(lines[i].strip())
                i += 1
            op["summary"] = " ".join(summary)
            params, i = read_table(lines, i, "Request:")
            response, i = read_table(lines, i, "Response")
            op["parameters"] = request_parameters(params)
            op["response"] = response_fields(response)
            operations.append(op)
            continue
        m = MODEL.match(line)
        if m and section and section.startswith("## A."):
            name = m.group(1)
            rows, i = read_table(lines, i + 1, "")
            fields = []
            for row in rows:
                field, _java, jtype, example, notes = row[:5]
                entry = json_type(jtype)
                place(fields, unquote(field), entry)
            models[name] = {"fields": fields}
            continue
        m = re.match(r"^- (\w+)\.(PageSize|MaxResults): (.*)$", line)
        if m and section and section.startswith("## C."):
            d = re.search(r"[Dd]efault(?: value)?(?: is|:)? (\d+)", m.group(3))
            if d:
                defaults[(m.group(1), m.group(2))] = int(d.group(1))
        if line.startswith(ENUM_SECTION):
            rows, i = read_table(lines, i + 1, "")
            for wire, values, classes in rows:
                enums.append((wire.strip("` "), [v.strip().strip("`") for v in values.split("`, `")], classes))
            continue
        i += 1
    for op in operations:
        for param in ("PageSize", "MaxResults"):
            if (op["name"], param) in defaults:
                op["default" + param] = defaults[(op["name"], param)]
    return operations, models, enums


def read_table(lines, i, marker):
    """Rows of the first table at or after line i (after a line starting with marker, when given)."""
    if marker:
        while i < len(lines) and not lines[i].startswith(marker):
            if lines[i].startswith("#### "):
                raise ValueError("no " + marker + " before " + lines[i])
            i += 1
    while i < len(lines) and not lines[i].startswith("|"):
        i += 1
    rows = []
    i += 2  # header and rule
    while i < len(lines) and lines[i].startswith("|"):
        rows.append(cells(lines[i]))
        i += 1
    return rows, i


def request_parameters(rows):
    params = []
    for row in rows:
        name, where, jtype, req, example, notes = row[:6]
        name = unquote(name)
        entry = java_type(jtype)
        if where.startswith("query (list→"):
            entry["encoding"] = "simple" if "simple" in where else "json"
        if req.startswith("Y") or where == "path":
            entry["required"] = True
        if "[M25]: N" in req:
            entry["note"] = "required in the SDK (followed here), optional in the API metadata [M25]"
        if example:
            entry["example"] = unquote(example)
        limits = length_limits(notes) if entry["type"] == "string" else None
        if limits:
            if limits[0] is not None:
                entry["minLength"] = limits[0]
            entry["maxLength"] = limits[1]
        if entry["type"] == "string" and where == "query" and comma_list(notes):
            entry["encoding"] = "commaSeparated"
        values = bullet_values(notes)
        if values and entry["type"] == "string" and entry.get("encoding") is None:
            entry["enumFromNotes"] = values
        if where == "↳":
            place(params, name, entry)
        else:
            entry = {"name": name, "in": where.split(" ")[0], **entry}
            params.append(entry)
    return params


def response_fields(rows):
    fields = []
    for row in rows:
        name, jtype = unquote(row[0]), row[1]
        place(fields, name, json_type(jtype))
    return fields


def enum_for(op_name, param_name, enums):
    for wire, values, classes in enums:
        if wire != param_name:
            continue
        names = [c.strip() for c in re.split(r",|\+\d+ more", classes) if c.strip()]
        if op_name + "Request" in names or op_name + "ShrinkRequest" in names:
            return values
    return None


def paging(op):
    names = {p["name"] for p in op["parameters"] if p["in"] == "query"}
    styles = []
    if "PageNumber" in names or "PageSize" in names:
        styles.append("pageNumber")
    if "NextToken" in names:
        styles.append("nextToken")
    if "PageToken" in names:
        styles.append("pageToken")
    return styles


def finish(operations, enums):
    for op in operations:
        for p in op["parameters"]:
            declared = enum_for(op["name"], p["name"], enums) if p["type"] == "string" else None
            if declared:
                p["enum"] = declared
                p.pop("enumFromNotes", None)
            elif "enumFromNotes" in p:
                p["enum"] = p.pop("enumFromNotes")
        styles = paging(op)
        if styles and op["name"].startswith("List"):
            op["paging"] = styles
        arrays = [f["name"] for f in op["response"] if f["type"] == "array"]
        if op["name"].startswith("List") and len(arrays) == 1:
            op["items"] = arrays[0]


def refs(value):
    if isinstance(value, dict):
        if "ref" in value:
            yield value["ref"]
        for v in value.values():
            yield from refs(v)
    elif isinstance(value, list):
        for v in value:
            yield from refs(v)


def drop_empty(value):
    if isinstance(value, dict):
        return {k: drop_empty(v) for k, v in value.items() if not (k == "fields" and v == [] and value.get("type") == "object" and False)}
    if isinstance(value, list):
        return [drop_empty(v) for v in value]
    return value


def write_enum(operations, overlay):
    names = [(op["name"], op["method"], op["path"], op["summary"], op["family"]) for op in operations]
    for name, extra in overlay.get("operations", {}).items():
        if "add" in extra:
            add = extra["add"]
            names.append((name, add["method"], add["path"], add["summary"], add["family"]))
    lines = [
        "package io.github.paiworkspacefake.server;",
        "",
        "/**",
        " * Every operation of the AIWorkSpace API (2021-02-04) by its name in the API reference, as the fake's operation",
        " * catalogue declares them: the 127 of the current SDK and CreateDefaultWorkspace, which the SDK dropped in 2022 and",
        " * the fake still serves. An operation the fake does not serve yet is answered {@code 501 NotImplemented}, journaled",
        " * under its name and can be given faults like any other; docs/coverage.md lists which are served.",
        " *",
        " * <p>Generated from the catalogue by {@code fake-server/catalogue/generate.py}; a test checks that the two agree.",
        " */",
        "public enum Operation {",
    ]
    body = []
    for name, method, path, summary, family in names:
        first = summary.split(". ")[0].rstrip(".")
        shown = path
        body.append("    /** {@code " + method + " " + shown + "}: " + html(first) + ". */")
        body.append("    " + name + "(\"" + family + "\", \"" + method + "\", \"" + path + "\"),")
    body[-1] = body[-1][:-1] + ";"
    lines += body
    lines += [
        "",
        "    private final String family;",
        "    private final String method;",
        "    private final String route;",
        "",
        "    Operation(String family, String method, String route) {",
        "        this.family = family;",
        "        this.method = method;",
        "        this.route = route;",
        "    }",
        "",
        "    /** The family the API reference puts the operation in, such as {@code Workspace} or {@code DatasetVersion}. */",
        "    public String family() {",
        "        return family;",
        "    }",
        "",
        "    /** The HTTP method. */",
        "    public String method() {",
        "        return method;",
        "    }",
        "",
        "    /** The route, with path parameters in braces. */",
        "    public String route() {",
        "        return route;",
        "    }",
        "}",
        "",
    ]
    OUT_ENUM.write_text("\n".join(lines))


def html(text):
    return (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("@", "&#64;")
            .replace("*/", "*&#47;"))


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    source = Path(sys.argv[1])
    operations, models, enums = parse(source.read_text(encoding="utf-8"))
    finish(operations, enums)
    unresolved = sorted(set(refs(operations)) | set(refs(models)) - set(models))
    unresolved = [r for r in unresolved if r not in models]
    if unresolved:
        sys.exit("answers refer to models the notes do not list: %s" % unresolved)
    if len(operations) != 127:
        sys.exit("expected 127 operations, read %d" % len(operations))
    catalogue = {
        "api": "AIWorkSpace",
        "version": "2021-02-04",
        "generatedFrom": "aiworkspace-operations.md: aliyun/alibabacloud-java-sdk @ 0c9f50ec9a575ddd5c710028e8d7354bca32260d, aiworkspace-20210204 7.3.1, with the API metadata of dew-serverless/acs-sdk-php",
        "generatedBy": "fake-server/catalogue/generate.py (do not edit; corrections go to catalogue-overlay.json)",
        "operations": operations,
        "models": dict(sorted(models.items())),
    }
    OUT_JSON.parent.mkdir(parents=True, exist_ok=True)
    OUT_JSON.write_text(json.dumps(catalogue, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    overlay = json.loads(OVERLAY.read_text(encoding="utf-8")) if OVERLAY.exists() else {}
    write_enum(operations, overlay)
    print("wrote %d operations and %d models to %s" % (len(operations), len(models), OUT_JSON.relative_to(ROOT)))


if __name__ == "__main__":
    main()
