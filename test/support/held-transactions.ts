/**
 * Races made certain: one request's DynamoDB transaction is held at the client until another request
 * has finished, so a test can say which of two writes lands first (docs/architecture.md: writes are
 * conditional on what they read, and refused when it changed meanwhile).
 */
import type { TestApi } from './api.js';

/** A transaction as the DynamoDB document client sends it. */
export type HeldCommand = {
  constructor: { name: string };
  input: { TransactItems?: Array<Record<string, any>> };
};

/**
 * Wraps the test API's clients so that `interleave(hold, first, second)` starts `first`, holds its first
 * transaction matching `hold`, runs `second` to the end, then lets `first` go on; both answers return.
 */
export function holdTransactions(api: TestApi) {
  let held: ((cmd: HeldCommand) => boolean) | undefined;
  let reached: () => void = () => {};
  let release: () => void = () => {};
  const real = api.deps.docFor;
  api.deps.docFor = async (c, mode) =>
    new Proxy(await real(c, mode), {
      get(t, p) {
        if (p !== 'send') return Reflect.get(t, p, t);
        return async (cmd: HeldCommand, ...rest: unknown[]) => {
          if (held && cmd.constructor.name === 'TransactWriteCommand' && held(cmd)) {
            held = undefined;
            const gate = new Promise<void>((r) => {
              release = r;
            });
            reached();
            await gate;
          }
          return (t.send as (...a: unknown[]) => unknown)(cmd, ...rest);
        };
      },
    });
  return async function interleave<A, B>(
    hold: (cmd: HeldCommand) => boolean,
    first: () => Promise<A>,
    second: () => Promise<B>,
  ): Promise<[A, B]> {
    const atGate = new Promise<void>((r) => {
      reached = r;
    });
    held = hold;
    const a = first();
    // A request that ends without the transaction to hold would otherwise leave the test waiting.
    if ((await Promise.race([atGate.then(() => 'held'), a.then(() => 'ended')])) === 'ended') {
      held = undefined;
      throw new Error(
        `interleave: no transaction matched the hold; the first request answered ${JSON.stringify(await a)}`,
      );
    }
    const b = await second();
    release();
    return [await a, b];
  };
}

/** The transaction's items. */
export const itemsOf = (cmd: HeldCommand) => cmd.input.TransactItems ?? [];

/** A transaction that puts an item of `type` (matching `also`, when given). */
export const puts =
  (type: string, also: (item: Record<string, any>) => boolean = () => true) =>
  (cmd: HeldCommand) =>
    itemsOf(cmd).some((i) => i.Put?.Item?.type === type && also(i.Put.Item));
