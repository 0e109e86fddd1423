// The report's words in English and Polish, with {placeholders}.

import { fill, type LessonLang } from '../format';

const en = {
  title: 'Letter Lab: the notebook’s networks, step by step',
  made: 'Made on {date} on the {backend} backend.',
  letters: 'Letters: {label}: {train} for training, {test} for testing (split with seed {seed}).',
  overview: 'All networks at a glance',
  ladder: 'The ladder',
  ladderIntro:
    'Each dot is a network, numbered by its step. Up means more test letters recognised; right means more parameters (left picture) or a longer training (right picture). Both sideways scales grow tenfold at each main line.',
  ladderTitle: 'Test accuracy of each network against its parameters and its training time',
  axisParams: 'Parameters (log scale)',
  axisTime: 'Training time (log scale)',
  axisAccuracy: 'Test accuracy',
  budget: 'budget {budget}',
  step: 'Step',
  network: 'Network',
  params: 'Parameters',
  accuracy: 'Test accuracy',
  time: 'Training time',
  epochs: 'Epochs',
  stepTitle: 'Step {n}: {name}',
  own: 'Your own network: {name}',
  facts:
    '{optimizer} (learning rate {rate}), batch size {batch}, {epochs}, {params} parameters. Test accuracy after the last epoch: {acc}; training time: {time}.',
  epochCount: '{n} epochs',
  epochCountOne: '1 epoch',
  notFinished: 'This run did not finish: {status} after {epochs} of {target} epochs.',
  summary: 'Layers',
  curves: 'Learning curves',
  loss: 'Loss',
  acc: 'Accuracy',
  epoch: 'epoch',
  training: 'training',
  validation: 'test letters',
  predictions: 'Test letters and the network’s answers',
  predictionsIntro:
    'The same eight test letters for every network. Outlined bars: the right letter; filled bars: how sure the network was of each letter.',
  truth: 'right answer',
  guess: 'the network’s answer',
  rowLabel: 'A test letter {letter}; the network answered {guess} ({sure} sure).',
  noPredictions: 'The saved network could not be loaded, so there are no answers to show.',
  challenge: 'Beat the notebook',
  challengeIntro:
    'The best test accuracy with at most {budget} parameters. The notebook’s best within the budget: {target}.',
  challengeNone: 'none of its networks fits the budget',
} as const;

export type ReportKey = keyof typeof en;

const pl: Record<ReportKey, string> = {
  title: 'Letter Lab: sieci z notatnika krok po kroku',
  made: 'Utworzono {date}, silnik: {backend}.',
  letters: 'Litery: {label}: {train} do nauki, {test} do testu (podział z ziarnem {seed}).',
  overview: 'Wszystkie sieci w skrócie',
  ladder: 'Drabina',
  ladderIntro:
    'Każda kropka to jedna sieć z numerem swojego kroku. Wyżej znaczy: więcej rozpoznanych liter testowych; dalej w prawo: więcej parametrów (lewy obrazek) albo dłuższy trening (prawy obrazek). Obie poziome skale rosną dziesięciokrotnie przy każdej głównej linii.',
  ladderTitle:
    'Trafność każdej sieci na literach testowych względem jej parametrów i czasu treningu',
  axisParams: 'Parametry (skala logarytmiczna)',
  axisTime: 'Czas treningu (skala logarytmiczna)',
  axisAccuracy: 'Trafność na literach testowych',
  budget: 'limit {budget}',
  step: 'Krok',
  network: 'Sieć',
  params: 'Parametry',
  accuracy: 'Trafność (test)',
  time: 'Czas treningu',
  epochs: 'Epoki',
  stepTitle: 'Krok {n}: {name}',
  own: 'Twoja własna sieć: {name}',
  facts:
    '{optimizer} (tempo uczenia {rate}), paczka {batch}, {epochs}, parametry: {params}. Trafność na literach testowych po ostatniej epoce: {acc}; czas treningu: {time}.',
  epochCount: 'epoki: {n}',
  epochCountOne: 'epoki: 1',
  notFinished: 'Ten trening się nie skończył: {status} po {epochs} z {target} epok.',
  summary: 'Warstwy',
  curves: 'Krzywe uczenia',
  loss: 'Strata',
  acc: 'Trafność',
  epoch: 'epoka',
  training: 'trening',
  validation: 'litery testowe',
  predictions: 'Litery testowe i odpowiedzi sieci',
  predictionsIntro:
    'Te same osiem liter testowych dla każdej sieci. Słupki z obwódką: właściwa litera; wypełnione słupki: jak bardzo sieć była pewna każdej litery.',
  truth: 'właściwa odpowiedź',
  guess: 'odpowiedź sieci',
  rowLabel: 'Litera testowa {letter}; sieć odpowiedziała {guess} (pewność {sure}).',
  noPredictions: 'Nie udało się wczytać zapisanej sieci, więc nie ma odpowiedzi do pokazania.',
  challenge: 'Pobij notatnik',
  challengeIntro:
    'Najlepsza trafność na literach testowych przy co najwyżej {budget} parametrach. Najlepsza sieć z notatnika w tym limicie: {target}.',
  challengeNone: 'żadna z jego sieci nie mieści się w limicie',
};

const WORDS: Record<LessonLang, Record<ReportKey, string>> = { en, pl };

/** The report's text `key` in `lang` with its {placeholders} filled. */
export function reportText(
  lang: LessonLang,
  key: ReportKey,
  params: Record<string, string | number> = {},
): string {
  return fill(WORDS[lang][key], params);
}
