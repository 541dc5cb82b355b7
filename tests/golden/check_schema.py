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
    def line_kind(line):
        """A JSON Lines record: a classification, a score document entry, or
        a match posting entry (with the resume's name and warnings)."""
        if "posting" in line and "resume" in line:
            rest = {k: v for k, v in line.items() if k not in ("resume", "resume_warnings")}
            ok = isinstance(line["resume"], str) and all(
                isinstance(w, str) for w in line.get("resume_warnings", [None]))
            return ({"$ref": schemas["match"]["$id"] + "#/properties/postings/items"}, rest,
                    ok)
        if "input" in line and "id" not in line:
            return ({"$ref": schemas["score"]["$id"] + "#/properties/documents/items"}, line,
                    True)
        return schemas["classify"], line, True

    bad = 0
    for path in files:
        with open(path) as f:
            if path.endswith(".jsonl"):
                checks = [line_kind(json.loads(line)) for line in f if line.strip()]
            else:
                doc = json.load(f)
                sid = doc.get("$schema", "")
                kind = "score" if "score" in sid else "match" if "match" in sid else "scan"
                checks = [(schemas[kind], doc, True)]
        errors = []
        for schema, doc, ok in checks:
            if not ok:
                errors.append("resume or resume_warnings of the wrong type")
            validator = jsonschema.Draft202012Validator(schema, registry=registry)
            errors += ["%s at %s" % (e.message[:200], "/".join(map(str, e.absolute_path)))
                       for e in validator.iter_errors(doc)]
        for e in errors[:5]:
            print("%s: %s" % (path, e))
        bad += bool(errors)
    print("%d passed, %d failed" % (len(files) - bad, bad))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
