import { defineMessages } from '../define';

// Words for what can go wrong around the edges (issue #17): the builder's time estimate when it
// cannot be given, a full disk, damaged pictures, runs that Letter Lab's closing interrupted, and
// the plain explanations ('error.<code>') of the error codes these added.
export const reliability = defineMessages(
  {
    'estimate.busy':
      'No time estimate while a network is training: measuring would slow the training down.',
    'estimate.tooBig':
      'Too big for this computer: training it would need about {needed} of memory, and a time estimate may use {allowed}. Use fewer filters or units, fewer blocks, or a smaller batch.',
    'estimate.tooBigMeasured':
      'Too big for this computer: while it was being timed it used more than the {allowed} of memory allowed. Use fewer filters or units, fewer blocks, or a smaller batch.',
    'estimate.tooSlow':
      'Timing this network took more than {seconds} seconds, so one epoch would take a very long time on this computer. Make it smaller: fewer filters or blocks, or a smaller batch.',

    'notebook.status.running': 'training now',
    'notebook.status.interrupted': 'interrupted',
    'notebook.run.interrupted':
      'Letter Lab was closed while this run was training. Its {epochs} finished epochs and their curves are kept here.',
    'notebook.run.keepModel': 'Keep its network in Saved networks',
    'notebook.run.modelKept': 'Saved as “{name}” in Saved networks (the Predict tab can use it).',

    'error.file.disk-full': 'The disk is full: free some space; nothing was lost. Then try again.',
    'error.spec.too-big':
      'This network is too big for this computer’s memory. Use fewer filters or units, fewer blocks, or a smaller batch.',
    'error.estimate.cancelled':
      'The time estimate was stopped because the network changed or a training started.',
    'error.estimate.too-slow':
      'This network is so slow on this computer that its time could not be measured. Make it smaller.',
    'error.predict.damaged-image':
      'This picture is damaged (part of the file is missing or broken), so Letter Lab cannot look at it. Save or copy the picture again.',
  },
  {
    'estimate.busy': 'Nie ma szacowania czasu, gdy sieć się trenuje: pomiar spowolniłby trening.',
    'estimate.tooBig':
      'Za duża na ten komputer: jej trening potrzebowałby około {needed} pamięci, a szacowanie czasu może użyć {allowed}. Użyj mniej filtrów lub neuronów, mniej bloków albo mniejszej paczki.',
    'estimate.tooBigMeasured':
      'Za duża na ten komputer: podczas pomiaru czasu zajęła więcej niż dozwolone {allowed} pamięci. Użyj mniej filtrów lub neuronów, mniej bloków albo mniejszej paczki.',
    'estimate.tooSlow':
      'Pomiar czasu tej sieci trwał ponad {seconds} s, więc jedna epoka trwałaby na tym komputerze bardzo długo. Zmniejsz ją: mniej filtrów lub bloków albo mniejsza paczka.',

    'notebook.status.running': 'trenuje się teraz',
    'notebook.status.interrupted': 'przerwany przez zamknięcie',
    'notebook.run.interrupted':
      'Letter Lab został zamknięty w trakcie tego treningu. Ukończone epoki ({epochs}) i ich wykresy są zachowane tutaj.',
    'notebook.run.keepModel': 'Zachowaj tę sieć w Zapisanych sieciach',
    'notebook.run.modelKept':
      'Zapisano jako „{name}” w Zapisanych sieciach (może jej użyć zakładka Rozpoznawanie).',

    'error.file.disk-full':
      'Dysk jest pełny: zwolnij trochę miejsca; nic nie zostało utracone. Potem spróbuj jeszcze raz.',
    'error.spec.too-big':
      'Ta sieć jest za duża na pamięć tego komputera. Użyj mniej filtrów lub neuronów, mniej bloków albo mniejszej paczki.',
    'error.estimate.cancelled':
      'Szacowanie czasu zostało przerwane, bo sieć się zmieniła albo zaczął się trening.',
    'error.estimate.too-slow':
      'Ta sieć działa na tym komputerze tak wolno, że nie dało się zmierzyć jej czasu. Zmniejsz ją.',
    'error.predict.damaged-image':
      'Ten obrazek jest uszkodzony (brakuje części pliku albo jest zepsuta), więc Letter Lab nie może go obejrzeć. Zapisz albo skopiuj obrazek jeszcze raz.',
  },
);
