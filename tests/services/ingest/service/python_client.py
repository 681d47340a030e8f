#!/usr/bin/env python3
"""An independent client of jixiao-ingest: Python, not C++, and no generated code.

Usage: python_client.py PATH/TO/jixiao-ingest

Starts the binary on a free loopback port with a SQLite store in a temporary
directory, then talks to it the way a tool that knows nothing of jixiao would:

  1. grpc.health.v1.Health/Check says SERVING, overall and for the service;
  2. grpc.reflection.v1alpha.ServerReflection lists jixiao.v1.IngestService and
     serves the file descriptors it is defined in (dependencies included);
  3. from those descriptors alone, messages are built dynamically: a seed report
     (data/seeds) is submitted, ListReports returns it, and a bad ListReports
     carries google.rpc.BadRequest details naming the field.

Then SIGTERM must stop the server with exit code 0.

Only Debian's python3-grpcio and python3-protobuf are used: Debian packages
neither grpcio-health-checking nor grpcio-reflection, so the few health and
reflection messages are described here by hand (descriptor_pb2) and built
through protobuf's message factory. Exit code 77 (ctest: skipped) when those
modules are missing.
"""

import os
import pathlib
import queue
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading

try:
    import grpc
    from google.protobuf import descriptor_pb2, descriptor_pool, json_format, message_factory
except ImportError as missing:
    print(f"skipped: {missing} (install python3-grpcio and python3-protobuf)", file=sys.stderr)
    sys.exit(77)

# Bounds waits on events that normally take milliseconds; only turns a hang into a failure.
PATIENCE_SECONDS = 20
SERVICE = "jixiao.v1.IngestService"
SEED = pathlib.Path(__file__).resolve().parents[4] / "data/seeds/tianhe-ccpit-2023.json"

FIELD = descriptor_pb2.FieldDescriptorProto


class Failure(Exception):
    pass


def check(condition, message):
    if not condition:
        raise Failure(message)


def add_message(file_proto, name, fields):
    """Adds message `name` with fields (name, number, type, label, type_name)."""
    message = file_proto.message_type.add(name=name)
    for field_name, number, field_type, label, type_name in fields:
        field = message.field.add(name=field_name, number=number, type=field_type, label=label)
        if type_name:
            field.type_name = type_name
    return message


def helper_files():
    """The subset of the health, reflection and google.rpc messages this client uses.

    Field numbers and types as in grpc/health/v1/health.proto,
    grpc/reflection/v1alpha/reflection.proto and google/rpc/{status,error_details}.proto;
    oneofs are left out (the wire format does not show them).
    """
    one, many = FIELD.LABEL_OPTIONAL, FIELD.LABEL_REPEATED
    string, bytes_, int32 = FIELD.TYPE_STRING, FIELD.TYPE_BYTES, FIELD.TYPE_INT32
    message, enum = FIELD.TYPE_MESSAGE, FIELD.TYPE_ENUM

    health = descriptor_pb2.FileDescriptorProto(
        name="client/health.proto", package="grpc.health.v1", syntax="proto3")
    add_message(health, "HealthCheckRequest", [("service", 1, string, one, None)])
    response = add_message(health, "HealthCheckResponse", [
        ("status", 1, enum, one, ".grpc.health.v1.HealthCheckResponse.ServingStatus")])
    statuses = response.enum_type.add(name="ServingStatus")
    for name, number in [("UNKNOWN", 0), ("SERVING", 1), ("NOT_SERVING", 2),
                         ("SERVICE_UNKNOWN", 3)]:
        statuses.value.add(name=name, number=number)

    reflection = descriptor_pb2.FileDescriptorProto(
        name="client/reflection.proto", package="grpc.reflection.v1alpha", syntax="proto3")
    prefix = ".grpc.reflection.v1alpha."
    add_message(reflection, "ServerReflectionRequest", [
        ("host", 1, string, one, None),
        ("file_by_filename", 3, string, one, None),
        ("file_containing_symbol", 4, string, one, None),
        ("list_services", 7, string, one, None)])
    add_message(reflection, "ServerReflectionResponse", [
        ("valid_host", 1, string, one, None),
        ("original_request", 2, message, one, prefix + "ServerReflectionRequest"),
        ("file_descriptor_response", 4, message, one, prefix + "FileDescriptorResponse"),
        ("list_services_response", 6, message, one, prefix + "ListServiceResponse"),
        ("error_response", 7, message, one, prefix + "ErrorResponse")])
    add_message(reflection, "FileDescriptorResponse",
                [("file_descriptor_proto", 1, bytes_, many, None)])
    add_message(reflection, "ListServiceResponse",
                [("service", 1, message, many, prefix + "ServiceResponse")])
    add_message(reflection, "ServiceResponse", [("name", 1, string, one, None)])
    add_message(reflection, "ErrorResponse", [
        ("error_code", 1, int32, one, None), ("error_message", 2, string, one, None)])

    rpc = descriptor_pb2.FileDescriptorProto(
        name="client/rpc.proto", package="google.rpc", syntax="proto3")
    add_message(rpc, "Any", [("type_url", 1, string, one, None), ("value", 2, bytes_, one, None)])
    add_message(rpc, "Status", [
        ("code", 1, int32, one, None), ("message", 2, string, one, None),
        ("details", 3, message, many, ".google.rpc.Any")])
    bad_request = add_message(rpc, "BadRequest", [
        ("field_violations", 1, message, many, ".google.rpc.BadRequest.FieldViolation")])
    violation = bad_request.nested_type.add(name="FieldViolation")
    violation.field.add(name="field", number=1, type=string, label=one)
    violation.field.add(name="description", number=2, type=string, label=one)
    return [health, reflection, rpc]


def message_classes(pool, names):
    """Message classes for full names in `pool`, with protobuf 3.x or 4.x's API."""
    get_class = getattr(message_factory, "GetMessageClass", None)
    factory = message_factory.MessageFactory(pool)
    classes = {}
    for name in names:
        descriptor = pool.FindMessageTypeByName(name)
        classes[name] = get_class(descriptor) if get_class else factory.GetPrototype(descriptor)
    return classes


class Server:
    """jixiao-ingest as a child process; its stderr log is read on a thread."""

    def __init__(self, binary, directory):
        env = {k: v for k, v in os.environ.items() if not k.startswith("JIXIAO_")}
        self.stdout_path = os.path.join(directory, "stdout")
        with open(self.stdout_path, "wb") as stdout:
            self.process = subprocess.Popen(
                [binary, "--listen", "127.0.0.1:0", "--reflection",
                 "--store", "sqlite://" + os.path.join(directory, "ingest.db")],
                stdout=stdout, stderr=subprocess.PIPE, env=env)
        self.lines = []
        self.fresh = queue.Queue()
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self):
        for raw in self.process.stderr:
            line = raw.decode("utf-8", "replace").rstrip("\n")
            self.lines.append(line)
            self.fresh.put(line)
        self.fresh.put(None)  # end of the log: the process has exited

    def log(self):
        return "\n".join(self.lines)

    def wait_for_port(self):
        while True:
            try:
                line = self.fresh.get(timeout=PATIENCE_SECONDS)
            except queue.Empty:
                raise Failure("no event=listening line in time; log:\n" + self.log())
            if line is None:
                raise Failure("the server exited before listening; log:\n" + self.log())
            match = re.search(r"\bevent=listening\b.*\bport=(\d+)", line)
            if match:
                return int(match.group(1))

    def terminate(self):
        self.process.send_signal(signal.SIGTERM)
        try:
            code = self.process.wait(timeout=PATIENCE_SECONDS)
        except subprocess.TimeoutExpired:
            raise Failure("no exit within %d s of SIGTERM; log:\n%s" % (PATIENCE_SECONDS, self.log()))
        self.reader.join(timeout=PATIENCE_SECONDS)
        return code

    def kill(self):
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        self.reader.join(timeout=PATIENCE_SECONDS)


def check_health(channel, messages):
    request_class = messages["grpc.health.v1.HealthCheckRequest"]
    response_class = messages["grpc.health.v1.HealthCheckResponse"]
    check_call = channel.unary_unary("/grpc.health.v1.Health/Check",
                                     request_serializer=request_class.SerializeToString,
                                     response_deserializer=response_class.FromString)
    for service in ["", SERVICE]:
        response = check_call(request_class(service=service), timeout=PATIENCE_SECONDS)
        check(response.status == 1, f"Health/Check({service!r}) is {response.status}, not SERVING")


def reflect(channel, messages, requests):
    """One ServerReflectionInfo stream: sends `requests`, returns the responses."""
    request_class = messages["grpc.reflection.v1alpha.ServerReflectionRequest"]
    response_class = messages["grpc.reflection.v1alpha.ServerReflectionResponse"]
    stream = channel.stream_stream(
        "/grpc.reflection.v1alpha.ServerReflection/ServerReflectionInfo",
        request_serializer=request_class.SerializeToString,
        response_deserializer=response_class.FromString)
    responses = list(stream(iter([request_class(**r) for r in requests]),
                            timeout=PATIENCE_SECONDS))
    check(len(responses) == len(requests), f"{len(requests)} requests, {len(responses)} answers")
    for response in responses:
        check(not response.HasField("error_response"),
              f"reflection error: {response.error_response.error_message}")
    return responses


def service_pool(channel, messages):
    """A descriptor pool holding the service's files and their dependencies, by reflection."""
    [listed] = reflect(channel, messages, [{"list_services": "*"}])
    names = [s.name for s in listed.list_services_response.service]
    check(SERVICE in names, f"reflection lists {names}, without {SERVICE}")

    files = {}

    def collect(responses):
        for response in responses:
            for serialized in response.file_descriptor_response.file_descriptor_proto:
                file_proto = descriptor_pb2.FileDescriptorProto.FromString(serialized)
                files[file_proto.name] = file_proto

    collect(reflect(channel, messages, [{"file_containing_symbol": SERVICE}]))
    # Servers may leave out dependencies they sent before; ask for any still missing.
    while True:
        missing = sorted({d for f in files.values() for d in f.dependency} - files.keys())
        if not missing:
            break
        collect(reflect(channel, messages, [{"file_by_filename": name} for name in missing]))

    pool = descriptor_pool.DescriptorPool()
    added = set()

    def add(name):  # dependencies first, as the pool requires
        if name in added:
            return
        for dependency in files[name].dependency:
            add(dependency)
        pool.Add(files[name])
        added.add(name)

    for name in sorted(files):
        add(name)
    return pool


def method_call(channel, pool, method_name):
    """A callable for a method of the service and its request class, from descriptors alone."""
    method = pool.FindServiceByName(SERVICE).methods_by_name[method_name]
    classes = message_classes(pool, [method.input_type.full_name, method.output_type.full_name])
    request_class = classes[method.input_type.full_name]
    response_class = classes[method.output_type.full_name]
    call = channel.unary_unary(f"/{SERVICE}/{method_name}",
                               request_serializer=request_class.SerializeToString,
                               response_deserializer=response_class.FromString)
    return call, request_class


def bad_request_fields(error, messages):
    """The field paths of the google.rpc.BadRequest in a failed call's trailers."""
    details = dict(error.trailing_metadata() or ()).get("grpc-status-details-bin")
    check(details is not None, "no grpc-status-details-bin trailer")
    status = messages["google.rpc.Status"].FromString(details)
    fields = []
    for any_message in status.details:
        if any_message.type_url == "type.googleapis.com/google.rpc.BadRequest":
            bad_request = messages["google.rpc.BadRequest"].FromString(any_message.value)
            fields += [v.field for v in bad_request.field_violations]
    return fields


def exercise(port):
    helpers = descriptor_pool.DescriptorPool()
    for file_proto in helper_files():
        helpers.Add(file_proto)
    messages = message_classes(helpers, [
        "grpc.health.v1.HealthCheckRequest", "grpc.health.v1.HealthCheckResponse",
        "grpc.reflection.v1alpha.ServerReflectionRequest",
        "grpc.reflection.v1alpha.ServerReflectionResponse",
        "google.rpc.Status", "google.rpc.BadRequest"])

    channel = grpc.insecure_channel(f"127.0.0.1:{port}")
    try:
        grpc.channel_ready_future(channel).result(timeout=PATIENCE_SECONDS)
        check_health(channel, messages)
        pool = service_pool(channel, messages)

        list_reports, list_request = method_call(channel, pool, "ListReports")
        empty = list_reports(list_request(), timeout=PATIENCE_SECONDS)
        check(len(empty.reports) == 0, f"a new store lists {len(empty.reports)} reports")

        submit_report, submit_request = method_call(channel, pool, "SubmitReport")
        request = submit_request()
        json_format.Parse(SEED.read_text(encoding="utf-8"), request.report)
        submitted = submit_report(request, timeout=PATIENCE_SECONDS)
        check(submitted.created and submitted.ref.version == 1, f"SubmitReport: {submitted}")

        listed = list_reports(list_request(fiscal_year=2023), timeout=PATIENCE_SECONDS)
        ids = [summary.ref.report_id for summary in listed.reports]
        check(ids == [request.report.report_id], f"ListReports(2023) returned {ids}")

        try:
            list_reports(list_request(page_size=-1), timeout=PATIENCE_SECONDS)
            raise Failure("ListReports(page_size=-1) succeeded")
        except grpc.RpcError as error:
            check(error.code() == grpc.StatusCode.INVALID_ARGUMENT, f"code {error.code()}")
            fields = bad_request_fields(error, messages)
            check(fields == ["page_size"], f"BadRequest fields {fields}")
    finally:
        # Closed before SIGTERM: a connected client would hold the drain a while.
        channel.close()


def main():
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    directory = tempfile.mkdtemp(prefix="jixiao-ingest-python.")
    server = None
    try:
        server = Server(sys.argv[1], directory)
        exercise(server.wait_for_port())
        code = server.terminate()
        check(code == 0, f"exit code {code} after SIGTERM; log:\n{server.log()}")
        with open(server.stdout_path, "rb") as stdout:
            check(stdout.read() == b"", "the server wrote to stdout")
        print("ok: health SERVING, reflection, dynamic SubmitReport/ListReports, BadRequest, "
              "clean exit")
        return 0
    except (Failure, grpc.RpcError, OSError) as failure:
        log = server.log() if server else ""
        print(f"FAILED: {failure}\n--- server log\n{log}", file=sys.stderr)
        return 1
    finally:
        if server:
            server.kill()
        shutil.rmtree(directory, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
