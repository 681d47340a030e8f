"use strict";
// Schema validation of rendered objects, offline, against the published
// Kubernetes API schemas as packaged by kubernetes-models (the built-in APIs)
// and the @kubernetes-models packages of the CRDs the overlays use.
//
// Every object must name, by apiVersion and kind, a model of one of those
// packages: an unknown group, version or kind is an error, as is an alpha or
// beta version. Then two checks:
//
//  1. Values: the model's validate(), the API's JSON schema as the package
//     compiled it (types, enums, formats, required fields).
//  2. Field names: that compiled schema lets properties it does not know
//     through, so a misspelt `replicass` or `readinessProbee` would pass it.
//     Every field of the object is therefore also looked up, recursively, in
//     the TypeScript declaration the package generates from the same schema:
//     a field the declaration lacks is an error. Maps (labels, ConfigMap
//     data) and fields declared `any` take any key.

const ts = require("typescript");

const CRD_PACKAGES = {
  "cert-manager.io": "@kubernetes-models/cert-manager",
  "monitoring.coreos.com": "@kubernetes-models/prometheus-operator",
  "postgresql.cnpg.io": "@kubernetes-models/cloudnative-pg",
};

// apiVersion and kind → the module of its model, or a reason it has none.
function locateModel(apiVersion, kind) {
  if (typeof apiVersion !== "string" || apiVersion === "") return { error: "has no apiVersion" };
  if (typeof kind !== "string" || !/^[A-Z][A-Za-z0-9]*$/.test(kind)) {
    return { error: `has no valid kind (${JSON.stringify(kind)})` };
  }
  const slash = apiVersion.indexOf("/");
  const group = slash < 0 ? "" : apiVersion.slice(0, slash);
  const version = slash < 0 ? apiVersion : apiVersion.slice(slash + 1);
  if (!/^v[0-9]+$/.test(version)) {
    return { error: `uses ${apiVersion}: only stable (vN) API versions are accepted` };
  }
  let pkg;
  if (group === "" || !group.includes(".") || group.endsWith(".k8s.io")) {
    pkg = "kubernetes-models";
  } else if (Object.prototype.hasOwnProperty.call(CRD_PACKAGES, group)) {
    pkg = CRD_PACKAGES[group];
  } else {
    return {
      error: `is of API group ${group}, which has no schema here (known: the Kubernetes APIs, ${Object.keys(CRD_PACKAGES).join(", ")})`,
    };
  }
  const modulePath = `${pkg}/${apiVersion}/${kind}`;
  let model;
  try {
    model = require(modulePath)[kind];
  } catch (e) {
    model = undefined;
  }
  // The class of a top-level kind carries its apiVersion and kind; a nested
  // type of the same package (DeploymentSpec) does not.
  if (typeof model !== "function" || model.kind !== kind || model.apiVersion !== apiVersion) {
    return { error: `is of unknown kind ${kind} in ${apiVersion}` };
  }
  return { model, modulePath, typeName: `I${kind}` };
}

function pathOf(parts) {
  let out = "";
  for (const part of parts) {
    if (typeof part === "number") out += `[${part}]`;
    else if (/^[A-Za-z_$][A-Za-z0-9_$-]*$/.test(part)) out += out === "" ? part : `.${part}`;
    else out += `[${JSON.stringify(part)}]`;
  }
  return out === "" ? "(object)" : out;
}

// "/spec/template/spec/containers/0/image" → "spec.template.spec.containers[0].image"
function pointerToPath(pointer) {
  if (!pointer) return "(object)";
  return pathOf(
    pointer
      .split("/")
      .slice(1)
      .map((p) => p.replace(/~1/g, "/").replace(/~0/g, "~"))
      .map((p) => (/^[0-9]+$/.test(p) ? Number(p) : p)),
  );
}

function validateValues(model, object) {
  try {
    new model(object).validate();
    return [];
  } catch (e) {
    const seen = new Set();
    const errors = [];
    for (const err of e.errors || [{ instancePath: "", message: e.message }]) {
      let message = err.message;
      if (err.keyword === "enum" && err.params && err.params.allowedValues) {
        message += `: ${err.params.allowedValues.map((v) => JSON.stringify(v)).join(", ")}`;
      }
      const line = { path: pointerToPath(err.instancePath), message };
      const key = `${line.path} ${line.message}`;
      if (!seen.has(key)) {
        seen.add(key);
        errors.push(line);
      }
    }
    return errors;
  }
}

// The closest known name, for a hint on a misspelling.
function closest(name, candidates) {
  let best = null;
  let bestDistance = 3;
  for (const candidate of candidates) {
    const d = editDistance(name.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}

function editDistance(a, b) {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(
        previous[j] + 1,
        current[j - 1] + 1,
        previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
    previous = current;
  }
  return previous[b.length];
}

// Builds one TypeScript program holding the declarations of every kind met,
// and walks objects against them.
class FieldChecker {
  constructor(locations) {
    const unique = [...new Map(locations.map((l) => [`${l.modulePath}#${l.typeName}`, l])).values()];
    const fileName = require("path").join(__dirname, "..", "__rendered_kinds__.ts");
    const source = unique
      .map((l, i) => `import type { ${l.typeName} as T${i} } from "${l.modulePath}";\ndeclare const v${i}: T${i};\n`)
      .join("");
    const options = {
      noEmit: true,
      strict: true,
      skipLibCheck: true,
      types: [],
      target: ts.ScriptTarget.ES2020,
      module: ts.ModuleKind.CommonJS,
      moduleResolution: ts.ModuleResolutionKind.Node10 || ts.ModuleResolutionKind.NodeJs,
    };
    const host = ts.createCompilerHost(options);
    const { getSourceFile, fileExists, readFile } = host;
    host.getSourceFile = (name, languageVersion, ...rest) =>
      name === fileName
        ? ts.createSourceFile(name, source, languageVersion, true)
        : getSourceFile.call(host, name, languageVersion, ...rest);
    host.fileExists = (name) => name === fileName || fileExists.call(host, name);
    host.readFile = (name) => (name === fileName ? source : readFile.call(host, name));
    const program = ts.createProgram([fileName], options, host);
    const diagnostics = ts.getPreEmitDiagnostics(program, program.getSourceFile(fileName));
    if (diagnostics.length > 0) {
      const text = diagnostics.map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n")).join("\n");
      throw new Error(`the type declarations of the schemas did not load:\n${text}`);
    }
    this.checker = program.getTypeChecker();
    this.types = new Map();
    const file = program.getSourceFile(fileName);
    let index = 0;
    for (const statement of file.statements) {
      if (!ts.isVariableStatement(statement)) continue;
      const declaration = statement.declarationList.declarations[0];
      const l = unique[index++];
      this.types.set(`${l.modulePath}#${l.typeName}`, this.checker.getTypeAtLocation(declaration.name));
    }
  }

  // Unknown fields of `object` against its kind's declaration: [{path, message}].
  check(location, object) {
    const errors = [];
    this.walk(this.types.get(`${location.modulePath}#${location.typeName}`), object, [], errors);
    return errors;
  }

  walk(type, value, parts, errors) {
    if (value === null || typeof value !== "object" || type === undefined) return;
    type = this.checker.getNonNullableType(type);
    if (type.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) return;
    const members = (type.isUnion() ? type.types : [type]).filter(
      (t) => t.flags & (ts.TypeFlags.Object | ts.TypeFlags.Intersection),
    );
    if (members.length === 0) return; // a scalar declared: the value check reports the type
    if (Array.isArray(value)) {
      const element = members.map((t) => t.getNumberIndexType()).find((t) => t !== undefined);
      if (element === undefined) return;
      value.forEach((item, i) => this.walk(element, item, parts.concat(i), errors));
      return;
    }
    for (const [key, child] of Object.entries(value)) {
      let childType;
      for (const t of members) {
        const property = this.checker.getPropertyOfType(t, key);
        childType = property ? this.checker.getTypeOfSymbol(property) : t.getStringIndexType();
        if (childType !== undefined) break;
      }
      if (childType === undefined) {
        const known = members.flatMap((t) => this.checker.getPropertiesOfType(t).map((p) => p.getName()));
        const hint = closest(key, known);
        errors.push({
          path: pathOf(parts.concat(key)),
          message: `unknown field "${key}"${hint ? ` (did you mean "${hint}"?)` : ""}`,
        });
        continue;
      }
      this.walk(childType, child, parts.concat(key), errors);
    }
  }
}

module.exports = { locateModel, validateValues, FieldChecker, pathOf };
