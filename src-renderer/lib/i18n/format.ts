import { fillPlaceholders } from '../../../src-main/core/text/placeholders';

/** Fills `{name}` placeholders; unknown placeholders stay visible so a missing value is noticed. */
export function format(template: string, params: Record<string, string | number> = {}): string {
  return fillPlaceholders(template, params);
}
