// The request gate (server/src/background/requestGate.ts) and the diagnostics runs that wait for it
// (server/src/debounce.ts's Throttle, in the diagnostics worker): a run never starts while the main thread is
// dispatching messages or writing their replies, starts once it has, cannot be starved by a client that never
// stops sending, and is dropped when cancelled while it waits; the messages for the worker wait for it too.
// Order and counts only, never milliseconds.
import { describe, it, mock } from 'node:test';
import assert from 'node:assert/strict';
import { gateOver, RequestGate, type Gate } from '../../../server/src/background/requestGate';
import { GATE_WAIT_MS, MAX_GATE_WAITS } from '../../../server/src/limits';
import { Throttle } from '../../../server/src/debounce';

const turn = () => new Promise<void>((resolve) => setImmediate(resolve));
const after = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const turns = async (n: number) => {
  for (let i = 0; i < n; i++) await turn();
};

/** Runs `body` with setTimeout frozen (node:test mock timers; the turns stay real): a held message that goes
 * before `mock.timers.tick` went without its HOLD_MS timer. */
async function frozen(body: () => Promise<void>): Promise<void> {
  mock.timers.enable({ apis: ['setTimeout'] });
  try {
    await body();
  } finally {
    mock.timers.reset();
  }
}

/** A gate the test opens and closes by hand; `waits` counts the runs that waited for it. */
function manualGate(): Gate & { open(): void; close(): void; waits: number } {
  let closed = false;
  let waiting: (() => void)[] = [];
  return {
    waits: 0,
    closed: () => closed,
    whenOpen(then) {
      this.waits++;
      let live = true;
      waiting.push(() => live && then());
      return { cancel: () => (live = false) };
    },
    open() {
      closed = false;
      const all = waiting;
      waiting = [];
      all.forEach((f) => f());
    },
    close() {
      closed = true;
    },
  };
}

describe('request gate', () => {
  it('a run waits while the gate is closed and starts when it opens', async () => {
    const gate = manualGate();
    const throttle = new Throttle(5, undefined, gate);
    const runs: boolean[] = [];
    gate.close();
    throttle.schedule('doc', () => runs.push(gate.closed()));
    await after(30); // the run was due after 1 ms
    assert.deepEqual(runs, [], 'no run while the main thread answers');
    assert.equal(gate.waits, 1);
    gate.open();
    await turn();
    assert.deepEqual(runs, [false], 'one run, with the gate open');
  });

  it('the next part of a long pass (soon) waits for the gate too', async () => {
    const gate = manualGate();
    const throttle = new Throttle(5, undefined, gate);
    const runs: string[] = [];
    gate.close();
    throttle.soon('doc', () => runs.push('part'));
    await after(10);
    assert.deepEqual(runs, []);
    gate.open();
    await turn();
    assert.deepEqual(runs, ['part']);
  });

  it('a run cancelled while it waits never runs', async () => {
    const gate = manualGate();
    const throttle = new Throttle(5, undefined, gate);
    const runs: string[] = [];
    gate.close();
    throttle.schedule('doc', () => runs.push('run'));
    await after(10);
    throttle.cancel('doc');
    gate.open();
    await after(10);
    assert.deepEqual(runs, []);
  });

  it('a gate that never opens holds a run back at most MAX_GATE_WAITS times', async () => {
    // Each wait ends (as GATE_WAIT_MS does) with the gate still closed: a client that never stops sending.
    let waits = 0;
    const stuck: Gate = {
      closed: () => true,
      whenOpen(then) {
        waits++;
        setImmediate(then);
        return { cancel: () => undefined };
      },
    };
    const throttle = new Throttle(5, undefined, stuck);
    let ran = false;
    throttle.schedule('doc', () => (ran = true));
    for (let i = 0; i < 100 && !ran; i++) await after(2);
    assert.ok(ran);
    assert.equal(waits, MAX_GATE_WAITS);
  });

  it('the main thread closes it for each message and opens it two turns after the last', async () => {
    const main = new RequestGate();
    const worker = gateOver(main.buffer);
    assert.equal(worker.closed(), false);
    main.dispatching(); // an edit
    assert.equal(worker.closed(), true);
    await turn();
    main.dispatching(); // the completion that came with it, dispatched a turn later
    await turn();
    assert.equal(worker.closed(), true, 'the completion is still being answered');
    await turn();
    await turn();
    assert.equal(worker.closed(), false, 'two turns after the last message: its reply is written');
  });

  it('a run waiting on the shared memory starts when the main thread opens the gate', async () => {
    const main = new RequestGate();
    const throttle = new Throttle(5, undefined, gateOver(main.buffer));
    const order: string[] = [];
    // Messages for 50 turns, longer than the run's 1 ms delay.
    let turns = 0;
    const dispatchUntil = () => {
      main.dispatching();
      if (++turns < 50) setImmediate(dispatchUntil);
      else order.push('last message');
    };
    dispatchUntil();
    const ran = new Promise<void>((resolve) =>
      throttle.schedule('doc', () => {
        order.push('run');
        resolve();
      }),
    );
    await ran;
    assert.deepEqual(order, ['last message', 'run']);
  });

  it('messages for the worker wait while it is closed, and go in order once it is open', async () => {
    const main = new RequestGate();
    const order: string[] = [];
    let turns = 0;
    const dispatchUntil = () => {
      main.dispatching();
      if (++turns === 2) main.send(() => order.push('edit'));
      if (turns === 3) main.send(() => order.push('fixes'));
      if (turns < 20) setImmediate(dispatchUntil);
      else order.push('last message');
    };
    dispatchUntil();
    await after(20);
    assert.deepEqual(order, ['last message', 'edit', 'fixes']);
  });

  it('a message sent while it is open still waits for a request dispatched a turn later', () =>
    // Frozen: with real timers, a turn slower than HOLD_MS (a loaded machine) let the edit go first.
    frozen(async () => {
      const main = new RequestGate();
      const order: string[] = [];
      main.send(() => order.push('edit'));
      assert.equal(order.length, 0, 'not posted at once');
      await turn();
      assert.equal(order.length, 0, 'not posted on the next turn either');
      main.dispatching(true); // the completion, read a turn after the edit
      order.push('completion');
      await turns(4);
      mock.timers.tick(GATE_WAIT_MS);
      assert.deepEqual(order, ['completion', 'edit']);
    }));

  it('a client that never stops sending keeps the messages from the worker at most GATE_WAIT_MS', async () => {
    const main = new RequestGate();
    let posted = false;
    main.send(() => (posted = true));
    let postedWhileDispatching = false;
    const start = Date.now();
    await new Promise<void>((resolve) => {
      const dispatch = () => {
        main.dispatching();
        if (posted) postedWhileDispatching = true;
        if (posted || Date.now() - start > 20 * GATE_WAIT_MS) resolve();
        else setImmediate(dispatch);
      };
      dispatch();
    });
    assert.ok(postedWhileDispatching, 'posted although the gate never opened');
  });

  it('a request dispatched after the held edit: the edit goes once its reply is out, not after HOLD_MS', () =>
    frozen(async () => {
      const main = new RequestGate();
      const order: string[] = [];
      main.dispatching(false); // the edit (didChange), whose handler holds the message for the worker
      main.send(() => order.push('edit'));
      await turn();
      main.dispatching(true); // the completion read with it
      order.push('completion');
      await turns(1);
      assert.equal(order.length, 1, 'not while the completion is answered');
      await turns(3);
      assert.deepEqual(order, ['completion', 'edit']);
    }));

  /** The message goes only once HOLD_MS is over, whatever `messages` dispatched around its `send`. */
  const waitsForHold = (messages: (main: RequestGate, send: () => void) => void) =>
    frozen(async () => {
      const main = new RequestGate();
      let posted = false;
      messages(main, () => main.send(() => (posted = true)));
      await turns(4);
      assert.equal(posted, false);
      mock.timers.tick(1);
      assert.equal(posted, true);
    });

  it('an edit with no request after it still waits HOLD_MS (a completion may come in a read of its own)', () =>
    waitsForHold((main, send) => {
      main.dispatching(false); // the edit, whose handler holds the message
      send();
      main.dispatching(false); // another notification: nothing is answered
    }));

  it('a request dispatched before the message (a code action asking for its fixes) does not count', () =>
    waitsForHold((main, send) => {
      main.dispatching(true); // the code action, whose handler sends the fixes request
      send();
    }));
});
