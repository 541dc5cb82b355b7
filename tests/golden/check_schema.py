#!/usr/bin/env python3
"""Validates JSON outputs against docs/schema/*.schema.json.

    check_schema.py SCHEMA_DIR FILE...

Exits 77 (CTest's skip code here) when the jsonschema package is missing.
"""
import json
import sys

try:
    import jsonschema
    from referencing import Registry, Resource
except ImportError:
    print("jsonschema (python3) is not installed: schema check skipped")
    sys.exit(77)


def main():
    schema_dir, files = sys.argv[1], sys.argv[2:]
    schemas = {}
    for name in ("scan", "score", "classify", "match"):
        with open("%s/%s.schema.json" % (schema_dir, name)) as f:
            schemas[name] = json.load(f)
    registry = Registry().with_resources(
        (s["$id"], Resource.from_contents(s)) for s in schemas.values())
    bad = 0
    for path in files:
        with open(path) as f:
            if path.endswith(".jsonl"):   # every line a classification
                docs = [json.loads(line) for line in f if line.strip()]
                kind = "classify"
            else:
                docs = [json.load(f)]
                sid = docs[0].get("$schema", "")
                kind = "score" if "score" in sid else "match" if "match" in sid else "scan"
        validator = jsonschema.Draft202012Validator(schemas[kind], registry=registry)
        errors = [e for d in docs for e in validator.iter_errors(d)]
        for e in errors[:5]:
            print("%s: %s at %s" % (path, e.message[:200], "/".join(map(str, e.absolute_path))))
        bad += bool(errors)
    print("%d passed, %d failed" % (len(files) - bad, bad))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
