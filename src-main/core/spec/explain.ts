// What each block does, told to a 12-year-old, in English and Polish, plus its palette label.
// In the spirit of the notebook's teaching: a picture goes in, filters look for strokes,
// pooling shrinks the picture, Flatten unrolls it, Dense layers weigh everything, softmax answers.

import type { Activation, LayerType } from '../../contract/spec';
import type { SpecLang } from './messages';

export interface BlockText {
  /** The label on the palette button. */
  label: string;
  /** One short line under the label. */
  short: string;
  /** Two or three sentences for the help panel. */
  explain: string;
}

export const LAYER_EXPLANATIONS: Record<LayerType | 'output', Record<SpecLang, BlockText>> = {
  conv2d: {
    en: {
      label: 'Convolution (Conv2D)',
      short: 'Small filters look for strokes and corners',
      explain:
        'A small window, for example 3x3 pixels, slides over the picture. Each filter is a little pattern, like a slanted stroke or a corner, and lights up where the picture looks like it. With 16 filters you get 16 new pictures, one map per pattern.',
    },
    pl: {
      label: 'Konwolucja (Conv2D)',
      short: 'Małe filtry szukają kresek i rogów',
      explain:
        'Małe okienko, na przykład 3x3 piksele, przesuwa się po obrazku. Każdy filtr to mały wzorek, na przykład ukośna kreska albo róg, i świeci się tam, gdzie obrazek jest do niego podobny. Z 16 filtrów powstaje 16 nowych obrazków – po jednej mapie na każdy wzorek.',
    },
  },
  maxPool2d: {
    en: {
      label: 'Max pooling (MaxPool2D)',
      short: 'Shrinks the picture, keeps the strongest signal',
      explain:
        'Cuts the picture into 2x2 squares and keeps only the biggest number from each. The picture gets 2 times narrower and 2 times shorter, but a found stroke is not lost, and it matters less exactly where it was.',
    },
    pl: {
      label: 'Max pooling (MaxPool2D)',
      short: 'Zmniejsza obrazek, zostawia najsilniejszy sygnał',
      explain:
        'Dzieli obrazek na kwadraty 2x2 i z każdego zostawia tylko największą liczbę. Obrazek robi się 2 razy węższy i 2 razy niższy, ale znaleziona kreska nie ginie, a jej dokładne położenie mniej się liczy.',
    },
  },
  averagePool2d: {
    en: {
      label: 'Average pooling (AvgPool2D)',
      short: 'Shrinks the picture by averaging',
      explain:
        'Like max pooling, but keeps the average of each square instead of the biggest number. The picture gets smaller and a bit blurry.',
    },
    pl: {
      label: 'Average pooling (AvgPool2D)',
      short: 'Zmniejsza obrazek, uśredniając',
      explain:
        'Jak max pooling, ale z każdego kwadratu zostawia średnią zamiast największej liczby. Obrazek robi się mniejszy i trochę rozmyty.',
    },
  },
  flatten: {
    en: {
      label: 'Flatten',
      short: 'Unrolls the picture into one long list',
      explain:
        'Takes the picture row by row and lays all its numbers out in one long list. Dense layers need a list, so Flatten usually comes right before them. It has nothing to learn.',
    },
    pl: {
      label: 'Spłaszczanie (Flatten)',
      short: 'Rozwija obrazek w jedną długą listę',
      explain:
        'Bierze obrazek wiersz po wierszu i układa wszystkie jego liczby w jedną długą listę. Warstwy Dense potrzebują listy, więc Flatten zwykle stoi tuż przed nimi. Niczego się nie uczy.',
    },
  },
  dense: {
    en: {
      label: 'Dense layer',
      short: 'Every neuron weighs every number',
      explain:
        'Each neuron looks at all the numbers in the list, multiplies each by its own weight and adds them up. Learning means finding good weights. Dense layers have the most parameters of all blocks.',
    },
    pl: {
      label: 'Warstwa gęsta (Dense)',
      short: 'Każdy neuron waży każdą liczbę',
      explain:
        'Każdy neuron patrzy na wszystkie liczby z listy, mnoży każdą przez swoją wagę i dodaje wyniki. Uczenie się to szukanie dobrych wag. Warstwy Dense mają najwięcej parametrów ze wszystkich bloków.',
    },
  },
  dropout: {
    en: {
      label: 'Dropout',
      short: 'Switches off random neurons while learning',
      explain:
        'While learning, it switches off some of the numbers at random (0.5 means half of them) each time. The network cannot count on any single neuron, so it learns several ways to recognise a letter. When it predicts, nothing is switched off.',
    },
    pl: {
      label: 'Dropout',
      short: 'Podczas nauki wyłącza losowe neurony',
      explain:
        'Podczas nauki za każdym razem losowo wyłącza część liczb (0,5 to połowa). Sieć nie może liczyć na żaden pojedynczy neuron, więc uczy się kilku sposobów rozpoznawania litery. Gdy sieć odpowiada, nic nie jest wyłączane.',
    },
  },
  batchNormalization: {
    en: {
      label: 'Batch normalization',
      short: 'Keeps the numbers in a steady range',
      explain:
        'Shifts and stretches the numbers of each channel so they stay around 0 and do not grow huge or tiny. This often makes learning faster and steadier. It learns 2 numbers per channel and keeps track of 2 more.',
    },
    pl: {
      label: 'Normalizacja (BatchNorm)',
      short: 'Trzyma liczby w stałym zakresie',
      explain:
        'Przesuwa i rozciąga liczby każdego kanału tak, żeby kręciły się wokół 0 i nie robiły się ogromne ani malutkie. Dzięki temu nauka często idzie szybciej i spokojniej. Uczy się 2 liczb na kanał i śledzi 2 kolejne.',
    },
  },
  globalMaxPool2d: {
    en: {
      label: 'Global max pooling',
      short: 'Keeps the strongest signal of each map',
      explain:
        'From each map it keeps one number: the biggest one. The answer is "was this pattern anywhere in the picture?", no matter where. It turns a picture into a short list, like Flatten, but much shorter.',
    },
    pl: {
      label: 'Global max pooling',
      short: 'Z każdej mapy zostawia najsilniejszy sygnał',
      explain:
        'Z każdej mapy zostawia jedną liczbę: największą. Odpowiada na pytanie „czy ten wzorek był gdziekolwiek na obrazku?”, bez względu na miejsce. Zamienia obrazek w krótką listę, jak Flatten, tylko dużo krótszą.',
    },
  },
  globalAveragePool2d: {
    en: {
      label: 'Global average pooling',
      short: 'Averages each map into one number',
      explain:
        'From each map it keeps one number: the average. It tells how much of the pattern there is in the whole picture.',
    },
    pl: {
      label: 'Global average pooling',
      short: 'Uśrednia każdą mapę do jednej liczby',
      explain:
        'Z każdej mapy zostawia jedną liczbę: średnią. Mówi, ile danego wzorka jest na całym obrazku.',
    },
  },
  activation: {
    en: {
      label: 'Activation',
      short: 'Bends the numbers',
      explain:
        'Changes every number on its own, for example relu turns negative numbers into 0. Without such bending, many layers would work like a single one.',
    },
    pl: {
      label: 'Aktywacja',
      short: 'Zagina liczby',
      explain:
        'Zmienia każdą liczbę osobno, na przykład relu zamienia liczby ujemne na 0. Bez takiego zaginania wiele warstw działałoby jak jedna.',
    },
  },
  output: {
    en: {
      label: 'Answer (Dense + softmax)',
      short: 'One neuron per letter, chances add up to 100%',
      explain:
        'The last layer has one neuron for each letter, A to J. Softmax turns their numbers into chances that add up to 100%; the letter with the biggest chance is the answer. Letter Lab always adds this layer for you.',
    },
    pl: {
      label: 'Odpowiedź (Dense + softmax)',
      short: 'Po jednym neuronie na literę, szanse sumują się do 100%',
      explain:
        'Ostatnia warstwa ma po jednym neuronie na każdą literę, od A do J. Softmax zamienia ich liczby na szanse, które sumują się do 100%; odpowiedzią jest litera z największą szansą. Letter Lab zawsze dodaje tę warstwę sam.',
    },
  },
};

export const ACTIVATION_EXPLANATIONS: Record<Activation, Record<SpecLang, string>> = {
  relu: {
    en: 'relu: negative numbers become 0, positive ones stay as they are.',
    pl: 'relu: liczby ujemne zamieniają się w 0, dodatnie zostają bez zmian.',
  },
  tanh: {
    en: 'tanh: squeezes every number into the range from -1 to 1.',
    pl: 'tanh: ściska każdą liczbę do przedziału od -1 do 1.',
  },
  sigmoid: {
    en: 'sigmoid: squeezes every number into the range from 0 to 1.',
    pl: 'sigmoid: ściska każdą liczbę do przedziału od 0 do 1.',
  },
  softmax: {
    en: 'softmax: turns a list of numbers into chances that add up to 100%.',
    pl: 'softmax: zamienia listę liczb na szanse, które sumują się do 100%.',
  },
  linear: {
    en: 'linear: leaves the numbers as they are (no bending at all).',
    pl: 'linear: zostawia liczby bez zmian (żadnego zaginania).',
  },
};

export function explainLayer(type: LayerType | 'output', lang: SpecLang): BlockText {
  return LAYER_EXPLANATIONS[type][lang];
}
