// Numbers of the Train tab in the UI language's style. Pure: the language comes in as `locale`.

/** Seconds as m:ss (or h:mm:ss from an hour on); "--:--" when unknown. */
export function formatClock(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '--:--';
  const total = Math.round(seconds);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const ss = String(s).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${String(m).padStart(2, '0')}:${ss}`;
}

/** A loss with two decimals, or three when it is below 0.1 (late in training). */
export function formatLoss(loss: number, locale: string): string {
  const digits = Math.abs(loss) < 0.1 ? 3 : 2;
  return new Intl.NumberFormat(locale, {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(loss);
}

/** Accuracy 0..1 as a percentage with one decimal: 0.8845 → "88.5%" ("88,5%" in Polish). */
export function formatAccuracy(acc: number, locale: string): string {
  return new Intl.NumberFormat(locale, {
    style: 'percent',
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  }).format(acc);
}

/** A whole number in the locale's style: 1,234 or 1 234. */
export function formatCount(n: number, locale: string): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(n);
}
