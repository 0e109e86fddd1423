// Numbers, sizes and times as the UI language writes them.
import type { DatasetInfo } from '../../../src-main/contract/dataset';
import type { Language } from '../../lib/i18n/i18n.svelte';

const KIB = 1024;
const MIB = KIB * 1024;

export function formatNumber(value: number, language: Language, digits = 0): string {
  return new Intl.NumberFormat(language, {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(value);
}

/** 117586984 -> "112.1 MiB"; small files in KiB or bytes. */
export function formatBytes(bytes: number, language: Language): string {
  if (bytes >= MIB) return `${formatNumber(bytes / MIB, language, 1)} MiB`;
  if (bytes >= KIB) return `${formatNumber(bytes / KIB, language, 1)} KiB`;
  return `${formatNumber(bytes, language)} B`;
}

/** A duration: 4 -> "4 ms", 412 -> "412 ms", 12345 -> "12.3 s". */
export function formatDuration(ms: number, language: Language): string {
  if (ms < 1000) return `${formatNumber(ms, language)} ms`;
  return `${formatNumber(ms / 1000, language, 1)} s`;
}

export function formatPercent(fraction: number, language: Language): string {
  return `${formatNumber(fraction * 100, language)}%`;
}

/** What the UI calls a set: the sample in the UI's language ("Sample letters (175 fonts)"), else the host's label. */
export function datasetLabel(
  info: Pick<DatasetInfo, 'label' | 'fonts'> & { source?: DatasetInfo['source'] },
  language: Language,
  tr: (key: 'dataset.sampleName', params: { fonts: string }) => string,
): string {
  if (info.source !== 'sample' || info.fonts === undefined) return info.label;
  return tr('dataset.sampleName', { fonts: formatNumber(info.fonts, language) });
}
