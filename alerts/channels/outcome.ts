// What a channel reports after one attempt.
export type SendOutcome =
  | { ok: true; info?: string }
  /** Known not delivered. `transmitted` false: nothing reached the receiver. */
  | { ok: false; inDoubt: false; retry: boolean; transmitted: boolean; error: string }
  /** The receiver may have it. Never resent automatically. */
  | { ok: false; inDoubt: true; error: string };
