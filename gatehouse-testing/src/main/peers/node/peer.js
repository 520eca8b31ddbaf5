#!/usr/bin/env node
// The Node (@grpc/grpc-js) peer of Gatehouse's interoperability tests: one program, two roles.
//
//   node peer.js server --port 0 [--descriptor-set FILE]
//   node peer.js client --target 127.0.0.1:PORT --scenario NAME [--descriptor-set FILE]
//
// @grpc/proto-loader reads the descriptor set at run time, so no protoc step is needed; the behaviour is the same
// in every language and is described in docs/testing.md.
'use strict';

const fs = require('fs');
const readline = require('readline');
const grpc = require('@grpc/grpc-js');
const protoLoader = require('@grpc/proto-loader');
const protobuf = require('protobufjs');

const PEER = 'node';
const SERVICE = 'gatehouse.testing.v1.Library';
const ERROR_DOMAIN = 'library.gatehouse.dev';
const MAX_ITEMS = 10000;
const DEFAULT_DESCRIPTOR_SET = 'gatehouse-testing/target/classes/gatehouse/testing/v1/testing.desc';

// google.rpc.Status and the two error details the peers use, declared here: npm's googleapis packages are large.
const rpc = protobuf.Root.fromJSON({
  nested: {
    google: {
      nested: {
        protobuf: {
          nested: { Any: { fields: { type_url: { type: 'string', id: 1 }, value: { type: 'bytes', id: 2 } } } },
        },
        rpc: {
          nested: {
            Status: {
              fields: {
                code: { type: 'int32', id: 1 },
                message: { type: 'string', id: 2 },
                details: { rule: 'repeated', type: 'google.protobuf.Any', id: 3 },
              },
            },
            ErrorInfo: {
              fields: {
                reason: { type: 'string', id: 1 },
                domain: { type: 'string', id: 2 },
                metadata: { keyType: 'string', type: 'string', id: 3 },
              },
            },
            ResourceInfo: {
              fields: {
                resource_type: { type: 'string', id: 1 },
                resource_name: { type: 'string', id: 2 },
                owner: { type: 'string', id: 3 },
                description: { type: 'string', id: 4 },
              },
            },
          },
        },
      },
    },
  },
}, new protobuf.Root());
const Status = rpc.lookupType('google.rpc.Status');
const ErrorInfo = rpc.lookupType('google.rpc.ErrorInfo');
const ResourceInfo = rpc.lookupType('google.rpc.ResourceInfo');

function loadLibrary(path) {
  const definition = protoLoader.loadFileDescriptorSetFromBuffer(fs.readFileSync(path), {
    keepCase: true, longs: String, enums: String, bytes: Buffer, defaults: false, oneofs: true,
  });
  if (!definition[SERVICE]) throw new Error(`${path}: no service ${SERVICE}`);
  return definition[SERVICE];
}

const lastSegment = (name) => name.slice(name.lastIndexOf('/') + 1);
const clamp = (n) => Math.max(0, Math.min(Number(n) || 0, MAX_ITEMS));

// -------------------------------------------------------------------------------------------------------------
// Server

function detailedError(code, message, reason, name) {
  const any = (type, value) => ({ type_url: `type.googleapis.com/${type.fullName.slice(1)}`, value: type.encode(value).finish() });
  const status = Status.create({
    code,
    message,
    details: [
      any(ErrorInfo, ErrorInfo.create({ reason, domain: ERROR_DOMAIN, metadata: { shelf: name } })),
      any(ResourceInfo, ResourceInfo.create({ resource_type: 'gatehouse.testing.v1.Shelf', resource_name: name })),
    ],
  });
  const metadata = new grpc.Metadata();
  metadata.set('grpc-status-details-bin', Buffer.from(Status.encode(status).finish()));
  return { code, details: message, metadata };
}

// Waits ms unless the call ends first; resolves true when the wait ran to its end.
function wait(call, ms) {
  return new Promise((resolve) => {
    if (call.cancelled) return resolve(false);
    const timer = setTimeout(() => { call.removeListener('cancelled', onCancel); resolve(true); }, ms);
    const onCancel = () => { clearTimeout(timer); resolve(false); };
    call.once('cancelled', onCancel);
  });
}

function unary(method) {
  return (call, callback) => {
    const req = call.request;
    switch (method) {
      case 'GetShelf': {
        if (req.name === 'shelves/missing') {
          return callback(detailedError(grpc.status.NOT_FOUND, `shelf ${req.name} not found`, 'SHELF_NOT_FOUND', req.name));
        }
        const shelf = { name: req.name, theme: `theme-${lastSegment(req.name)}` };
        if (req.name === 'shelves/slow') {
          wait(call, 5000).then((done) => done && callback(null, shelf));
          return undefined;
        }
        return callback(null, shelf);
      }
      case 'CreateShelf':
        return callback(null, { ...(req.shelf || {}), ...(req.shelf_id ? { name: `shelves/${req.shelf_id}` } : {}) });
      case 'ListShelves': {
        const shelves = [];
        for (let i = 1; i <= clamp(req.page_size); i++) shelves.push({ name: `shelves/${i}`, theme: `theme-${i}` });
        return callback(null, { shelves, next_page_token: req.page_size > 0 ? 'next' : '' });
      }
      case 'CreateBook': {
        const book = { ...(req.book || {}) };
        if (!book.name) book.name = `${req.parent || ''}/books/1`;
        return callback(null, book);
      }
      case 'GetBook':
      case 'GetBookTitle': {
        const name = req.name || `books/${req.book_id || ''}`;
        return callback(null, { name, title: `title-${lastSegment(name)}` });
      }
      case 'ListBooks': {
        const books = [];
        for (let i = 1; i <= clamp(req.page_size); i++) books.push({ name: `${req.parent || ''}/books/${i}` });
        return callback(null, { books, next_page_token: req.page_size > 0 ? 'next' : '' });
      }
      case 'UpdateBook':
        return callback(null, req.book || {});
      case 'MoveBook':
        return callback(null, { name: `${req.destination_shelf || ''}/books/${lastSegment(req.name || '')}` });
      case 'GetCurrentReader':
        return callback(null, { reader_id: 'me', display_name: 'reader-me' });
      case 'GetReader':
        return callback(null, { reader_id: req.reader_id, display_name: `reader-${req.reader_id || ''}` });
      case 'GetFile':
        return callback(null, { content_type: 'text/plain', data: Buffer.from(req.path || '') });
      case 'UploadCover':
        return callback(null, { name: req.name, cover: req.cover ? req.cover.data : undefined });
      case 'CheckAvailability':
        return callback(null, { available: true });
      case 'Unbound':
        return callback(null, req);
      default: // DeleteShelf, DeleteBook: google.protobuf.Empty.
        return callback(null, {});
    }
  };
}

function echo(call, callback) {
  const header = new grpc.Metadata();
  const trailer = new grpc.Metadata();
  header.set('x-peer', PEER);
  const incoming = call.metadata.getMap();
  for (const key of Object.keys(incoming)) {
    if (!key.startsWith('x-echo-')) continue;
    for (const value of call.metadata.get(key)) {
      header.add(key, value);
      trailer.add(`x-trailer-${key.slice('x-echo-'.length)}`, value);
    }
  }
  trailer.set('x-saw-authorization', String(call.metadata.get('authorization').length > 0));
  call.sendMetadata(header);
  callback(null, call.request, trailer); // a Buffer: no deserializer, so the reply is exactly what arrived
}

async function watchShelf(call) {
  const name = call.request.name || '';
  const match = /^shelves\/(fail-|slow-)?(\d+)$/.exec(name);
  if (!match || Number(match[2]) > MAX_ITEMS) {
    call.emit('error', {
      code: grpc.status.INVALID_ARGUMENT,
      details: `name: ${name} (expected: shelves/<n>, shelves/fail-<k> or shelves/slow-<n>, n <= ${MAX_ITEMS})`,
    });
    return;
  }
  const count = Number(match[2]);
  for (let i = 1; i <= count; i++) {
    if (match[1] === 'slow-' && i > 1 && !(await wait(call, 100))) return;
    if (call.cancelled) return;
    call.write({ name: `${name}/books/${i}`, title: `title-${i}` });
  }
  if (match[1] === 'fail-') {
    call.emit('error', detailedError(grpc.status.ABORTED, `watch of ${name} aborted after ${count} books`, 'WATCH_ABORTED', name));
    return;
  }
  call.end();
}

function bulkCreateBooks(call, callback) {
  let created = 0;
  call.on('data', () => { created++; });
  call.on('end', () => callback(null, { created }));
}

function chat(call) {
  call.on('data', (message) => call.write({ text: `echo: ${message.text || ''}`, from: PEER }));
  call.on('end', () => call.end());
}

function runServer(library, port) {
  const identity = (buffer) => buffer;
  const service = { ...library, Echo: { ...library.Echo, requestDeserialize: identity, responseSerialize: identity } };
  const implementation = {};
  for (const method of Object.keys(library)) {
    if (!library[method].requestStream && !library[method].responseStream) implementation[method] = unary(method);
  }
  Object.assign(implementation, { Echo: echo, WatchShelf: watchShelf, BulkCreateBooks: bulkCreateBooks, Chat: chat });

  const server = new grpc.Server();
  server.addService(service, implementation);
  // grpc.health.v1.Health/Check answering SERVING (HealthCheckResponse{status: 1}), written as bytes.
  const health = {
    path: '/grpc.health.v1.Health/Check', requestStream: false, responseStream: false,
    requestSerialize: identity, requestDeserialize: identity, responseSerialize: identity, responseDeserialize: identity,
  };
  server.addService({ Check: health }, { Check: (call, callback) => callback(null, Buffer.from([0x08, 0x01])) });

  server.bindAsync(`127.0.0.1:${port}`, grpc.ServerCredentials.createInsecure(), (error, bound) => {
    if (error) {
      console.error(`node-peer: cannot listen on 127.0.0.1:${port}: ${error.message}`);
      process.exit(1);
    }
    process.stdout.write(`LISTENING ${bound}\n`);
  });

  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    // tryShutdown refuses new calls and sends GOAWAY; calls still running after 2 s are ended.
    const force = setTimeout(() => server.forceShutdown(), 2000);
    server.tryShutdown(() => { clearTimeout(force); process.exit(0); });
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  // End of input also stops the server: a test runner that dies closes the pipe, leaving no orphan.
  const lines = readline.createInterface({ input: process.stdin });
  lines.on('line', (line) => { if (line.trim() === 'shutdown') stop(); });
  lines.on('close', stop);
}

// -------------------------------------------------------------------------------------------------------------
// Client

class Client {
  constructor(library, target, out) {
    const Library = grpc.makeGenericClientConstructor(library, SERVICE);
    this.stub = new Library(target, grpc.credentials.createInsecure());
    this.out = out;
  }

  static deadline(ms) { return new Date(Date.now() + ms); }

  record(error) {
    if (!error) { this.out.code = 0; return; }
    this.out.code = error.code;
    this.out.message = error.details || '';
    const [bytes] = error.metadata ? error.metadata.get('grpc-status-details-bin') : [];
    if (!bytes) return;
    for (const detail of Status.decode(bytes).details) {
      const typeName = detail.type_url.slice(detail.type_url.lastIndexOf('/') + 1);
      this.out.details.push(typeName);
      if (typeName === 'google.rpc.ErrorInfo') this.out.reason = ErrorInfo.decode(detail.value).reason;
    }
  }

  expect(condition, problem) {
    if (!condition && !this.out.problem) this.out.problem = problem;
  }

  expectCode(code) {
    const name = Object.keys(grpc.status).find((key) => grpc.status[key] === code);
    this.expect(this.out.code === code, `status ${this.out.code}, expected ${code} (${name})`);
  }

  getShelf(name, ms = 20000) {
    return new Promise((resolve) => {
      this.stub.GetShelf({ name }, { deadline: Client.deadline(ms) }, (error, shelf) => {
        this.record(error);
        resolve(error ? null : shelf);
      });
    });
  }

  async run(scenario) {
    const s = grpc.status;
    switch (scenario) {
      case 'unary': {
        const shelf = await this.getShelf('shelves/1');
        if (shelf) {
          this.out.count = 1;
          this.expect(shelf.theme === 'theme-1', `theme ${JSON.stringify(shelf.theme)}, expected theme-1`);
        }
        this.expectCode(s.OK);
        break;
      }
      case 'error':
        await this.getShelf('shelves/missing');
        this.expectCode(s.NOT_FOUND);
        this.expect(this.out.message === 'shelf shelves/missing not found', `message ${JSON.stringify(this.out.message)}`);
        this.expect(this.out.details.length === 2, `details ${JSON.stringify(this.out.details)}, expected ErrorInfo and ResourceInfo`);
        this.expect(this.out.reason === 'SHELF_NOT_FOUND', `reason ${JSON.stringify(this.out.reason)}, expected SHELF_NOT_FOUND`);
        break;
      case 'deadline':
        await this.getShelf('shelves/slow', 300);
        this.expectCode(s.DEADLINE_EXCEEDED);
        break;
      case 'server-stream':
        await this.watch('shelves/5', -1);
        this.expectCode(s.OK);
        this.expect(this.out.count === 5, `${this.out.count} books, expected 5`);
        break;
      case 'cancel':
        await this.watch('shelves/slow-50', 2);
        this.expectCode(s.CANCELLED);
        this.expect(this.out.count === 2, `${this.out.count} books, expected 2`);
        break;
      case 'client-stream':
        await this.bulkCreate(5);
        break;
      case 'bidi':
        await this.chat(3);
        break;
      case 'large': {
        const payload = Buffer.alloc(1 << 20);
        for (let i = 0; i < payload.length; i++) payload[i] = i % 251;
        const response = await this.echo({ bytes_value: payload }, new grpc.Metadata());
        this.expectCode(s.OK);
        if (response) {
          this.expect(Buffer.isBuffer(response.bytes_value) && payload.equals(response.bytes_value),
            'echoed bytes_value differs from the 1 MiB sent');
        }
        break;
      }
      case 'metadata': {
        const metadata = new grpc.Metadata();
        metadata.set('x-echo-id', '7');
        metadata.set('authorization', 'Bearer peer-token');
        await this.echo({ string_value: 'metadata' }, metadata);
        this.expectCode(s.OK);
        const { headers, trailers } = this.out;
        this.expect(headers['x-echo-id'] === '7', `header x-echo-id ${JSON.stringify(headers['x-echo-id'])}, expected 7`);
        this.expect(trailers['x-trailer-id'] === '7', `trailer x-trailer-id ${JSON.stringify(trailers['x-trailer-id'])}, expected 7`);
        this.expect(trailers['x-saw-authorization'] === 'true',
          `trailer x-saw-authorization ${JSON.stringify(trailers['x-saw-authorization'])}, expected true`);
        this.expect(this.out.server !== '', 'no x-peer header');
        break;
      }
      default:
        this.out.problem = `unknown scenario ${scenario}`;
    }
  }

  watch(name, cancelAfter) {
    return new Promise((resolve) => {
      const call = this.stub.WatchShelf({ name }, { deadline: Client.deadline(20000) });
      call.on('data', (book) => {
        this.out.count++;
        const want = `${name}/books/${this.out.count}`;
        this.expect(book.name === want, `book ${JSON.stringify(book.name)}, expected ${JSON.stringify(want)}`);
        if (this.out.count === cancelAfter) call.cancel();
      });
      call.on('error', (error) => { this.record(error); resolve(); });
      call.on('status', (status) => { if (status.code === grpc.status.OK) { this.record(null); resolve(); } });
    });
  }

  bulkCreate(n) {
    return new Promise((resolve) => {
      const call = this.stub.BulkCreateBooks({ deadline: Client.deadline(20000) }, (error, response) => {
        this.record(error);
        this.expectCode(grpc.status.OK);
        if (response) {
          this.out.count = response.created || 0;
          this.expect(this.out.count === n, `created ${this.out.count}, expected ${n}`);
        }
        resolve();
      });
      for (let i = 1; i <= n; i++) call.write({ parent: 'shelves/1', book: { title: `title-${i}` } });
      call.end();
    });
  }

  chat(n) {
    // One message at a time: each reply must arrive before the next message is sent.
    return new Promise((resolve) => {
      const call = this.stub.Chat({ deadline: Client.deadline(20000) });
      call.on('data', (reply) => {
        this.out.count++;
        this.out.server = reply.from || '';
        this.expect(reply.text === `echo: m${this.out.count}`, `reply ${JSON.stringify(reply.text)}`);
        if (this.out.count < n) call.write({ text: `m${this.out.count + 1}` });
        else call.end();
      });
      const finish = (error) => {
        this.record(error);
        this.expectCode(grpc.status.OK);
        this.expect(this.out.count === n, `${this.out.count} replies, expected ${n}`);
        this.expect(this.out.server !== '', 'replies name no peer');
        resolve();
      };
      call.on('error', finish);
      call.on('status', (status) => { if (status.code === grpc.status.OK) finish(null); });
      call.write({ text: 'm1' });
    });
  }

  echo(request, metadata) {
    // Only the application's keys: the transport's own vary between implementations.
    const application = (md) => Object.fromEntries(Object.entries(md.getMap())
      .filter(([key]) => key.startsWith('x-')).map(([key, value]) => [key, String(value)]));
    return new Promise((resolve) => {
      let response = null;
      const call = this.stub.Echo(request, metadata, { deadline: Client.deadline(20000) }, (error, value) => {
        this.record(error);
        if (!error) { response = value; this.out.count = 1; }
      });
      call.on('metadata', (headers) => {
        this.out.headers = application(headers);
        this.out.server = this.out.headers['x-peer'] || '';
      });
      call.on('status', (status) => {
        this.out.trailers = application(status.metadata);
        resolve(response);
      });
    });
  }
}

async function runClient(library, target, scenario) {
  const out = {
    peer: PEER, scenario, ok: false, code: 0, message: '', count: 0, details: [], reason: '', server: '',
    headers: {}, trailers: {}, problem: '',
  };
  const client = new Client(library, target, out);
  try {
    await client.run(scenario);
  } catch (error) {
    out.problem = `client failed: ${error.stack || error}`;
  }
  client.stub.close();
  out.ok = out.problem === '';
  process.stdout.write(`${JSON.stringify(out)}\n`);
  return out.ok ? 0 : 1;
}

// -------------------------------------------------------------------------------------------------------------

function parseArguments(argv) {
  const usage = 'usage: node peer.js server --port PORT [--descriptor-set FILE]\n'
    + '       node peer.js client --target HOST:PORT --scenario NAME [--descriptor-set FILE]';
  const [role, ...rest] = argv;
  const options = { role, port: 0, descriptorSet: DEFAULT_DESCRIPTOR_SET };
  const names = { '--port': 'port', '--descriptor-set': 'descriptorSet', '--target': 'target', '--scenario': 'scenario' };
  for (let i = 0; i < rest.length; i += 2) {
    if (!names[rest[i]] || rest[i + 1] === undefined) throw new Error(`${rest[i]}: unknown or without value\n${usage}`);
    options[names[rest[i]]] = rest[i + 1];
  }
  if (role !== 'server' && role !== 'client') throw new Error(usage);
  if (role === 'client' && (!options.target || !options.scenario)) throw new Error(`client needs --target and --scenario\n${usage}`);
  return options;
}

async function main() {
  let options;
  try {
    options = parseArguments(process.argv.slice(2));
  } catch (error) {
    console.error(error.message);
    process.exit(2);
  }
  const library = loadLibrary(options.descriptorSet);
  if (options.role === 'server') {
    runServer(library, Number(options.port));
  } else {
    process.exitCode = await runClient(library, options.target, options.scenario);
  }
}

main();
