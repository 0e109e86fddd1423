/** One feature's strings: English defines the keys, Polish must have every one of them. */
export function defineMessages<const T extends Record<string, string>>(
  en: T,
  pl: { [K in keyof T]: string },
): { en: T; pl: { [K in keyof T]: string } } {
  return { en, pl };
}
