// `{name}` placeholders in message templates, for every text of the app (the renderer's messages,
// the spec's problems, the runs' verdicts, the lessons). Pure TypeScript, shared with the renderer.

/**
 * Fills the `{name}` placeholders of `template` with `params[name]`, shown by `show` (String by
 * default: a language's number format or percentages come in through it). A placeholder with no
 * value stays as it is, so a missing value is noticed instead of printing "undefined".
 */
export function fillPlaceholders<V extends string | number>(
  template: string,
  params: Readonly<Record<string, V>> = {},
  show: (value: V, name: string) => string = String,
): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(params, name) ? show(params[name], name) : whole,
  );
}
