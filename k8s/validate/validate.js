#!/usr/bin/env node
"use strict";
// Validates rendered Kubernetes manifests offline (run by ./run, which renders
// the overlays with `kubectl kustomize`):
//
//   node validate.js --name overlays/prod rendered.yaml
//
// Every object is checked against its API's schema, with unknown fields
// refused (lib/schemas.js), then against jixiao's rules for workloads, the
// services, references and alerts (lib/rules.js). Prints one line per error,
// naming the object and the field path, and exits 1 if there is any; on
// success prints a summary and the Secrets the manifests expect to exist.

const fs = require("fs");
const YAML = require("yaml");
const { locateModel, validateValues, FieldChecker } = require("./lib/schemas");
const { checkRules, objectName } = require("./lib/rules");

function usage() {
  console.error("usage: node validate.js [--name NAME] FILE.yaml");
  process.exit(2);
}

function main(argv) {
  let name;
  const files = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--name") name = argv[++i];
    else if (argv[i].startsWith("-")) usage();
    else files.push(argv[i]);
  }
  if (files.length !== 1) usage();
  const file = files[0];
  name = name || file;

  const errors = [];
  const objects = [];
  // YAML 1.1, as the API server's YAML decoder reads it (0440 is octal, yes is true).
  const documents = YAML.parseAllDocuments(fs.readFileSync(file, "utf8"), { version: "1.1" });
  documents.forEach((document, i) => {
    for (const e of document.errors) errors.push({ object: `document ${i + 1}`, path: "(yaml)", message: e.message });
    if (document.errors.length > 0) return;
    const object = document.toJS();
    if (object === null || object === undefined) return;
    if (typeof object !== "object" || Array.isArray(object)) {
      errors.push({ object: `document ${i + 1}`, path: "(object)", message: "is not a mapping" });
      return;
    }
    objects.push(object);
  });
  if (objects.length === 0 && errors.length === 0) {
    errors.push({ object: name, path: "(render)", message: "has no objects" });
  }

  const located = [];
  for (const object of objects) {
    const location = locateModel(object.apiVersion, object.kind);
    if (location.error) {
      errors.push({ object: objectName(object), path: "apiVersion/kind", message: `${location.error}: refused` });
      continue;
    }
    for (const e of validateValues(location.model, object)) errors.push({ object: objectName(object), ...e });
    located.push({ object, location });
  }
  if (located.length > 0) {
    const fields = new FieldChecker(located.map((l) => l.location));
    for (const { object, location } of located) {
      for (const e of fields.check(location, object)) errors.push({ object: objectName(object), ...e });
    }
  }

  // The rules read the objects as the schemas describe them: only when every
  // object passed (or their messages would follow from the schema errors).
  let expectedSecrets = new Map();
  let secretMakers = new Map();
  if (errors.length === 0) {
    const result = checkRules(objects);
    errors.push(...result.errors);
    expectedSecrets = result.expectedSecrets;
    secretMakers = result.secretMakers;
  } else {
    const result = checkRules(objects.filter((o) => located.some((l) => l.object === o)));
    errors.push(...result.errors);
  }

  if (errors.length > 0) {
    for (const e of errors) console.log(`FAIL ${name}: ${e.object}: ${e.path}: ${e.message}`);
    console.log(`${name}: ${errors.length} error${errors.length === 1 ? "" : "s"} in ${objects.length} objects`);
    return 1;
  }
  const kinds = new Map();
  for (const object of objects) kinds.set(object.kind, (kinds.get(object.kind) || 0) + 1);
  console.log(
    `ok ${name}: ${objects.length} objects (${[...kinds].map(([k, n]) => `${n} ${k}`).join(", ")}) pass the schemas, with unknown fields refused, and the rules`,
  );
  for (const [secret, keys] of [...expectedSecrets].sort()) {
    const keyList = keys.size ? ` (keys: ${[...keys].sort().join(", ")})` : "";
    console.log(`  expects Secret ${secret}${keyList}: ${secretMakers.get(secret) || "created by you"}`);
  }
  return 0;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (e) {
  console.log(`FAIL: ${e.stack || e}`);
  process.exitCode = 1;
}
