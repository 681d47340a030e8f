"use strict";
// What the schemas cannot say: the properties every jixiao workload must have
// (docs: k8s/README.md, "Validation"). Each error names the object and the
// field path.

const { pathOf } = require("./schemas");

const WORKLOAD_POD_SPEC = {
  Deployment: ["spec", "template", "spec"],
  StatefulSet: ["spec", "template", "spec"],
  DaemonSet: ["spec", "template", "spec"],
  Job: ["spec", "template", "spec"],
  CronJob: ["spec", "jobTemplate", "spec", "template", "spec"],
};
// Long-running workloads: their containers need readiness and liveness probes.
const LONG_RUNNING = new Set(["Deployment", "StatefulSet", "DaemonSet"]);
// The jixiao services: a container running one of these binaries (not with
// --migrate-only).
const SERVICE_BINARY = /^\/usr\/local\/bin\/jixiao-(ingest|scoring|query)$/;
const METRICS_PORT = 9464;

// The metric names the services export; alert rules may use no other jixiao_*.
const COUNTERS = [
  "jixiao_grpc_server_requests_total",
  "jixiao_worker_rejections_total",
  "jixiao_cache_lookups_total",
  "jixiao_degraded_answers_total",
];
const GAUGES = [
  "jixiao_grpc_server_in_flight_requests",
  "jixiao_worker_queue_depth",
  "jixiao_redis_circuit_open",
  "jixiao_build_info",
];
const HISTOGRAMS = [
  "jixiao_grpc_server_request_duration_seconds",
  "jixiao_redis_command_duration_seconds",
  "jixiao_store_operation_duration_seconds",
  "jixiao_ingest_commit_batch_size",
];
const KNOWN_METRICS = new Set([
  ...COUNTERS,
  ...GAUGES,
  ...HISTOGRAMS.flatMap((h) => [`${h}_bucket`, `${h}_sum`, `${h}_count`]),
]);

function get(object, parts) {
  let value = object;
  for (const part of parts) {
    if (value === null || value === undefined) return undefined;
    value = value[part];
  }
  return value;
}

function objectName(object) {
  const name = get(object, ["metadata", "name"]) || "(unnamed)";
  return `${object.kind || "(no kind)"} ${name}`;
}

class Report {
  constructor() {
    this.errors = [];
  }
  error(object, parts, message) {
    this.errors.push({ object: objectName(object), path: pathOf(parts), message });
  }
}

function containersOf(podSpec) {
  const out = [];
  for (const field of ["initContainers", "containers"]) {
    (podSpec[field] || []).forEach((container, i) => out.push({ field, i, container }));
  }
  return out;
}

function checkWorkload(object, report) {
  const specPath = WORKLOAD_POD_SPEC[object.kind];
  const podSpec = get(object, specPath);
  if (!podSpec || typeof podSpec !== "object") {
    report.error(object, specPath, "has no pod template");
    return;
  }
  if (podSpec.automountServiceAccountToken !== false) {
    report.error(object, specPath.concat("automountServiceAccountToken"), "must be false (no pod here talks to the API server)");
  }
  const pod = podSpec.securityContext || {};
  const podSeccomp = get(pod, ["seccompProfile", "type"]);
  for (const { field, i, container } of containersOf(podSpec)) {
    const at = specPath.concat(field, i);
    const sc = container.securityContext || {};
    if (sc.runAsNonRoot !== true && !(pod.runAsNonRoot === true && sc.runAsNonRoot === undefined)) {
      report.error(object, at.concat("securityContext", "runAsNonRoot"), "must be true (here or in the pod's securityContext)");
    }
    if (sc.readOnlyRootFilesystem !== true) {
      report.error(object, at.concat("securityContext", "readOnlyRootFilesystem"), "must be true");
    }
    if (sc.allowPrivilegeEscalation !== false) {
      report.error(object, at.concat("securityContext", "allowPrivilegeEscalation"), "must be false");
    }
    const drop = get(sc, ["capabilities", "drop"]) || [];
    if (!drop.includes("ALL")) {
      report.error(object, at.concat("securityContext", "capabilities", "drop"), "must include ALL");
    }
    if (get(sc, ["capabilities", "add"]) && sc.capabilities.add.length > 0) {
      report.error(object, at.concat("securityContext", "capabilities", "add"), "must be empty");
    }
    const seccomp = get(sc, ["seccompProfile", "type"]) || podSeccomp;
    if (seccomp !== "RuntimeDefault" && seccomp !== "Localhost") {
      report.error(object, at.concat("securityContext", "seccompProfile", "type"), "must be RuntimeDefault (here or in the pod's securityContext)");
    }
    for (const [kind, resource] of [["requests", "cpu"], ["requests", "memory"], ["limits", "memory"]]) {
      if (get(container, ["resources", kind, resource]) === undefined) {
        report.error(object, at.concat("resources", kind, resource), "is missing");
      }
    }
    if (field === "containers" && LONG_RUNNING.has(object.kind)) {
      for (const probe of ["readinessProbe", "livenessProbe"]) {
        if (!container[probe]) {
          report.error(object, at.concat(probe), `is missing: container "${container.name}" has no ${probe}`);
        }
      }
    }
  }
}

// Seconds a preStop hook waits, if it is a plain sleep.
function preStopSeconds(preStop) {
  if (!preStop) return undefined;
  if (preStop.sleep && Number.isInteger(preStop.sleep.seconds)) return preStop.sleep.seconds;
  const command = get(preStop, ["exec", "command"]);
  if (Array.isArray(command) && command.length === 2 && /(^|\/)sleep$/.test(command[0]) && /^[0-9]+$/.test(command[1])) {
    return Number(command[1]);
  }
  return undefined;
}

function envValue(container, name, configMaps) {
  const entry = (container.env || []).find((e) => e.name === name);
  if (!entry) return undefined;
  if (entry.value !== undefined) return entry.value;
  const ref = get(entry, ["valueFrom", "configMapKeyRef"]);
  if (ref) {
    const data = configMaps.get(ref.name);
    return data ? data[ref.key] : undefined;
  }
  return undefined;
}

function matches(selector, labels) {
  const matchLabels = (selector && selector.matchLabels) || {};
  return Object.keys(matchLabels).length > 0 && Object.entries(matchLabels).every(([k, v]) => labels[k] === v);
}

function checkService(object, container, index, objects, configMaps, report) {
  const spec = ["spec", "template", "spec"];
  const at = spec.concat("containers", index);
  const name = object.metadata.name;
  const sleep = preStopSeconds(get(container, ["lifecycle", "preStop"]));
  if (sleep === undefined) {
    report.error(object, at.concat("lifecycle", "preStop"), 'must be a sleep (exec ["/bin/sleep", "N"]) that lets the endpoints drain before SIGTERM');
  }
  const drainText = envValue(container, "JIXIAO_DRAIN_SECONDS", configMaps);
  const drain = Number(drainText);
  if (drainText === undefined || !Number.isInteger(drain)) {
    report.error(object, at.concat("env"), "must set JIXIAO_DRAIN_SECONDS (a value, or a key of a ConfigMap rendered here)");
  }
  const grace = get(object, spec.concat("terminationGracePeriodSeconds"));
  const effectiveGrace = grace === undefined ? 30 : grace;
  if (sleep !== undefined && Number.isInteger(drain) && !(effectiveGrace > sleep + drain)) {
    report.error(
      object,
      spec.concat("terminationGracePeriodSeconds"),
      `${effectiveGrace}${grace === undefined ? " (the default)" : ""} is not more than preStop ${sleep} s + JIXIAO_DRAIN_SECONDS ${drain} s: the kubelet would kill calls still draining`,
    );
  }
  const metricsPort = (container.ports || []).find((p) => p.name === "metrics");
  if (!metricsPort || metricsPort.containerPort !== METRICS_PORT) {
    report.error(object, at.concat("ports"), `must have a port named metrics (${METRICS_PORT})`);
  }
  if (envValue(container, "JIXIAO_METRICS_LISTEN", configMaps) === undefined) {
    report.error(object, at.concat("env"), "must set JIXIAO_METRICS_LISTEN");
  }
  const labels = get(object, ["spec", "template", "metadata", "labels"]) || {};
  const hpa = objects.find(
    (o) =>
      o.kind === "HorizontalPodAutoscaler" &&
      get(o, ["spec", "scaleTargetRef", "kind"]) === "Deployment" &&
      get(o, ["spec", "scaleTargetRef", "name"]) === name,
  );
  if (!hpa) report.error(object, ["metadata", "name"], "has no HorizontalPodAutoscaler (spec.scaleTargetRef naming it)");
  const pdb = objects.find((o) => o.kind === "PodDisruptionBudget" && matches(get(o, ["spec", "selector"]), labels));
  if (!pdb) report.error(object, ["metadata", "name"], "has no PodDisruptionBudget selecting its pods");
}

// Every ConfigMap a pod names (env, envFrom, volumes) is rendered here, with
// the keys it takes; Secrets are not (they are created by the operator, never
// committed), so they are collected and listed instead.
function checkReferences(object, podSpecPath, configMaps, expectedSecrets, report) {
  const podSpec = get(object, podSpecPath);
  const needConfigMap = (parts, name, key, optional) => {
    if (optional) return;
    const data = configMaps.get(name);
    if (!data) report.error(object, parts, `names ConfigMap ${name}, which is not among the rendered objects`);
    else if (key !== undefined && !(key in data)) report.error(object, parts, `names key ${key} of ConfigMap ${name}, which has no such key`);
  };
  const needSecret = (name, key) => {
    if (!expectedSecrets.has(name)) expectedSecrets.set(name, new Set());
    if (key !== undefined) expectedSecrets.get(name).add(key);
  };
  for (const { field, i, container } of containersOf(podSpec)) {
    const at = podSpecPath.concat(field, i);
    (container.env || []).forEach((entry, j) => {
      const cm = get(entry, ["valueFrom", "configMapKeyRef"]);
      if (cm) needConfigMap(at.concat("env", j, "valueFrom", "configMapKeyRef"), cm.name, cm.key, cm.optional);
      const secret = get(entry, ["valueFrom", "secretKeyRef"]);
      if (secret) needSecret(secret.name, secret.key);
    });
    (container.envFrom || []).forEach((entry, j) => {
      if (entry.configMapRef) needConfigMap(at.concat("envFrom", j), entry.configMapRef.name, undefined, entry.configMapRef.optional);
      if (entry.secretRef) needSecret(entry.secretRef.name);
    });
  }
  (podSpec.volumes || []).forEach((volume, j) => {
    if (volume.configMap) {
      const items = volume.configMap.items || [];
      if (items.length === 0) needConfigMap(podSpecPath.concat("volumes", j), volume.configMap.name, undefined, volume.configMap.optional);
      items.forEach((item) => needConfigMap(podSpecPath.concat("volumes", j), volume.configMap.name, item.key, volume.configMap.optional));
    }
    if (volume.secret) {
      const items = volume.secret.items || [];
      if (items.length === 0) needSecret(volume.secret.secretName);
      items.forEach((item) => needSecret(volume.secret.secretName, item.key));
    }
  });
}

function checkAlertRules(object, report) {
  (get(object, ["spec", "groups"]) || []).forEach((group, g) => {
    (group.rules || []).forEach((rule, r) => {
      const expr = String(rule.expr || "");
      for (const metric of new Set(expr.match(/\bjixiao_[a-z0-9_]+/g) || [])) {
        if (!KNOWN_METRICS.has(metric)) {
          report.error(object, ["spec", "groups", g, "rules", r, "expr"], `uses ${metric}, which no jixiao service exports`);
        }
      }
    });
  });
}

// objects: the rendered objects (already schema-checked). Returns {errors, expectedSecrets}.
function checkRules(objects) {
  const report = new Report();
  const configMaps = new Map();
  const seen = new Set();
  for (const object of objects) {
    const id = `${object.kind}/${get(object, ["metadata", "namespace"]) || ""}/${get(object, ["metadata", "name"])}`;
    if (seen.has(id)) report.error(object, ["metadata", "name"], "is rendered twice");
    seen.add(id);
    if (object.kind === "ConfigMap") configMaps.set(object.metadata.name, object.data || {});
    if (object.kind === "Secret") {
      report.error(object, ["kind"], "a Secret is committed: Secrets are created in the cluster and only referenced here (k8s/README.md, \"Secrets\")");
    }
  }
  const expectedSecrets = new Map();
  for (const object of objects) {
    if (WORKLOAD_POD_SPEC[object.kind]) {
      checkWorkload(object, report);
      const podSpecPath = WORKLOAD_POD_SPEC[object.kind];
      if (get(object, podSpecPath)) checkReferences(object, podSpecPath, configMaps, expectedSecrets, report);
    }
    if (object.kind === "Deployment") {
      (get(object, ["spec", "template", "spec", "containers"]) || []).forEach((container, i) => {
        const command = container.command || [];
        if (SERVICE_BINARY.test(command[0] || "") && !command.includes("--migrate-only")) {
          checkService(object, container, i, objects, configMaps, report);
        }
      });
    }
    if (object.kind === "PrometheusRule") checkAlertRules(object, report);
    if (object.kind === "Cluster") {
      const credentials = get(object, ["spec", "backup", "barmanObjectStore", "s3Credentials"]) || {};
      for (const ref of Object.values(credentials)) {
        if (ref && typeof ref === "object" && ref.name) {
          if (!expectedSecrets.has(ref.name)) expectedSecrets.set(ref.name, new Set());
          if (ref.key) expectedSecrets.get(ref.name).add(ref.key);
        }
      }
    }
  }
  return { errors: report.errors, expectedSecrets, secretMakers: secretMakers(objects) };
}

// Who makes each Secret that objects here cause to exist: cert-manager for a
// Certificate, the CloudNativePG operator for a Cluster. The rest are created
// by whoever installs.
function secretMakers(objects) {
  const makers = new Map();
  for (const object of objects) {
    const name = get(object, ["metadata", "name"]);
    if (object.kind === "Certificate" && get(object, ["spec", "secretName"])) {
      makers.set(object.spec.secretName, `made by cert-manager for Certificate ${name}`);
    }
    if (object.kind === "Cluster" && String(object.apiVersion).startsWith("postgresql.cnpg.io/")) {
      for (const suffix of ["app", "ca", "server", "replication", "superuser"]) {
        makers.set(`${name}-${suffix}`, `made by the CloudNativePG operator for Cluster ${name}`);
      }
    }
  }
  return makers;
}

module.exports = { checkRules, objectName };
