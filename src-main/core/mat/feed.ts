import { MI_SIZE } from './constants';
import type { NumericMiType } from './constants';
import { storageView } from './decode';
import type { MatData } from './types';

/** Receives consecutive values of an array; `first` is the index of values[0]. */
export type ValuesFn = (values: MatData, first: number) => void;

/**
 * Turns the pieces of a streamed data element (any byte boundaries, any alignment) into typed
 * arrays of whole values in host byte order. Aligned host-order pieces are passed on without
 * copying.
 */
export class ValueFeeder {
  private readonly size: number;
  private readonly carry = new Uint8Array(8);
  private carried = 0;
  private next = 0;

  constructor(
    private readonly type: NumericMiType,
    private readonly little: boolean,
    private readonly onValues: ValuesFn,
  ) {
    this.size = MI_SIZE[type];
  }

  /** Number of whole values delivered so far. */
  get delivered(): number {
    return this.next;
  }

  push(bytes: Uint8Array): void {
    let rest = bytes;
    if (this.carried > 0) {
      const take = Math.min(this.size - this.carried, rest.length);
      this.carry.set(rest.subarray(0, take), this.carried);
      this.carried += take;
      rest = rest.subarray(take);
      if (this.carried < this.size) return;
      this.emit(this.carry.subarray(0, this.size));
      this.carried = 0;
    }
    const whole = rest.length - (rest.length % this.size);
    if (whole > 0) this.emit(rest.subarray(0, whole));
    const tail = rest.subarray(whole);
    this.carry.set(tail);
    this.carried = tail.length;
  }

  private emit(bytes: Uint8Array): void {
    const values = storageView(bytes, this.type, this.little, false);
    const first = this.next;
    this.next += values.length;
    this.onValues(values, first);
  }
}
