/**
 * Browser code (ES2020, as text: it runs in the IDE page, inside its one inline script) that
 * renders GraphiQL with our own fetcher instead of Yoga's. Yoga's opens the subscription
 * WebSocket with fixed `connectionParams` (none from the Headers editor), so with auth on every
 * subscription was refused at connect (4403). This one reads the Headers editor at each run:
 * - queries and mutations: POST /graphql with those headers (as Yoga's did);
 * - subscriptions: a graphql-ws connection per run (protocol `graphql-transport-ws`) whose
 *   `connection_init` carries the editor's `Authorization` as `connectionParams.authorization`,
 *   so a changed token applies to the next run. Its messages are yielded to GraphiQL as an async
 *   iterator; Stop sends `complete` and closes; a close before `complete` shows as an error.
 * It is called as `(root, options)` in place of `YogaGraphiQL.renderYogaGraphiQL` (page.ts).
 */
export const IDE_RENDER_FUNCTION = String.raw`function (root, options) {
  var endpoint = new URL(options.endpoint || location.pathname, location.href).toString();
  var socketUrl = endpoint.replace(/^http/, 'ws');
  function authorizationOf(headers) {
    for (var name in headers || {}) if (name.toLowerCase() === 'authorization') return headers[name];
    return undefined;
  }
  function isSubscription(params, opts) {
    var document = opts && opts.documentAST;
    if (!document) return /^\s*subscription\b/m.test(params.query || '');
    var operations = document.definitions.filter(function (d) { return d.kind === 'OperationDefinition'; });
    var operation = params.operationName
      ? operations.find(function (d) { return d.name && d.name.value === params.operationName; })
      : operations[0];
    return Boolean(operation) && operation.operation === 'subscription';
  }
  function post(params, headers) {
    return fetch(endpoint, {
      method: 'POST',
      credentials: 'same-origin',
      headers: Object.assign(
        { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' },
        headers,
      ),
      body: JSON.stringify(params),
    }).then(function (res) { return res.json(); });
  }
  function subscribe(params, headers) {
    var authorization = authorizationOf(headers);
    var socket = new WebSocket(socketUrl, 'graphql-transport-ws');
    var items = [];
    var waiting = null;
    var done = false;
    function emit(item) {
      if (done) return;
      if (item.done) done = true;
      if (waiting) { var resolve = waiting; waiting = null; resolve(item); } else items.push(item);
    }
    function send(message) { if (socket.readyState === WebSocket.OPEN) socket.send(JSON.stringify(message)); }
    socket.onopen = function () {
      send({ type: 'connection_init', payload: authorization ? { authorization: authorization } : {} });
    };
    socket.onmessage = function (event) {
      var message = JSON.parse(event.data);
      if (message.type === 'connection_ack') {
        send({ id: '1', type: 'subscribe', payload: { query: params.query, variables: params.variables, operationName: params.operationName } });
      } else if (message.type === 'ping') {
        send({ type: 'pong' });
      } else if (message.type === 'next') {
        emit({ value: message.payload, done: false });
      } else if (message.type === 'error') {
        emit({ value: { errors: message.payload }, done: false });
        emit({ value: undefined, done: true });
        socket.close(1000);
      } else if (message.type === 'complete') {
        emit({ value: undefined, done: true });
        socket.close(1000);
      }
    };
    socket.onclose = function (event) {
      if (done) return;
      var reason = event.code === 4403 ? 'Forbidden: check the Authorization header' : event.reason;
      emit({ value: { errors: [{ message: 'Subscription closed (' + event.code + (reason ? ': ' + reason : '') + ')' }] }, done: false });
      emit({ value: undefined, done: true });
    };
    var iterator = {
      next: function () {
        if (items.length > 0) return Promise.resolve(items.shift());
        if (done) return Promise.resolve({ value: undefined, done: true });
        return new Promise(function (resolve) { waiting = resolve; });
      },
      return: function () {
        if (!done) send({ id: '1', type: 'complete' });
        emit({ value: undefined, done: true });
        if (socket.readyState <= WebSocket.OPEN) socket.close(1000);
        return Promise.resolve({ value: undefined, done: true });
      },
    };
    iterator[Symbol.asyncIterator] = function () { return iterator; };
    return iterator;
  }
  var rendered = Object.assign({}, options, {
    fetcher: function (params, opts) {
      var headers = (opts && opts.headers) || {};
      return isSubscription(params, opts) ? subscribe(params, headers) : post(params, headers);
    },
  });
  delete rendered.endpoint;
  return YogaGraphiQL.renderYogaGraphiQL(root, rendered);
}`;
