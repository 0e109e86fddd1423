// The "build it" hints in a camper's words, in English and Polish, at two levels: a nudge that
// says where to look, and, when asked, what exactly to change.

import type { LessonHint } from './check';
import { fill, type LessonLang } from './format';

export type HintLevel = 'nudge' | 'tell';

const FIELDS: Record<LessonLang, Record<string, string>> = {
  en: {
    filters: 'the number of filters',
    kernelSize: 'the window size',
    poolSize: 'the window size',
    strides: 'the step (stride)',
    padding: 'the padding',
    activation: 'the activation',
    units: 'the number of neurons',
    rate: 'the dropout rate',
    'compile.optimizer': 'the optimizer',
    'compile.learningRate': 'the learning rate',
    'compile.batchSize': 'the batch size',
    input: 'the size of the input picture',
    classes: 'the number of letters to choose from',
  },
  pl: {
    filters: 'liczbę filtrów',
    kernelSize: 'rozmiar okienka',
    poolSize: 'rozmiar okienka',
    strides: 'krok (stride)',
    padding: 'ramkę (padding)',
    activation: 'aktywację',
    units: 'liczbę neuronów',
    rate: 'współczynnik dropoutu',
    'compile.optimizer': 'optymalizator',
    'compile.learningRate': 'tempo uczenia',
    'compile.batchSize': 'rozmiar paczki',
    input: 'rozmiar obrazka na wejściu',
    classes: 'liczbę liter do wyboru',
  },
};

const TEXTS = {
  en: {
    'add.nudge': 'Something is missing after {prev}.',
    'add.nudge.first': 'Something is missing at the very start.',
    'add.tell': 'Add {layer} after {prev}.',
    'add.tell.first': 'Add {layer} at the start.',
    'remove.nudge': 'One block does not belong in this step’s network: look right after {prev}.',
    'remove.nudge.first': 'One block does not belong in this step’s network: look at the start.',
    'remove.tell': 'Remove the {layer} after {prev}.',
    'remove.tell.first': 'Remove the {layer} at the start.',
    'field.nudge': 'Check the settings of {block}.',
    'field.tell': 'In {block}, set {field} to {want} (it is {have} now).',
    'setting.nudge': 'Check {field}.',
    'setting.tell': 'Set {field} to {want} (it is {have} now).',
  },
  pl: {
    'add.nudge': 'Czegoś brakuje po {prev}.',
    'add.nudge.first': 'Czegoś brakuje na samym początku.',
    'add.tell': 'Dodaj {layer} po {prev}.',
    'add.tell.first': 'Dodaj {layer} na początku.',
    'remove.nudge': 'Jeden blok nie pasuje do sieci tego kroku: spójrz, co stoi zaraz po {prev}.',
    'remove.nudge.first': 'Jeden blok nie pasuje do sieci tego kroku: spójrz na początek.',
    'remove.tell': 'Usuń {layer} po {prev}.',
    'remove.tell.first': 'Usuń {layer} z początku.',
    'field.nudge': 'Sprawdź ustawienia bloku {block}.',
    'field.tell': 'W bloku {block} ustaw {field} na {want} (teraz jest {have}).',
    'setting.nudge': 'Sprawdź {field}.',
    'setting.tell': 'Ustaw {field} na {want} (teraz jest {have}).',
  },
} as const;

type TextKey = keyof (typeof TEXTS)['en'];

/** The hint in `lang`: a nudge where to look, or (`tell`) exactly what to change. */
export function hintText(hint: LessonHint, lang: LessonLang, level: HintLevel): string {
  const texts = TEXTS[lang];
  switch (hint.kind) {
    case 'add':
    case 'remove': {
      const key = `${hint.kind}.${level}${hint.prev === null ? '.first' : ''}` as TextKey;
      return fill(texts[key], { layer: hint.layer, prev: hint.prev ?? '' });
    }
    case 'field':
    case 'setting':
      return fill(texts[`${hint.kind}.${level}`], {
        block: hint.kind === 'field' ? hint.block : '',
        field: FIELDS[lang][hint.field] ?? hint.field,
        want: hint.want,
        have: hint.have,
      });
  }
}
