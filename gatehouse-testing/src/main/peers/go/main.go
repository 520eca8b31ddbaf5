// The grpc-go peer of Gatehouse's interoperability tests: one program, two roles.
//
//	go-peer server --port 0 [--descriptor-set FILE]
//	go-peer client --target 127.0.0.1:PORT --scenario NAME [--descriptor-set FILE]
//
// Messages are built at run time from the descriptor set (dynamicpb), so no protoc step is needed; the behaviour
// is the same in every language and is described in docs/testing.md.
package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/ioutil"
	"net"
	"os"
	"os/signal"
	"strconv"
	"strings"
	"syscall"
	"time"

	protoV1 "github.com/golang/protobuf/proto"
	"google.golang.org/genproto/googleapis/rpc/errdetails"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/health"
	healthpb "google.golang.org/grpc/health/grpc_health_v1"
	"google.golang.org/grpc/metadata"
	"google.golang.org/grpc/status"
	"google.golang.org/protobuf/proto"
	"google.golang.org/protobuf/reflect/protodesc"
	"google.golang.org/protobuf/reflect/protoreflect"
	"google.golang.org/protobuf/types/descriptorpb"
	"google.golang.org/protobuf/types/dynamicpb"
)

const (
	peerName    = "go"
	serviceName = "gatehouse.testing.v1.Library"
	errorDomain = "library.gatehouse.dev"
	maxItems    = 10000
)

// frame is a message left as bytes, so Echo returns exactly what it received.
type frame []byte

// codec marshals frames as they are, dynamic (APIv2) messages, and the APIv1 messages of grpc-go's own services.
type codec struct{}

func (codec) Name() string { return "proto" }

func (codec) Marshal(v interface{}) ([]byte, error) {
	switch m := v.(type) {
	case *frame:
		return *m, nil
	case proto.Message:
		return proto.Marshal(m)
	case protoV1.Message:
		return protoV1.Marshal(m)
	}
	return nil, fmt.Errorf("cannot marshal %T", v)
}

func (codec) Unmarshal(data []byte, v interface{}) error {
	switch m := v.(type) {
	case *frame:
		*m = append((*m)[:0], data...)
		return nil
	case proto.Message:
		return proto.Unmarshal(data, m)
	case protoV1.Message:
		return protoV1.Unmarshal(data, m)
	}
	return fmt.Errorf("cannot unmarshal into %T", v)
}

// String is for grpc.CustomCodec, which wants the older Codec interface.
func (codec) String() string { return "proto" }

// library holds the service's method descriptors, resolved from the descriptor set.
type library struct {
	methods map[string]protoreflect.MethodDescriptor
}

func loadLibrary(path string) (*library, error) {
	data, err := ioutil.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var set descriptorpb.FileDescriptorSet
	if err := proto.Unmarshal(data, &set); err != nil {
		return nil, fmt.Errorf("%s: %v", path, err)
	}
	files, err := protodesc.NewFiles(&set)
	if err != nil {
		return nil, fmt.Errorf("%s: %v", path, err)
	}
	d, err := files.FindDescriptorByName(serviceName)
	if err != nil {
		return nil, fmt.Errorf("%s: %v", path, err)
	}
	service := d.(protoreflect.ServiceDescriptor)
	lib := &library{methods: map[string]protoreflect.MethodDescriptor{}}
	for i := 0; i < service.Methods().Len(); i++ {
		m := service.Methods().Get(i)
		lib.methods[string(m.Name())] = m
	}
	return lib, nil
}

func (l *library) input(method string) *dynamicpb.Message {
	return dynamicpb.NewMessage(l.methods[method].Input())
}

func (l *library) output(method string) *dynamicpb.Message {
	return dynamicpb.NewMessage(l.methods[method].Output())
}

// Field access by proto name keeps the handlers readable without generated code.

func field(m protoreflect.Message, name string) protoreflect.FieldDescriptor {
	f := m.Descriptor().Fields().ByName(protoreflect.Name(name))
	if f == nil {
		panic(fmt.Sprintf("%s has no field %s", m.Descriptor().FullName(), name))
	}
	return f
}

func getString(m protoreflect.Message, name string) string { return m.Get(field(m, name)).String() }
func getInt(m protoreflect.Message, name string) int64     { return m.Get(field(m, name)).Int() }

func setString(m protoreflect.Message, name, value string) {
	m.Set(field(m, name), protoreflect.ValueOfString(value))
}

func getMessage(m protoreflect.Message, name string) protoreflect.Message {
	return m.Get(field(m, name)).Message()
}

// newField returns a fresh message for a singular message field.
func newField(m protoreflect.Message, name string) protoreflect.Message {
	return m.NewField(field(m, name)).Message()
}

func lastSegment(name string) string { return name[strings.LastIndex(name, "/")+1:] }

func clampCount(n int64) int {
	if n < 0 {
		return 0
	}
	if n > maxItems {
		return maxItems
	}
	return int(n)
}

// ---------------------------------------------------------------------------------------------------------------
// Server

func detailedError(code codes.Code, message, reason, resourceType, resourceName string) error {
	st, err := status.New(code, message).WithDetails(
		&errdetails.ErrorInfo{Reason: reason, Domain: errorDomain, Metadata: map[string]string{"shelf": resourceName}},
		&errdetails.ResourceInfo{ResourceType: resourceType, ResourceName: resourceName},
	)
	if err != nil {
		return status.Error(codes.Internal, err.Error())
	}
	return st.Err()
}

func contextError(ctx context.Context) error {
	if errors.Is(ctx.Err(), context.DeadlineExceeded) {
		return status.Error(codes.DeadlineExceeded, "deadline exceeded while waiting")
	}
	return status.Error(codes.Canceled, "cancelled while waiting")
}

// wait sleeps for d unless the call ends first.
func wait(ctx context.Context, d time.Duration) error {
	timer := time.NewTimer(d)
	defer timer.Stop()
	select {
	case <-timer.C:
		return nil
	case <-ctx.Done():
		return contextError(ctx)
	}
}

type server struct{ lib *library }

func (s *server) handle(_ interface{}, stream grpc.ServerStream) error {
	fullMethod, _ := grpc.MethodFromServerStream(stream)
	prefix := "/" + serviceName + "/"
	method := strings.TrimPrefix(fullMethod, prefix)
	if !strings.HasPrefix(fullMethod, prefix) || s.lib.methods[method] == nil {
		return status.Errorf(codes.Unimplemented, "unknown method %s", fullMethod)
	}
	switch method {
	case "Echo":
		return s.echo(stream)
	case "WatchShelf":
		return s.watchShelf(stream)
	case "BulkCreateBooks":
		return s.bulkCreateBooks(stream)
	case "Chat":
		return s.chat(stream)
	}
	request := s.lib.input(method)
	if err := stream.RecvMsg(request); err != nil {
		return err
	}
	response, err := s.unary(stream.Context(), method, request)
	if err != nil {
		return err
	}
	return stream.SendMsg(response)
}

func (s *server) unary(ctx context.Context, method string, req *dynamicpb.Message) (protoreflect.ProtoMessage, error) {
	resp := s.lib.output(method)
	switch method {
	case "GetShelf":
		name := getString(req, "name")
		switch name {
		case "shelves/missing":
			return nil, detailedError(codes.NotFound, "shelf "+name+" not found", "SHELF_NOT_FOUND",
				"gatehouse.testing.v1.Shelf", name)
		case "shelves/slow":
			if err := wait(ctx, 5*time.Second); err != nil {
				return nil, err
			}
		}
		setString(resp, "name", name)
		setString(resp, "theme", "theme-"+lastSegment(name))
	case "CreateShelf":
		shelf := getMessage(req, "shelf")
		if !shelf.IsValid() {
			shelf = newField(req, "shelf")
		}
		proto.Merge(resp, shelf.Interface())
		if id := getString(req, "shelf_id"); id != "" {
			setString(resp, "name", "shelves/"+id)
		}
	case "ListShelves":
		list := resp.Mutable(field(resp, "shelves")).List()
		for i := 1; i <= clampCount(getInt(req, "page_size")); i++ {
			shelf := list.NewElement().Message()
			setString(shelf, "name", fmt.Sprintf("shelves/%d", i))
			setString(shelf, "theme", fmt.Sprintf("theme-%d", i))
			list.Append(protoreflect.ValueOfMessage(shelf))
		}
		if getInt(req, "page_size") > 0 {
			setString(resp, "next_page_token", "next")
		}
	case "CreateBook":
		if book := getMessage(req, "book"); book.IsValid() {
			proto.Merge(resp, book.Interface())
		}
		if getString(resp, "name") == "" {
			setString(resp, "name", getString(req, "parent")+"/books/1")
		}
	case "GetBook", "GetBookTitle":
		name := getString(req, "name")
		if name == "" {
			name = "books/" + getString(req, "book_id")
		}
		setString(resp, "name", name)
		setString(resp, "title", "title-"+lastSegment(name))
	case "ListBooks":
		parent := getString(req, "parent")
		list := resp.Mutable(field(resp, "books")).List()
		for i := 1; i <= clampCount(int64(getInt(req, "page_size"))); i++ {
			book := list.NewElement().Message()
			setString(book, "name", fmt.Sprintf("%s/books/%d", parent, i))
			list.Append(protoreflect.ValueOfMessage(book))
		}
		if getInt(req, "page_size") > 0 {
			setString(resp, "next_page_token", "next")
		}
	case "UpdateBook":
		if book := getMessage(req, "book"); book.IsValid() {
			proto.Merge(resp, book.Interface())
		}
	case "MoveBook":
		setString(resp, "name", getString(req, "destination_shelf")+"/books/"+lastSegment(getString(req, "name")))
	case "GetCurrentReader":
		setString(resp, "reader_id", "me")
		setString(resp, "display_name", "reader-me")
	case "GetReader":
		setString(resp, "reader_id", getString(req, "reader_id"))
		setString(resp, "display_name", "reader-"+getString(req, "reader_id"))
	case "GetFile":
		setString(resp, "content_type", "text/plain")
		resp.Set(field(resp, "data"), protoreflect.ValueOfBytes([]byte(getString(req, "path"))))
	case "UploadCover":
		setString(resp, "name", getString(req, "name"))
		if cover := getMessage(req, "cover"); cover.IsValid() {
			resp.Set(field(resp, "cover"), cover.Get(field(cover, "data")))
		}
	case "CheckAvailability":
		resp.Set(field(resp, "available"), protoreflect.ValueOfBool(true))
	case "Unbound":
		proto.Merge(resp, req)
	}
	// DeleteShelf, DeleteBook: google.protobuf.Empty.
	return resp, nil
}

func (s *server) echo(stream grpc.ServerStream) error {
	incoming, _ := metadata.FromIncomingContext(stream.Context())
	header := metadata.Pairs("x-peer", peerName)
	trailer := metadata.MD{}
	for key, values := range incoming {
		if strings.HasPrefix(key, "x-echo-") {
			header.Append(key, values...)
			trailer.Append("x-trailer-"+strings.TrimPrefix(key, "x-echo-"), values...)
		}
	}
	trailer.Set("x-saw-authorization", strconv.FormatBool(len(incoming.Get("authorization")) > 0))
	if err := stream.SendHeader(header); err != nil {
		return err
	}
	stream.SetTrailer(trailer)
	var request frame
	if err := stream.RecvMsg(&request); err != nil {
		return err
	}
	return stream.SendMsg(&request)
}

func (s *server) watchShelf(stream grpc.ServerStream) error {
	request := s.lib.input("WatchShelf")
	if err := stream.RecvMsg(request); err != nil {
		return err
	}
	name := getString(request, "name")
	id := strings.TrimPrefix(name, "shelves/")
	failAfter, interval := -1, time.Duration(0)
	if strings.HasPrefix(id, "fail-") {
		id = strings.TrimPrefix(id, "fail-")
		failAfter = 0
	} else if strings.HasPrefix(id, "slow-") {
		id = strings.TrimPrefix(id, "slow-")
		interval = 100 * time.Millisecond
	}
	count, err := strconv.Atoi(id)
	if err != nil || !strings.HasPrefix(name, "shelves/") || count < 0 || count > maxItems {
		return status.Errorf(codes.InvalidArgument,
			"name: %s (expected: shelves/<n>, shelves/fail-<k> or shelves/slow-<n>, n <= %d)", name, maxItems)
	}
	for i := 1; i <= count; i++ {
		if interval > 0 && i > 1 {
			if err := wait(stream.Context(), interval); err != nil {
				return err
			}
		}
		book := s.lib.output("WatchShelf")
		setString(book, "name", fmt.Sprintf("%s/books/%d", name, i))
		setString(book, "title", fmt.Sprintf("title-%d", i))
		if err := stream.SendMsg(book); err != nil {
			return err
		}
	}
	if failAfter >= 0 {
		return detailedError(codes.Aborted, fmt.Sprintf("watch of %s aborted after %d books", name, count),
			"WATCH_ABORTED", "gatehouse.testing.v1.Shelf", name)
	}
	return nil
}

func (s *server) bulkCreateBooks(stream grpc.ServerStream) error {
	created := 0
	for {
		request := s.lib.input("BulkCreateBooks")
		err := stream.RecvMsg(request)
		if err == io.EOF {
			break
		}
		if err != nil {
			return err
		}
		created++
	}
	response := s.lib.output("BulkCreateBooks")
	response.Set(field(response, "created"), protoreflect.ValueOfInt32(int32(created)))
	return stream.SendMsg(response)
}

func (s *server) chat(stream grpc.ServerStream) error {
	for {
		message := s.lib.input("Chat")
		err := stream.RecvMsg(message)
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		reply := s.lib.output("Chat")
		setString(reply, "text", "echo: "+getString(message, "text"))
		setString(reply, "from", peerName)
		if err := stream.SendMsg(reply); err != nil {
			return err
		}
	}
}

func runServer(lib *library, port int) error {
	listener, err := net.Listen("tcp", net.JoinHostPort("127.0.0.1", strconv.Itoa(port)))
	if err != nil {
		return err
	}
	s := &server{lib: lib}
	grpcServer := grpc.NewServer(grpc.CustomCodec(codec{}), grpc.UnknownServiceHandler(s.handle))
	healthServer := health.NewServer()
	healthServer.SetServingStatus(serviceName, healthpb.HealthCheckResponse_SERVING)
	healthpb.RegisterHealthServer(grpcServer, healthServer)

	stop := make(chan struct{}, 2)
	signals := make(chan os.Signal, 1)
	signal.Notify(signals, syscall.SIGTERM, syscall.SIGINT)
	go func() { <-signals; stop <- struct{}{} }()
	go func() {
		// End of input also stops the server: a test runner that dies closes the pipe, leaving no orphan.
		lines := bufio.NewScanner(os.Stdin)
		for lines.Scan() {
			if strings.TrimSpace(lines.Text()) == "shutdown" {
				break
			}
		}
		stop <- struct{}{}
	}()
	go func() {
		<-stop
		// GracefulStop sends GOAWAY and waits for in-flight calls; Stop ends what is still running after 2 s.
		done := make(chan struct{})
		go func() { grpcServer.GracefulStop(); close(done) }()
		select {
		case <-done:
		case <-time.After(2 * time.Second):
			grpcServer.Stop()
		}
	}()

	fmt.Printf("LISTENING %d\n", listener.Addr().(*net.TCPAddr).Port)
	os.Stdout.Sync()
	if err := grpcServer.Serve(listener); err != nil && err != grpc.ErrServerStopped {
		return err
	}
	return nil
}

// ---------------------------------------------------------------------------------------------------------------
// Client

// outcome is the one JSON line a client prints; every peer prints the same keys.
type outcome struct {
	Peer     string            `json:"peer"`
	Scenario string            `json:"scenario"`
	Ok       bool              `json:"ok"`
	Code     int               `json:"code"`
	Message  string            `json:"message"`
	Count    int               `json:"count"`
	Details  []string          `json:"details"`
	Reason   string            `json:"reason"`
	Server   string            `json:"server"`
	Headers  map[string]string `json:"headers"`
	Trailers map[string]string `json:"trailers"`
	Problem  string            `json:"problem"`
}

type client struct {
	lib  *library
	conn *grpc.ClientConn
	out  *outcome
}

func (c *client) stream(ctx context.Context, method string, opts ...grpc.CallOption) (grpc.ClientStream, error) {
	m := c.lib.methods[method]
	desc := &grpc.StreamDesc{StreamName: method, ServerStreams: m.IsStreamingServer(), ClientStreams: m.IsStreamingClient()}
	return c.conn.NewStream(ctx, desc, "/"+serviceName+"/"+method, opts...)
}

// record notes the call's status and rich error details.
func (c *client) record(err error) {
	st := status.Convert(err)
	c.out.Code = int(st.Code())
	c.out.Message = st.Message()
	for _, detail := range st.Proto().GetDetails() {
		typeName := detail.GetTypeUrl()[strings.LastIndex(detail.GetTypeUrl(), "/")+1:]
		c.out.Details = append(c.out.Details, typeName)
		if typeName == "google.rpc.ErrorInfo" {
			var info errdetails.ErrorInfo
			if protoV1.Unmarshal(detail.GetValue(), &info) == nil {
				c.out.Reason = info.GetReason()
			}
		}
	}
}

func (c *client) expect(condition bool, format string, args ...interface{}) {
	if !condition && c.out.Problem == "" {
		c.out.Problem = fmt.Sprintf(format, args...)
	}
}

func (c *client) expectCode(code codes.Code) {
	c.expect(c.out.Code == int(code), "status %d, expected %d (%s)", c.out.Code, int(code), code)
}

func (c *client) getShelf(ctx context.Context, name string) (*dynamicpb.Message, error) {
	request := c.lib.input("GetShelf")
	setString(request, "name", name)
	response := c.lib.output("GetShelf")
	err := c.conn.Invoke(ctx, "/"+serviceName+"/GetShelf", request, response)
	c.record(err)
	return response, err
}

func (c *client) run(scenario string) {
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	switch scenario {
	case "unary":
		shelf, err := c.getShelf(ctx, "shelves/1")
		if err == nil {
			c.out.Count = 1
			c.expect(getString(shelf, "theme") == "theme-1", "theme %q, expected theme-1", getString(shelf, "theme"))
		}
		c.expectCode(codes.OK)
	case "error":
		c.getShelf(ctx, "shelves/missing")
		c.expectCode(codes.NotFound)
		c.expect(c.out.Message == "shelf shelves/missing not found", "message %q", c.out.Message)
		c.expect(len(c.out.Details) == 2, "details %v, expected ErrorInfo and ResourceInfo", c.out.Details)
		c.expect(c.out.Reason == "SHELF_NOT_FOUND", "reason %q, expected SHELF_NOT_FOUND", c.out.Reason)
	case "deadline":
		deadlineCtx, cancelDeadline := context.WithTimeout(ctx, 300*time.Millisecond)
		defer cancelDeadline()
		c.getShelf(deadlineCtx, "shelves/slow")
		c.expectCode(codes.DeadlineExceeded)
	case "server-stream":
		c.watch(ctx, "shelves/5", -1)
		c.expectCode(codes.OK)
		c.expect(c.out.Count == 5, "%d books, expected 5", c.out.Count)
	case "cancel":
		c.watch(ctx, "shelves/slow-50", 2)
		c.expectCode(codes.Canceled)
		c.expect(c.out.Count == 2, "%d books, expected 2", c.out.Count)
	case "client-stream":
		c.bulkCreate(ctx, 5)
	case "bidi":
		c.chat(ctx, 3)
	case "large":
		payload := make([]byte, 1<<20)
		for i := range payload {
			payload[i] = byte(i % 251)
		}
		response := c.echo(ctx, nil, func(m *dynamicpb.Message) {
			m.Set(field(m, "bytes_value"), protoreflect.ValueOfBytes(payload))
		})
		c.expectCode(codes.OK)
		if response != nil {
			c.expect(bytes.Equal(response.Get(field(response, "bytes_value")).Bytes(), payload),
				"echoed bytes_value differs from the 1 MiB sent")
		}
	case "metadata":
		md := metadata.Pairs("x-echo-id", "7", "authorization", "Bearer peer-token")
		c.echo(ctx, md, func(m *dynamicpb.Message) { setString(m, "string_value", "metadata") })
		c.expectCode(codes.OK)
		c.expect(c.out.Headers["x-echo-id"] == "7", "header x-echo-id %q, expected 7", c.out.Headers["x-echo-id"])
		c.expect(c.out.Trailers["x-trailer-id"] == "7", "trailer x-trailer-id %q, expected 7", c.out.Trailers["x-trailer-id"])
		c.expect(c.out.Trailers["x-saw-authorization"] == "true", "trailer x-saw-authorization %q, expected true",
			c.out.Trailers["x-saw-authorization"])
		c.expect(c.out.Server != "", "no x-peer header")
	default:
		c.out.Problem = "unknown scenario " + scenario
	}
}

func (c *client) watch(ctx context.Context, name string, cancelAfter int) {
	callCtx, cancel := context.WithCancel(ctx)
	defer cancel()
	stream, err := c.stream(callCtx, "WatchShelf")
	if err != nil {
		c.record(err)
		return
	}
	request := c.lib.input("WatchShelf")
	setString(request, "name", name)
	if err := stream.SendMsg(request); err != nil {
		c.record(err)
		return
	}
	stream.CloseSend()
	for {
		book := c.lib.output("WatchShelf")
		err := stream.RecvMsg(book)
		if err == io.EOF {
			c.record(nil)
			return
		}
		if err != nil {
			c.record(err)
			return
		}
		c.out.Count++
		want := fmt.Sprintf("%s/books/%d", name, c.out.Count)
		c.expect(getString(book, "name") == want, "book %q, expected %q", getString(book, "name"), want)
		if c.out.Count == cancelAfter {
			cancel()
		}
	}
}

func (c *client) bulkCreate(ctx context.Context, n int) {
	stream, err := c.stream(ctx, "BulkCreateBooks")
	if err != nil {
		c.record(err)
		return
	}
	for i := 1; i <= n; i++ {
		request := c.lib.input("BulkCreateBooks")
		setString(request, "parent", "shelves/1")
		book := newField(request, "book")
		setString(book, "title", fmt.Sprintf("title-%d", i))
		request.Set(field(request, "book"), protoreflect.ValueOfMessage(book))
		if err := stream.SendMsg(request); err != nil {
			break
		}
	}
	stream.CloseSend()
	response := c.lib.output("BulkCreateBooks")
	err = stream.RecvMsg(response)
	c.record(err)
	c.expectCode(codes.OK)
	if err == nil {
		c.out.Count = int(getInt(response, "created"))
		c.expect(c.out.Count == n, "created %d, expected %d", c.out.Count, n)
	}
}

func (c *client) chat(ctx context.Context, n int) {
	stream, err := c.stream(ctx, "Chat")
	if err != nil {
		c.record(err)
		return
	}
	// One message at a time: each reply must arrive before the next message is sent.
	for i := 1; i <= n; i++ {
		message := c.lib.input("Chat")
		setString(message, "text", fmt.Sprintf("m%d", i))
		if err := stream.SendMsg(message); err != nil {
			break
		}
		reply := c.lib.output("Chat")
		if err := stream.RecvMsg(reply); err != nil {
			c.record(err)
			c.expectCode(codes.OK)
			return
		}
		c.out.Count++
		c.out.Server = getString(reply, "from")
		c.expect(getString(reply, "text") == fmt.Sprintf("echo: m%d", i), "reply %q", getString(reply, "text"))
	}
	stream.CloseSend()
	err = stream.RecvMsg(c.lib.output("Chat"))
	if err == io.EOF {
		err = nil
	}
	c.record(err)
	c.expectCode(codes.OK)
	c.expect(c.out.Count == n, "%d replies, expected %d", c.out.Count, n)
	c.expect(c.out.Server != "", "replies name no peer")
}

func (c *client) echo(ctx context.Context, md metadata.MD, fill func(*dynamicpb.Message)) *dynamicpb.Message {
	if md != nil {
		ctx = metadata.NewOutgoingContext(ctx, md)
	}
	request := c.lib.input("Echo")
	fill(request)
	response := c.lib.output("Echo")
	var header, trailer metadata.MD
	err := c.conn.Invoke(ctx, "/"+serviceName+"/Echo", request, response, grpc.Header(&header), grpc.Trailer(&trailer))
	c.record(err)
	c.out.Headers = firstValues(header)
	c.out.Trailers = firstValues(trailer)
	c.out.Server = c.out.Headers["x-peer"]
	if err != nil {
		return nil
	}
	c.out.Count = 1
	return response
}

// firstValues keeps the application's keys only: the transport's own vary between implementations.
func firstValues(md metadata.MD) map[string]string {
	values := map[string]string{}
	for key, vs := range md {
		if strings.HasPrefix(key, "x-") && len(vs) > 0 {
			values[key] = vs[0]
		}
	}
	return values
}

func runClient(lib *library, target, scenario string) int {
	out := &outcome{Peer: peerName, Scenario: scenario, Details: []string{}, Headers: map[string]string{}, Trailers: map[string]string{}}
	conn, err := grpc.Dial(target, grpc.WithInsecure(), grpc.WithDefaultCallOptions(grpc.ForceCodec(codec{})))
	if err != nil {
		out.Problem = err.Error()
	} else {
		defer conn.Close()
		(&client{lib: lib, conn: conn, out: out}).run(scenario)
	}
	out.Ok = out.Problem == ""
	line, _ := json.Marshal(out)
	fmt.Println(string(line))
	if out.Ok {
		return 0
	}
	return 1
}

// ---------------------------------------------------------------------------------------------------------------

func usage() {
	fmt.Fprintln(os.Stderr, "usage: go-peer server --port PORT [--descriptor-set FILE]")
	fmt.Fprintln(os.Stderr, "       go-peer client --target HOST:PORT --scenario NAME [--descriptor-set FILE]")
	os.Exit(2)
}

func main() {
	if len(os.Args) < 2 || (os.Args[1] != "server" && os.Args[1] != "client") {
		usage()
	}
	flags := flag.NewFlagSet(os.Args[1], flag.ExitOnError)
	port := flags.Int("port", 0, "port to listen on, 127.0.0.1 only; 0 picks a free one")
	descriptorSet := flags.String("descriptor-set", defaultDescriptorSet(), "descriptor set with imports")
	target := flags.String("target", "", "server address, HOST:PORT")
	scenario := flags.String("scenario", "", "client scenario")
	flags.Parse(os.Args[2:])

	lib, err := loadLibrary(*descriptorSet)
	if err != nil {
		fmt.Fprintln(os.Stderr, "go-peer: descriptor set:", err)
		os.Exit(2)
	}
	if os.Args[1] == "server" {
		if err := runServer(lib, *port); err != nil {
			fmt.Fprintln(os.Stderr, "go-peer:", err)
			os.Exit(1)
		}
		return
	}
	if *target == "" || *scenario == "" {
		usage()
	}
	os.Exit(runClient(lib, *target, *scenario))
}

// defaultDescriptorSet is the one the Maven build writes, relative to the repository root.
func defaultDescriptorSet() string {
	return "gatehouse-testing/target/classes/gatehouse/testing/v1/testing.desc"
}
