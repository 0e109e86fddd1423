// The "what happened" sentences in English and Polish, with {placeholders}. Accuracies (0..1) are
// shown as percentages in the language's own way: 87.3% and 87,3%.

import type { RunVerdictKind } from '../../contract/runs';
import { fillPlaceholders } from '../text/placeholders';

export type RunsLang = 'en' | 'pl';

const en: Record<RunVerdictKind, string> = {
  'too-short':
    'Too short to tell: {epochs} finished epochs, and a trend shows only after {minEpochs} or more. Train longer to see what happens.',
  'no-validation':
    'There are no test letters, so nothing shows how well the network does on letters it never saw. Set aside some test letters in the split.',
  diverged:
    'The loss stopped being a number in epoch {epoch}: the learning steps were too big. Try a smaller learning rate.',
  overfitting:
    'Overfitting: from epoch {from} the network kept getting better on its training letters but worse on the test letters. Its best validation accuracy was {bestValAcc}, in epoch {bestEpoch}. Dropout, a smaller network or fewer epochs can help.',
  underfitting:
    'Underfitting: both accuracies stayed low (training {acc}, validation {valAcc}) and hardly moved in the last epochs. The network is too simple or learns too slowly: add layers, or try Adam or a larger learning rate.',
  'still-improving':
    'Still improving when it stopped: the validation accuracy rose from {fromAcc} to {valAcc} in the last {steps} epochs. More epochs would probably help.',
  noisy:
    'Noisy: the validation accuracy jumped up and down between {low} and {high} (it changed direction {turns} times). A smaller learning rate or a larger batch makes learning steadier.',
  settled:
    'Levelled off: the validation accuracy settled at about {valAcc} (best {bestValAcc}, in epoch {bestEpoch}). More epochs will not change much; to do better, change the network.',
};

const pl: Record<RunVerdictKind, string> = {
  'too-short':
    'Za krótko, żeby coś ocenić: ukończone epoki: {epochs}, a trend widać dopiero po co najmniej {minEpochs}. Trenuj dłużej, żeby zobaczyć, co się dzieje.',
  'no-validation':
    'Nie ma liter testowych, więc nic nie pokazuje, jak sieć radzi sobie z literami, których nigdy nie widziała. Odłóż w podziale część liter do testu.',
  diverged:
    'W epoce {epoch} strata przestała być liczbą: kroki nauki były za duże. Spróbuj mniejszego tempa uczenia.',
  overfitting:
    'Przeuczenie: od epoki {from} sieć była coraz lepsza na literach treningowych, a coraz gorsza na testowych. Najlepszą trafność walidacyjną, {bestValAcc}, miała w epoce {bestEpoch}. Pomóc może Dropout, mniejsza sieć albo mniej epok.',
  underfitting:
    'Niedouczenie: obie trafności zostały niskie (treningowa {acc}, walidacyjna {valAcc}) i w ostatnich epokach prawie się nie zmieniały. Sieć jest za prosta albo uczy się za wolno: dodaj warstwy albo spróbuj Adama lub większego tempa uczenia.',
  'still-improving':
    'Wciąż się poprawiała, gdy trening się skończył: trafność walidacyjna wzrosła z {fromAcc} do {valAcc} w ostatnich {steps} epokach. Więcej epok pewnie by pomogło.',
  noisy:
    'Niespokojnie: trafność walidacyjna skakała w górę i w dół między {low} a {high} (zmiany kierunku: {turns}). Mniejsze tempo uczenia albo większa paczka uspokoją naukę.',
  settled:
    'Wyrównało się: trafność walidacyjna ustaliła się na około {valAcc} (najlepsza: {bestValAcc}, w epoce {bestEpoch}). Więcej epok niewiele zmieni; żeby było lepiej, zmień sieć.',
};

/** Parameters that are accuracies (0..1), shown as percentages. */
const ACCURACIES = new Set(['acc', 'valAcc', 'bestValAcc', 'fromAcc', 'low', 'high']);

/** 0.8734 -> "87.3%" (en) or "87,3%" (pl); null or NaN -> "–". */
export function percent(value: number | null, lang: RunsLang): string {
  if (value === null || !Number.isFinite(value)) return '–';
  const text = (value * 100).toFixed(1);
  return `${lang === 'pl' ? text.replace('.', ',') : text}%`;
}

export function verdictText(
  kind: RunVerdictKind,
  params: Record<string, number>,
  lang: RunsLang,
): string {
  const template = (lang === 'pl' ? pl : en)[kind];
  return fillPlaceholders(template, params, (value, name) =>
    ACCURACIES.has(name) ? percent(value, lang) : String(value),
  );
}
