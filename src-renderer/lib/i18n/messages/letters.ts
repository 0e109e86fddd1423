import { defineMessages } from '../define';

// Strings of the My letters feature: keys start with 'letters.' (and 'error.letters.' for what its
// error codes mean, see messages/errors.ts).
export const letters = defineMessages(
  {
    'error.letters.bad-file':
      'This file does not hold letters Letter Lab can keep: it needs 28 × 28 pictures in "images" and their letters in "labels".',
    'error.letters.bad-label': 'Letters can only be kept as A, B, C, D, E, F, G, H, I or J.',
    'error.letters.duplicate':
      'This very picture is already in the collection. Draw the letter again to keep another one.',
    'error.letters.not-found':
      'That letter is no longer in the collection (it may have been deleted in another window).',
    'error.letters.too-many':
      'The collection is full. Start a new file for more letters, or delete some.',
    'error.letters.too-few':
      'There are not enough letters yet to teach the network and test it fairly. Keep more letters first.',
    'error.letters.write-failed':
      'Letter Lab could not save the letters. Check that the disk is not full, then try again.',
  },
  {
    'error.letters.bad-file':
      'Ten plik nie zawiera liter, które Letter Lab umie przechować: potrzebuje obrazków 28 × 28 w „images” i ich liter w „labels”.',
    'error.letters.bad-label': 'Litery można zachować tylko jako A, B, C, D, E, F, G, H, I albo J.',
    'error.letters.duplicate':
      'Dokładnie ten obrazek jest już w kolekcji. Narysuj literę jeszcze raz, żeby zachować kolejną.',
    'error.letters.not-found':
      'Tej litery nie ma już w kolekcji (może ktoś usunął ją w innym oknie).',
    'error.letters.too-many':
      'Kolekcja jest pełna. Zacznij nowy plik na kolejne litery albo usuń kilka.',
    'error.letters.too-few':
      'Liter jest jeszcze za mało, żeby uczyć sieć i uczciwie ją sprawdzić. Najpierw zachowaj więcej liter.',
    'error.letters.write-failed':
      'Letter Lab nie zdołał zapisać liter. Sprawdź, czy dysk nie jest pełny, i spróbuj jeszcze raz.',
  },
);
