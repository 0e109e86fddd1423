import type { z } from 'zod';
import type { Channel, RequestOf, ResponseOf } from '../contract/api';
import type { Result } from '../contract/errors';
import { toApiError } from '../core/errors';

type Handler<C extends Channel> = (request: RequestOf<C>) => Promise<ResponseOf<C>> | ResponseOf<C>;

interface Entry {
  schema: z.ZodType;
  run: (request: never) => unknown;
}

/** Formats zod issues as "payload.layers[2].units: expected a number" lines. */
export function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  return issues
    .slice(0, 5)
    .map((issue) => {
      const path = issue.path
        .map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`))
        .join('');
      return `payload${path}: ${issue.message}`;
    })
    .join('; ');
}

/**
 * Every API channel with the schema its payload must pass. Transports (Electron IPC, the browser-mode
 * HTTP server) only call `dispatch`, so both run the same validation and the same handlers.
 */
export class ApiRegistry {
  private readonly entries = new Map<string, Entry>();

  handle<C extends Channel>(
    channel: C,
    schema: z.ZodType<RequestOf<C>>,
    handler: Handler<C>,
  ): void {
    if (this.entries.has(channel)) throw new Error(`Channel ${channel} is registered twice.`);
    this.entries.set(channel, { schema, run: handler });
  }

  channels(): string[] {
    return [...this.entries.keys()].sort();
  }

  async dispatch(channel: unknown, payload: unknown): Promise<Result<unknown>> {
    const entry = typeof channel === 'string' ? this.entries.get(channel) : undefined;
    if (!entry) {
      return {
        ok: false,
        error: {
          code: 'api.unknown-channel',
          message: `There is no API channel called ${JSON.stringify(String(channel)).slice(0, 80)}.`,
        },
      };
    }
    const parsed = entry.schema.safeParse(payload);
    if (!parsed.success) {
      return {
        ok: false,
        error: {
          code: 'api.bad-request',
          message: `Bad request to ${String(channel)}: ${describeIssues(parsed.error.issues)}`,
        },
      };
    }
    try {
      return { ok: true, value: await entry.run(parsed.data as never) };
    } catch (err) {
      return { ok: false, error: toApiError(err) };
    }
  }
}
