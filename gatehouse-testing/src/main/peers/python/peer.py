#!/usr/bin/python3
"""The Python (grpcio) peer of Gatehouse's interoperability tests: one program, two roles.

    /usr/bin/python3 peer.py server --port 0 [--descriptor-set FILE]
    /usr/bin/python3 peer.py client --target 127.0.0.1:PORT --scenario NAME [--descriptor-set FILE]

Runs on Debian's python3 with Debian's python3-grpcio and python3-protobuf. Message classes are built at run time
from the descriptor set, so no protoc step is needed; the behaviour is the same in every language and is described
in docs/testing.md.
"""

import argparse
import json
import queue
import signal
import sys
import threading
from concurrent import futures

import grpc
from google.protobuf import descriptor_pb2, descriptor_pool, message_factory

PEER = "python"
SERVICE = "gatehouse.testing.v1.Library"
ERROR_DOMAIN = "library.gatehouse.dev"
MAX_ITEMS = 10000
DEFAULT_DESCRIPTOR_SET = "gatehouse-testing/target/classes/gatehouse/testing/v1/testing.desc"


def rpc_status_file():
    """google/rpc/status.proto and the two error details the peers use; Debian packages no Python googleapis."""
    f = descriptor_pb2.FileDescriptorProto(name="gatehouse/peer/google_rpc.proto", package="google.rpc",
                                           syntax="proto3", dependency=["google/protobuf/any.proto"])
    optional, repeated = descriptor_pb2.FieldDescriptorProto.LABEL_OPTIONAL, descriptor_pb2.FieldDescriptorProto.LABEL_REPEATED
    types = descriptor_pb2.FieldDescriptorProto

    def message(name, *fields):
        m = f.message_type.add(name=name)
        for number, (field_name, field_type, label, type_name) in enumerate(fields, start=1):
            m.field.add(name=field_name, number=number, type=field_type, label=label, type_name=type_name)
        return m

    message("Status", ("code", types.TYPE_INT32, optional, None), ("message", types.TYPE_STRING, optional, None),
            ("details", types.TYPE_MESSAGE, repeated, ".google.protobuf.Any"))
    info = message("ErrorInfo", ("reason", types.TYPE_STRING, optional, None),
                   ("domain", types.TYPE_STRING, optional, None),
                   ("metadata", types.TYPE_MESSAGE, repeated, ".google.rpc.ErrorInfo.MetadataEntry"))
    entry = info.nested_type.add(name="MetadataEntry")
    entry.options.map_entry = True
    entry.field.add(name="key", number=1, type=types.TYPE_STRING, label=optional)
    entry.field.add(name="value", number=2, type=types.TYPE_STRING, label=optional)
    message("ResourceInfo", ("resource_type", types.TYPE_STRING, optional, None),
            ("resource_name", types.TYPE_STRING, optional, None), ("owner", types.TYPE_STRING, optional, None),
            ("description", types.TYPE_STRING, optional, None))
    return f


class Library:
    """The service's methods and message classes, built from the descriptor set."""

    def __init__(self, path):
        with open(path, "rb") as data:
            files = descriptor_pb2.FileDescriptorSet.FromString(data.read())
        self.pool = descriptor_pool.DescriptorPool()
        for f in files.file:
            self.pool.Add(f)
        self.pool.Add(rpc_status_file())
        self.service = self.pool.FindServiceByName(SERVICE)
        self.methods = {m.name: m for m in self.service.methods}

    def message_class(self, full_name):
        descriptor = self.pool.FindMessageTypeByName(full_name)
        if hasattr(message_factory, "GetMessageClass"):
            return message_factory.GetMessageClass(descriptor)
        return message_factory.MessageFactory(self.pool).GetPrototype(descriptor)

    def input(self, method):
        return self.message_class(self.methods[method].input_type.full_name)

    def output(self, method):
        return self.message_class(self.methods[method].output_type.full_name)

    def path(self, method):
        return "/%s/%s" % (SERVICE, method)


def last_segment(name):
    return name.rsplit("/", 1)[-1]


def clamp(n):
    return max(0, min(n, MAX_ITEMS))


# ---------------------------------------------------------------------------------------------------------------
# Server

class Servicer:
    def __init__(self, library):
        self.lib = library
        self.status_class = library.message_class("google.rpc.Status")
        self.error_info_class = library.message_class("google.rpc.ErrorInfo")
        self.resource_info_class = library.message_class("google.rpc.ResourceInfo")

    def abort_with_details(self, context, code, message, reason, name):
        status = self.status_class(code=code.value[0], message=message)
        status.details.add().Pack(self.error_info_class(reason=reason, domain=ERROR_DOMAIN, metadata={"shelf": name}))
        status.details.add().Pack(self.resource_info_class(resource_type="gatehouse.testing.v1.Shelf",
                                                           resource_name=name))
        context.set_trailing_metadata((("grpc-status-details-bin", status.SerializeToString()),))
        context.abort(code, message)

    @staticmethod
    def ended(context):
        """An event set when the call ends, so waits give up on cancellation and deadlines."""
        event = threading.Event()
        if not context.add_callback(event.set):
            event.set()
        return event

    def unary(self, method):
        output = self.lib.output(method)

        def handle(request, context):
            response = output()
            if method == "GetShelf":
                name = request.name
                if name == "shelves/missing":
                    self.abort_with_details(context, grpc.StatusCode.NOT_FOUND, "shelf %s not found" % name,
                                            "SHELF_NOT_FOUND", name)
                if name == "shelves/slow" and self.ended(context).wait(5):
                    return response
                response.name, response.theme = name, "theme-" + last_segment(name)
            elif method == "CreateShelf":
                response.CopyFrom(request.shelf)
                if request.shelf_id:
                    response.name = "shelves/" + request.shelf_id
            elif method == "ListShelves":
                for i in range(1, clamp(request.page_size) + 1):
                    response.shelves.add(name="shelves/%d" % i, theme="theme-%d" % i)
                if request.page_size > 0:
                    response.next_page_token = "next"
            elif method == "CreateBook":
                response.CopyFrom(request.book)
                if not response.name:
                    response.name = request.parent + "/books/1"
            elif method in ("GetBook", "GetBookTitle"):
                name = request.name or "books/" + request.book_id
                response.name, response.title = name, "title-" + last_segment(name)
            elif method == "ListBooks":
                for i in range(1, clamp(request.page_size) + 1):
                    response.books.add(name="%s/books/%d" % (request.parent, i))
                if request.page_size > 0:
                    response.next_page_token = "next"
            elif method == "UpdateBook":
                response.CopyFrom(request.book)
            elif method == "MoveBook":
                response.name = request.destination_shelf + "/books/" + last_segment(request.name)
            elif method == "GetCurrentReader":
                response.reader_id, response.display_name = "me", "reader-me"
            elif method == "GetReader":
                response.reader_id, response.display_name = request.reader_id, "reader-" + request.reader_id
            elif method == "GetFile":
                response.content_type, response.data = "text/plain", request.path.encode()
            elif method == "UploadCover":
                response.name, response.cover = request.name, request.cover.data
            elif method == "CheckAvailability":
                response.available = True
            elif method == "Unbound":
                response.CopyFrom(request)
            # DeleteShelf, DeleteBook: google.protobuf.Empty.
            return response

        return grpc.unary_unary_rpc_method_handler(handle, request_deserializer=self.lib.input(method).FromString,
                                                   response_serializer=output.SerializeToString)

    def echo(self, request, context):
        header, trailer, saw_authorization = [("x-peer", PEER)], [], False
        for key, value in context.invocation_metadata():
            if key.startswith("x-echo-"):
                header.append((key, value))
                trailer.append(("x-trailer-" + key[len("x-echo-"):], value))
            saw_authorization = saw_authorization or key == "authorization"
        trailer.append(("x-saw-authorization", "true" if saw_authorization else "false"))
        context.send_initial_metadata(header)
        context.set_trailing_metadata(trailer)
        return request  # bytes: no deserializer, so the reply is exactly what arrived

    def watch_shelf(self, request, context):
        name = request.name
        rest = name[len("shelves/"):] if name.startswith("shelves/") else None
        fail, interval = False, 0.0
        if rest is not None and rest.startswith("fail-"):
            rest, fail = rest[len("fail-"):], True
        elif rest is not None and rest.startswith("slow-"):
            rest, interval = rest[len("slow-"):], 0.1
        if rest is None or not rest.isdigit() or int(rest) > MAX_ITEMS:
            context.abort(grpc.StatusCode.INVALID_ARGUMENT,
                          "name: %s (expected: shelves/<n>, shelves/fail-<k> or shelves/slow-<n>, n <= %d)"
                          % (name, MAX_ITEMS))
        count, ended, book = int(rest), self.ended(context), self.lib.output("WatchShelf")
        for i in range(1, count + 1):
            if interval and i > 1 and ended.wait(interval):
                return
            yield book(name="%s/books/%d" % (name, i), title="title-%d" % i)
        if fail:
            self.abort_with_details(context, grpc.StatusCode.ABORTED,
                                    "watch of %s aborted after %d books" % (name, count), "WATCH_ABORTED", name)

    def bulk_create_books(self, requests, context):
        return self.lib.output("BulkCreateBooks")(created=sum(1 for _ in requests))

    def chat(self, messages, context):
        reply = self.lib.output("Chat")
        for message in messages:
            yield reply(text="echo: " + message.text, **{"from": PEER})

    def handlers(self):
        lib = self.lib
        handlers = {name: self.unary(name) for name, m in lib.methods.items()
                    if not m.client_streaming and not m.server_streaming}
        handlers["Echo"] = grpc.unary_unary_rpc_method_handler(self.echo)
        handlers["WatchShelf"] = grpc.unary_stream_rpc_method_handler(
            self.watch_shelf, request_deserializer=lib.input("WatchShelf").FromString,
            response_serializer=lib.output("WatchShelf").SerializeToString)
        handlers["BulkCreateBooks"] = grpc.stream_unary_rpc_method_handler(
            self.bulk_create_books, request_deserializer=lib.input("BulkCreateBooks").FromString,
            response_serializer=lib.output("BulkCreateBooks").SerializeToString)
        handlers["Chat"] = grpc.stream_stream_rpc_method_handler(
            self.chat, request_deserializer=lib.input("Chat").FromString,
            response_serializer=lib.output("Chat").SerializeToString)
        return handlers


def health_handler():
    """grpc.health.v1.Health/Check answering SERVING, written as bytes: Debian has no grpcio-health-checking."""
    serving = b"\x08\x01"  # HealthCheckResponse{status: SERVING}
    return grpc.method_handlers_generic_handler("grpc.health.v1.Health", {
        "Check": grpc.unary_unary_rpc_method_handler(lambda request, context: serving)})


def run_server(lib, port):
    server = grpc.server(futures.ThreadPoolExecutor(max_workers=16))
    server.add_generic_rpc_handlers((grpc.method_handlers_generic_handler(SERVICE, Servicer(lib).handlers()),
                                     health_handler()))
    bound = server.add_insecure_port("127.0.0.1:%d" % port)
    if bound == 0:
        print("python-peer: cannot listen on 127.0.0.1:%d" % port, file=sys.stderr)
        return 1
    server.start()

    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())

    def read_stdin():
        # End of input also stops the server: a test runner that dies closes the pipe, leaving no orphan.
        for line in sys.stdin:
            if line.strip() == "shutdown":
                break
        stop.set()

    threading.Thread(target=read_stdin, daemon=True).start()
    print("LISTENING %d" % bound, flush=True)
    while not stop.wait(0.5):
        pass
    # stop(grace) refuses new calls, sends GOAWAY and cancels what is still running after 2 s.
    server.stop(2).wait()
    return 0


# ---------------------------------------------------------------------------------------------------------------
# Client

class Client:
    def __init__(self, lib, channel, out):
        self.lib, self.channel, self.out = lib, channel, out

    def call(self, method):
        m = self.lib.methods[method]
        kind = {(False, False): self.channel.unary_unary, (False, True): self.channel.unary_stream,
                (True, False): self.channel.stream_unary, (True, True): self.channel.stream_stream}
        return kind[(m.client_streaming, m.server_streaming)](
            self.lib.path(method), request_serializer=self.lib.input(method).SerializeToString,
            response_deserializer=self.lib.output(method).FromString)

    def record(self, error):
        """Notes the call's status and rich error details; error is None or a grpc.RpcError."""
        if error is None:
            self.out["code"] = 0
            return
        self.out["code"] = error.code().value[0]
        self.out["message"] = error.details() or ""
        for key, value in error.trailing_metadata() or ():
            if key == "grpc-status-details-bin":
                status = self.lib.message_class("google.rpc.Status").FromString(value)
                for detail in status.details:
                    type_name = detail.type_url.rsplit("/", 1)[-1]
                    self.out["details"].append(type_name)
                    if type_name == "google.rpc.ErrorInfo":
                        self.out["reason"] = self.lib.message_class("google.rpc.ErrorInfo").FromString(
                            detail.value).reason

    def expect(self, condition, problem):
        if not condition and not self.out["problem"]:
            self.out["problem"] = problem

    def expect_code(self, code):
        self.expect(self.out["code"] == code.value[0],
                    "status %d, expected %d (%s)" % (self.out["code"], code.value[0], code.name))

    def get_shelf(self, name, timeout=20):
        request = self.lib.input("GetShelf")(name=name)
        try:
            shelf = self.call("GetShelf")(request, timeout=timeout)
            self.record(None)
            return shelf
        except grpc.RpcError as error:
            self.record(error)
            return None

    def run(self, scenario):
        ok = grpc.StatusCode.OK
        if scenario == "unary":
            shelf = self.get_shelf("shelves/1")
            if shelf is not None:
                self.out["count"] = 1
                self.expect(shelf.theme == "theme-1", "theme %r, expected theme-1" % shelf.theme)
            self.expect_code(ok)
        elif scenario == "error":
            self.get_shelf("shelves/missing")
            self.expect_code(grpc.StatusCode.NOT_FOUND)
            self.expect(self.out["message"] == "shelf shelves/missing not found", "message %r" % self.out["message"])
            self.expect(len(self.out["details"]) == 2, "details %r, expected ErrorInfo and ResourceInfo"
                        % self.out["details"])
            self.expect(self.out["reason"] == "SHELF_NOT_FOUND", "reason %r, expected SHELF_NOT_FOUND"
                        % self.out["reason"])
        elif scenario == "deadline":
            self.get_shelf("shelves/slow", timeout=0.3)
            self.expect_code(grpc.StatusCode.DEADLINE_EXCEEDED)
        elif scenario == "server-stream":
            self.watch("shelves/5", cancel_after=None)
            self.expect_code(ok)
            self.expect(self.out["count"] == 5, "%d books, expected 5" % self.out["count"])
        elif scenario == "cancel":
            self.watch("shelves/slow-50", cancel_after=2)
            self.expect_code(grpc.StatusCode.CANCELLED)
            self.expect(self.out["count"] == 2, "%d books, expected 2" % self.out["count"])
        elif scenario == "client-stream":
            self.bulk_create(5)
        elif scenario == "bidi":
            self.chat(3)
        elif scenario == "large":
            payload = bytes(i % 251 for i in range(1 << 20))
            response = self.echo(self.lib.input("Echo")(bytes_value=payload), ())
            self.expect_code(ok)
            if response is not None:
                self.expect(response.bytes_value == payload, "echoed bytes_value differs from the 1 MiB sent")
        elif scenario == "metadata":
            self.echo(self.lib.input("Echo")(string_value="metadata"),
                      (("x-echo-id", "7"), ("authorization", "Bearer peer-token")))
            self.expect_code(ok)
            headers, trailers = self.out["headers"], self.out["trailers"]
            self.expect(headers.get("x-echo-id") == "7", "header x-echo-id %r, expected 7" % headers.get("x-echo-id"))
            self.expect(trailers.get("x-trailer-id") == "7",
                        "trailer x-trailer-id %r, expected 7" % trailers.get("x-trailer-id"))
            self.expect(trailers.get("x-saw-authorization") == "true", "trailer x-saw-authorization %r, expected true"
                        % trailers.get("x-saw-authorization"))
            self.expect(self.out["server"] != "", "no x-peer header")
        else:
            self.out["problem"] = "unknown scenario " + scenario

    def watch(self, name, cancel_after):
        books = self.call("WatchShelf")(self.lib.input("WatchShelf")(name=name), timeout=20)
        try:
            for book in books:
                self.out["count"] += 1
                want = "%s/books/%d" % (name, self.out["count"])
                self.expect(book.name == want, "book %r, expected %r" % (book.name, want))
                if self.out["count"] == cancel_after:
                    books.cancel()
            self.record(None)
        except grpc.RpcError as error:
            self.record(error)

    def bulk_create(self, n):
        make = self.lib.input("BulkCreateBooks")
        requests = (make(parent="shelves/1", book={"title": "title-%d" % i}) for i in range(1, n + 1))
        try:
            response = self.call("BulkCreateBooks")(requests, timeout=20)
            self.record(None)
            self.out["count"] = response.created
            self.expect(response.created == n, "created %d, expected %d" % (response.created, n))
        except grpc.RpcError as error:
            self.record(error)
        self.expect_code(grpc.StatusCode.OK)

    def chat(self, n):
        # One message at a time: each reply must arrive before the next message is sent.
        outgoing, make = queue.Queue(), self.lib.input("Chat")
        done = object()

        def messages():
            while True:
                message = outgoing.get(timeout=20)
                if message is done:
                    return
                yield message

        outgoing.put(make(text="m1"))
        replies = self.call("Chat")(messages(), timeout=20)
        try:
            for reply in replies:
                self.out["count"] += 1
                self.out["server"] = getattr(reply, "from")
                self.expect(reply.text == "echo: m%d" % self.out["count"], "reply %r" % reply.text)
                outgoing.put(make(text="m%d" % (self.out["count"] + 1)) if self.out["count"] < n else done)
            self.record(None)
        except grpc.RpcError as error:
            self.record(error)
        self.expect_code(grpc.StatusCode.OK)
        self.expect(self.out["count"] == n, "%d replies, expected %d" % (self.out["count"], n))
        self.expect(self.out["server"] != "", "replies name no peer")

    def echo(self, request, metadata):
        try:
            response, call = self.call("Echo").with_call(request, metadata=metadata, timeout=20)
            self.record(None)
            self.out["count"] = 1
        except grpc.RpcError as error:
            response, call = None, error
            self.record(error)
        # Only the application's keys: the transport's own vary between implementations.
        self.out["headers"] = {k: v for k, v in call.initial_metadata() or () if k.startswith("x-")}
        self.out["trailers"] = {k: v for k, v in call.trailing_metadata() or () if k.startswith("x-")}
        self.out["server"] = self.out["headers"].get("x-peer", "")
        return response


def run_client(lib, target, scenario):
    out = {"peer": PEER, "scenario": scenario, "ok": False, "code": 0, "message": "", "count": 0, "details": [],
           "reason": "", "server": "", "headers": {}, "trailers": {}, "problem": ""}
    with grpc.insecure_channel(target) as channel:
        Client(lib, channel, out).run(scenario)
    out["ok"] = out["problem"] == ""
    print(json.dumps(out, separators=(",", ":")), flush=True)
    return 0 if out["ok"] else 1


def main():
    parser = argparse.ArgumentParser(prog="peer.py", description=__doc__.splitlines()[0])
    parser.add_argument("role", choices=("server", "client"))
    parser.add_argument("--port", type=int, default=0, help="port to listen on, 127.0.0.1 only; 0 picks a free one")
    parser.add_argument("--descriptor-set", default=DEFAULT_DESCRIPTOR_SET, help="descriptor set with imports")
    parser.add_argument("--target", help="server address, HOST:PORT")
    parser.add_argument("--scenario", help="client scenario")
    args = parser.parse_args()
    lib = Library(args.descriptor_set)
    if args.role == "server":
        return run_server(lib, args.port)
    if not args.target or not args.scenario:
        parser.error("client needs --target and --scenario")
    return run_client(lib, args.target, args.scenario)


if __name__ == "__main__":
    sys.exit(main())
