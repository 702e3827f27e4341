"""Validates a JSON document against a JSON Schema (draft 2020-12) with Debian's python3-jsonschema.

usage: check_schema.py <schema.json> <document.json>; prints one line per error, exit 1 when invalid.
"""
import json
import sys

import jsonschema

schema = json.load(open(sys.argv[1], encoding="utf-8"))
jsonschema.Draft202012Validator.check_schema(schema)
errors = list(jsonschema.Draft202012Validator(schema).iter_errors(json.load(open(sys.argv[2], encoding="utf-8"))))
for error in errors[:20]:
    print("/".join(str(p) for p in error.absolute_path) or "(root)", ":", error.message[:300])
sys.exit(1 if errors else 0)
