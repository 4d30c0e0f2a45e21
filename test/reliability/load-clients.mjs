// Browser stand-ins for the server load test, in a worker thread of their own so that the event-loop lag
// measured on the main thread is the bench's and the server's, not the clients' parsing.
import { parentPort, workerData } from 'node:worker_threads';
import { WebSocket } from 'ws';

const { url, token, count, slowIndex } = workerData;
const clients = [];

function open(index) {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, ['enroll-bench.v1', `enroll-bench.token.${token}`]);
    const client = { ws, lastSeq: 0, frames: 0, close: null };
    ws.on('message', (data) => {
      client.frames += 1;
      const frame = JSON.parse(String(data));
      if (frame.type === 'event' && frame.payload.seq > client.lastSeq) client.lastSeq = frame.payload.seq;
    });
    ws.on('close', (code, reason) => {
      client.close = { code, reason: String(reason) };
    });
    ws.once('open', () => {
      // The slow reader never reads: its socket is paused, so the server's backlog for it only grows.
      if (index === slowIndex) ws.pause();
      resolve(client);
    });
    ws.once('error', reject);
  });
}

const report = () => clients.map(({ lastSeq, frames, close }) => ({ lastSeq, frames, close }));

parentPort.on('message', (message) => {
  if (message === 'report') parentPort.postMessage({ type: 'report', clients: report() });
  if (message === 'resume-slow') clients[slowIndex]?.ws.resume();
  if (message === 'close') {
    for (const { ws } of clients) ws.terminate();
    parentPort.postMessage({ type: 'closed' });
  }
});

for (let i = 0; i < count; i += 1) clients.push(await open(i));
parentPort.postMessage({ type: 'open' });
