// Every text the spec logic produces, in English and Polish, with {param} placeholders.
// Problems carry `messageKey` + `params`; the renderer shows formatSpecMessage(lang, key, params).

import { fillPlaceholders } from '../text/placeholders';

export type SpecLang = 'en' | 'pl';

const en = {
  // --- errors ---
  'spec.empty':
    'There are no blocks between the picture and the answer yet. The answer layer needs a list of numbers, but it gets a {h}x{w}x{c} picture. Add a Flatten block: that makes the simplest model, logistic regression.',
  'spec.dense-needs-list':
    'Dense needs a list of numbers, but here it gets a {h}x{w}x{c} picture. Put Flatten before it (it unrolls the picture into one long list) or GlobalMaxPool2D (it keeps the strongest signal of each channel).',
  'spec.output-needs-list':
    'The answer layer (Dense with {classes} outputs, one per letter) needs a list of numbers, but the last block gives a {h}x{w}x{c} picture. Add Flatten or GlobalMaxPool2D at the end.',
  'spec.needs-picture':
    '{layer} needs a picture, but after {after} there is only a list of numbers. Move this block up, before {after}, or remove it.',
  'spec.flatten-nothing':
    'This Flatten has nothing to do: after {after} the numbers are already a list. Remove it.',
  'spec.needs-picture-later':
    '{layer} needs a picture, but {before} right before it gives a list of numbers: {after} further up already turned the picture into a list. Move this block up, before {after}, or remove it.',
  'spec.flatten-nothing-later':
    'This Flatten has nothing to do: {before} right before it already gives a list of numbers ({after} further up turned the picture into one). Remove it.',
  'spec.window-too-big':
    'The picture is only {h}x{w} here, so the {window}x{window} window of {layer} does not fit. Use a smaller window, or padding "same" (it adds a frame of zeros around the picture).',
  'spec.dropout-rate':
    'The Dropout rate is the share of numbers switched off at random while learning. It must be at least 0 and less than 1, but it is {value}.',
  'spec.units': 'Dense needs a whole number of neurons, 1 or more, but it has {value}.',
  'spec.filters': 'Conv2D needs a whole number of filters, 1 or more, but it has {value}.',
  'spec.window-size':
    'The window of {layer} must be a whole number of pixels, 1 or more, but it is {value}.',
  'spec.stride':
    'The step (stride) of {layer} must be a whole number of pixels, 1 or more, but it is {value}.',
  'spec.conv-stride':
    'Conv2D can move its window 1 or 2 pixels at a time, but this one has {value}.',
  'spec.padding': 'The padding of {layer} must be "valid" or "same", but it is {value}.',
  'spec.activation':
    '{layer} has an activation Letter Lab does not know: {value}. Choose relu, tanh, sigmoid, softmax or linear.',
  'spec.learning-rate':
    'The learning rate (how big each correction step is) must be a number greater than 0, but it is {value}.',
  'spec.epochs':
    'Epochs (how many times the network sees every training picture) must be a whole number, 1 or more, but it is {value}.',
  'spec.batch-size':
    'Batch size (how many pictures the network looks at before each correction) must be a whole number, 1 or more, but it is {value}.',
  'spec.optimizer': 'The optimizer must be sgd, adam or rmsprop, but it is {value}.',
  'spec.input-size': 'The input picture size must be whole numbers, 1 or more, but it is {value}.',
  'spec.classes':
    'The network must choose between at least 2 classes (a whole number), but there are {value}.',
  // --- warnings ---
  'spec.too-many-params':
    'This network has {params} numbers to learn, more than {limit}. On a laptop it will learn very slowly. A MaxPool2D before Flatten, or a smaller Dense, makes it much smaller.',
  'spec.linear-stack':
    '{layer} has no activation and {next} comes right after it. Two Dense layers with nothing bendy in between work like a single one. Give this one the relu activation.',
  'spec.hidden-softmax':
    '{layer} uses softmax, which is meant for the final answer: it turns numbers into chances that add up to 100%. Inside the network relu works better.',
  // --- one-click fixes ---
  'fix.insert': 'Add {layer}',
  'fix.remove': 'Remove {layer}',
  'fix.set': 'Set {fieldAcc} to {value}',
  // --- what changed between two models ---
  'diff.added': 'added {layer} after {prev}',
  'diff.added-first': 'added {layer} at the start',
  'diff.removed': 'removed {layer} after {prev}',
  'diff.removed-first': 'removed {layer} at the start',
  'diff.layer-field': '{layer} {field} {from} → {to}',
  'diff.setting': '{field} {from} → {to}',
  // --- field names ---
  'field.filters': 'filters',
  'field.kernelSize': 'window',
  'field.poolSize': 'window',
  'field.strides': 'step',
  'field.padding': 'padding',
  'field.activation': 'activation',
  'field.units': 'neurons',
  'field.rate': 'rate',
  'field.compile.optimizer': 'optimizer',
  'field.compile.learningRate': 'learning rate',
  'field.compile.epochs': 'epochs',
  'field.compile.batchSize': 'batch size',
  'field.classes': 'classes',
  'field.input': 'input',
  'field.name': 'name',
};

export type SpecMessageKey = keyof typeof en;

const pl: Record<SpecMessageKey, string> & Record<string, string> = {
  'spec.empty':
    'Między obrazkiem a odpowiedzią nie ma jeszcze żadnego bloku. Warstwa odpowiedzi potrzebuje listy liczb, a dostaje obrazek {h}x{w}x{c}. Dodaj blok Flatten – tak powstaje najprostszy model, regresja logistyczna.',
  'spec.dense-needs-list':
    'Dense potrzebuje listy liczb, a dostaje tu obrazek {h}x{w}x{c}. Wstaw przed nim Flatten (rozwija obrazek w jedną długą listę) albo GlobalMaxPool2D (z każdego kanału zostawia najsilniejszy sygnał).',
  'spec.output-needs-list':
    'Warstwa odpowiedzi (Dense z {classes} wyjściami, po jednym na literę) potrzebuje listy liczb, a ostatni blok daje obrazek {h}x{w}x{c}. Dodaj na końcu Flatten albo GlobalMaxPool2D.',
  'spec.needs-picture':
    '{layer} potrzebuje obrazka, a po {after} zostaje już tylko lista liczb. Przesuń ten blok wyżej, przed {after}, albo go usuń.',
  'spec.flatten-nothing':
    'Ten Flatten nie ma nic do roboty: po {after} liczby już są listą. Usuń go.',
  'spec.needs-picture-later':
    '{layer} potrzebuje obrazka, ale {before} tuż przed nim daje listę liczb: {after} wyżej już zamienił obrazek w listę. Przesuń ten blok wyżej, przed {after}, albo go usuń.',
  'spec.flatten-nothing-later':
    'Ten Flatten nie ma nic do roboty: {before} tuż przed nim już daje listę liczb ({after} wyżej zamienił obrazek w listę). Usuń go.',
  'spec.window-too-big':
    'Obrazek ma tu tylko {h}x{w}, więc okno {window}x{window} bloku {layer} się nie mieści. Użyj mniejszego okna albo wypełnienia „same” (dokłada wokół obrazka ramkę z zer).',
  'spec.dropout-rate':
    'Współczynnik Dropout to część liczb, które podczas nauki są losowo wyłączane. Musi wynosić co najmniej 0 i mniej niż 1, a wynosi {value}.',
  'spec.units': 'Dense potrzebuje całkowitej liczby neuronów, co najmniej 1, a ma {value}.',
  'spec.filters': 'Conv2D potrzebuje całkowitej liczby filtrów, co najmniej 1, a ma {value}.',
  'spec.window-size':
    'Okno bloku {layer} musi mieć całkowitą liczbę pikseli, co najmniej 1, a ma {value}.',
  'spec.stride':
    'Krok (stride) bloku {layer} musi być całkowitą liczbą pikseli, co najmniej 1, a wynosi {value}.',
  'spec.conv-stride': 'Conv2D może przesuwać okno o 1 albo 2 piksele naraz, a ten ma {value}.',
  'spec.padding': 'Wypełnienie bloku {layer} musi być „valid” albo „same”, a jest {value}.',
  'spec.activation':
    '{layer} ma aktywację, której Letter Lab nie zna: {value}. Wybierz relu, tanh, sigmoid, softmax albo linear.',
  'spec.learning-rate':
    'Tempo uczenia (jak duży jest każdy krok poprawki) musi być liczbą większą od 0, a wynosi {value}.',
  'spec.epochs':
    'Liczba epok (ile razy sieć zobaczy każdy obrazek treningowy) musi być liczbą całkowitą, co najmniej 1, a wynosi {value}.',
  'spec.batch-size':
    'Wielkość paczki (ile obrazków sieć ogląda przed każdą poprawką) musi być liczbą całkowitą, co najmniej 1, a wynosi {value}.',
  'spec.optimizer': 'Optymalizator musi być jednym z: sgd, adam, rmsprop, a jest {value}.',
  'spec.input-size':
    'Rozmiar obrazka wejściowego musi się składać z liczb całkowitych, co najmniej 1, a jest {value}.',
  'spec.classes':
    'Sieć musi wybierać spośród co najmniej 2 klas (liczba całkowita), a jest ich {value}.',
  'spec.too-many-params':
    'Ta sieć ma {params} liczb do nauczenia, ponad {limit}. Na laptopie będzie się uczyć bardzo wolno. MaxPool2D przed Flatten albo mniejszy Dense bardzo ją zmniejszą.',
  'spec.linear-stack':
    '{layer} nie ma aktywacji, a zaraz po nim jest {next}. Dwie warstwy Dense bez niczego „zaginającego” pomiędzy działają jak jedna. Daj tej warstwie aktywację relu.',
  'spec.hidden-softmax':
    '{layer} używa softmax, który służy do końcowej odpowiedzi: zamienia liczby na szanse, które sumują się do 100%. W środku sieci lepiej działa relu.',
  'fix.insert': 'Dodaj {layer}',
  'fix.remove': 'Usuń {layer}',
  'fix.set': 'Ustaw {fieldAcc} na {value}',
  'diff.added': 'dodano {layer} po {prev}',
  'diff.added-first': 'dodano {layer} na początku',
  'diff.removed': 'usunięto {layer} po {prev}',
  'diff.removed-first': 'usunięto {layer} z początku',
  'diff.layer-field': '{layer}: {field} {from} → {to}',
  'diff.setting': '{field}: {from} → {to}',
  'field.filters': 'liczba filtrów',
  'field.kernelSize': 'rozmiar okna',
  'field.poolSize': 'rozmiar okna',
  'field.strides': 'krok',
  'field.padding': 'wypełnienie',
  'field.activation': 'aktywacja',
  'field.units': 'liczba neuronów',
  'field.rate': 'współczynnik',
  'field.compile.optimizer': 'optymalizator',
  'field.compile.learningRate': 'tempo uczenia',
  'field.compile.epochs': 'liczba epok',
  'field.compile.batchSize': 'wielkość paczki',
  'field.classes': 'liczba klas',
  'field.input': 'obrazek wejściowy',
  'field.name': 'nazwa',
  // Accusative forms for "Ustaw … na …" where they differ from the nominative.
  'field-acc.filters': 'liczbę filtrów',
  'field-acc.activation': 'aktywację',
  'field-acc.units': 'liczbę neuronów',
  'field-acc.compile.epochs': 'liczbę epok',
  'field-acc.classes': 'liczbę klas',
  'field-acc.name': 'nazwę',
};

export const specMessages: { en: Record<string, string>; pl: Record<string, string> } = { en, pl };

/** 7850 -> "7,850" (en) or "7850" (pl, which groups from 10 000 on, with a no-break space). */
export function formatNumber(value: number, lang: SpecLang): string {
  if (!Number.isFinite(value)) return String(value);
  if (!Number.isInteger(value)) {
    const text = String(value);
    return lang === 'pl' ? text.replace('.', ',') : text;
  }
  const digits = String(Math.abs(value));
  const groupFrom = lang === 'pl' ? 10_000 : 1_000;
  const grouped =
    Math.abs(value) < groupFrom
      ? digits
      : digits.replace(/\B(?=(\d{3})+(?!\d))/g, lang === 'pl' ? '\u00a0' : ',');
  return value < 0 ? `-${grouped}` : grouped;
}

function localize(name: string, value: string | number, lang: SpecLang): string {
  const table = specMessages[lang];
  if (name === 'field') return table[`field.${value}`] ?? String(value);
  if (name === 'fieldAcc') {
    return table[`field-acc.${value}`] ?? table[`field.${value}`] ?? String(value);
  }
  return typeof value === 'number' ? formatNumber(value, lang) : value;
}

/** The text of `key` in `lang` with its {placeholders} filled in (unknown keys come back as is). */
export function formatSpecMessage(
  lang: SpecLang,
  key: string,
  params: Record<string, string | number> = {},
): string {
  const template = specMessages[lang][key] ?? specMessages.en[key] ?? key;
  return fillPlaceholders(template, params, (value, name) => localize(name, value, lang));
}
