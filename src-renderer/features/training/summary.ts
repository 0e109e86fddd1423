// The text under each chart: what a screen reader reads, and a caption for everyone.
import type { EpochRecord } from '../../../src-main/contract/training';
import type { MessageKey } from '../../lib/i18n/en';
import { bestEpoch, type Metric } from './chart-data';
import { formatAccuracy, formatLoss } from './format';

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

/**
 * "Epoch 3: training loss 0.41, validation loss 0.38. Lowest validation loss: 0.35 after epoch 2."
 * Before the first epoch ends: that an epoch is running (`runningEpoch`), or that nothing is there.
 */
export function chartSummary(
  metric: Metric,
  history: EpochRecord[],
  runningEpoch: number | null,
  tr: Translate,
  locale: string,
): string {
  const last = history.at(-1);
  if (!last) {
    return runningEpoch === null
      ? tr('training.chart.empty')
      : tr('training.chart.running', { epoch: runningEpoch });
  }
  const show = (v: number) =>
    metric === 'loss' ? formatLoss(v, locale) : formatAccuracy(v, locale);
  const train = show(metric === 'loss' ? last.loss : last.acc);
  const val = metric === 'loss' ? last.valLoss : last.valAcc;
  if (val === null) {
    return tr(`training.chart.${metric}.summaryNoVal`, { epoch: last.epoch, train });
  }
  const parts = [
    tr(`training.chart.${metric}.summary`, { epoch: last.epoch, train, val: show(val) }),
  ];
  const best = bestEpoch(history, metric);
  if (best && best.epoch !== last.epoch) {
    const bestVal = (metric === 'loss' ? best.valLoss : best.valAcc) as number;
    parts.push(tr(`training.chart.${metric}.best`, { epoch: best.epoch, val: show(bestVal) }));
  }
  return parts.join(' ');
}
