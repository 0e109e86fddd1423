import { defineMessages } from '../define';

// Strings of the lab notebook and the guided first run: keys start with 'notebook.'.
export const notebook = defineMessages(
  {
    'notebook.title': 'Lab notebook',
    'notebook.intro':
      'Every training run is written down here by itself: the network, the letters, the curves and how it ended. Tick two or more runs to see what changed between them and what it did to the accuracy.',
    'notebook.loading': 'Opening the lab notebook…',
    'notebook.error': 'That did not work: {message}',
    'notebook.dismiss': 'OK',
    'notebook.empty':
      'No runs yet. Train a network in the Train tab and it will be written down here.',
    'notebook.goTrain': 'Go to Train',
    'notebook.list': 'Recorded runs, newest first',

    'notebook.status.finished': 'finished',
    'notebook.status.stopped': 'stopped early',
    'notebook.status.failed': 'failed',
    'notebook.status.crashed': 'broke off',

    'notebook.run.pick': 'Compare “{name}”',
    'notebook.run.star': 'Star “{name}”',
    'notebook.run.name': 'Name of the run',
    'notebook.run.save': 'Save',
    'notebook.run.cancel': 'Cancel',
    'notebook.run.rename': 'Rename',
    'notebook.run.open': 'Open this network in Build',
    'notebook.run.opened': 'Opened “{name}” in the builder.',
    'notebook.run.facts': '{network} · epochs: {epochs} · {params} parameters · {seconds}.',
    'notebook.run.best': 'Best validation accuracy {value} (epoch {epoch}).',
    'notebook.run.letters': 'Letters: {label} · {train} for training, {test} for testing.',
    'notebook.run.lettersHash': 'SHA-256 of the letters file: {fingerprint}',
    'notebook.run.stoppedAt':
      'Stopped during epoch {epoch} (after {batch} of {batches} batches): the network kept is the one from the end of epoch {kept}.',
    'notebook.run.delete': 'Delete',
    'notebook.run.deleteAsk': 'Delete “{name}” and its trained network for good?',
    'notebook.run.deleteYes': 'Delete',
    'notebook.run.deleteNo': 'Keep it',
    'notebook.run.tooMany': 'At most {max} runs can be compared at once: untick one first.',
    'notebook.note.label': 'Your note',
    'notebook.note.placeholder': 'What did you change, and what did you expect?',

    'notebook.compare.hint':
      'Tick a run to see its curves and download its report; tick two or more to compare them.',
    'notebook.compare.one': 'Run “{name}”',
    'notebook.compare.title': 'Comparing {count} runs',
    'notebook.compare.legend': 'Runs on the charts',
    'notebook.compare.clear': 'Untick all',

    'notebook.chart.loss': 'Loss (lower is better)',
    'notebook.chart.acc': 'Accuracy (higher is better)',
    'notebook.chart.key':
      'Each run has its own colour, line and marker. Lines with markers: validation (test letters the network never learned from).',
    'notebook.chart.showTraining': 'Also show the training curves (thin lines)',
    'notebook.chart.valOf': '{name}, validation',
    'notebook.chart.trainOf': '{name}, training',
    'notebook.chart.epoch': 'Epoch',
    'notebook.chart.epochN': 'Epoch {epoch}',
    'notebook.chart.loss.best': '{name}: lowest validation loss {value} in epoch {epoch}.',
    'notebook.chart.acc.best': '{name}: best validation accuracy {value} in epoch {epoch}.',
    'notebook.chart.noVal': '{name}: no validation numbers.',

    'notebook.table.caption': 'The numbers of the runs',
    'notebook.table.run': 'Run',
    'notebook.table.network': 'Network',
    'notebook.table.params': 'Parameters',
    'notebook.table.epochs': 'Epochs',
    'notebook.table.best': 'Best validation accuracy',
    'notebook.table.final': 'Last validation accuracy',
    'notebook.table.perEpoch': 'Time per epoch',
    'notebook.table.epochN': 'epoch {epoch}',

    'notebook.changes.title': 'What changed',
    'notebook.changes.step': 'From “{from}” to “{to}”:',
    'notebook.changes.none': 'the same network and settings',
    'notebook.changes.otherData':
      'Careful: these runs did not all learn from the same letters with the same split, so their accuracies are not a fair comparison.',

    'notebook.report.download': 'Download the report',
    'notebook.report.saved': 'The report was saved as {file}.',
    'notebook.report.title': 'Letter Lab: run report',
    'notebook.report.made': 'Made on {date}.',
    'notebook.report.summary': 'The runs in numbers',
    'notebook.report.runs': 'Each run',
    'notebook.report.started': 'Started {date}',
    'notebook.report.letters': 'letters: {label} ({train} for training, {test} for testing)',
    'notebook.report.compile': 'optimizer {optimizer}, learning rate {rate}, batch size {batch}',

    'notebook.tour.help': 'Help',
    'notebook.tour.count': 'Step {n} of {of}',
    'notebook.tour.skip': 'Skip the tour',
    'notebook.tour.next': 'Next step',
    'notebook.tour.esc': 'Esc closes the tour; Help brings it back.',
    'notebook.tour.openNotebook': 'Open the lab notebook',
    'notebook.tour.close': 'Close',
    'notebook.tour.letters.title': 'Look at the letters',
    'notebook.tour.letters.text':
      'These are the pictures your network will learn from, the letters A to J in many fonts: click a few to see their pixels, then open the Build tab.',
    'notebook.tour.letters.none':
      'First open some letters: press “Use sample letters” (or open your teacher’s file).',
    'notebook.tour.preset.title': 'Pick the first network',
    'notebook.tour.preset.text':
      'Choose “1. Logistic regression” in the list of ready-made networks and press Load: it is the simplest network there is, and it learns in seconds.',
    'notebook.tour.train.title': 'Train it',
    'notebook.tour.train.text':
      'In the Train tab press Train and watch the loss go down and the accuracy go up; when it finishes (or you press Stop), the next step opens.',
    'notebook.tour.train.watching':
      'Watch the loss go down and the accuracy go up. When the training ends, the next step opens.',
    'notebook.tour.draw.title': 'Draw a letter',
    'notebook.tour.draw.text':
      'In the Predict tab draw a letter from A to J with the mouse and see which letter your network thinks it is.',
    'notebook.tour.done.title': 'Well done!',
    'notebook.tour.done.text':
      'You trained your first network and saw what it reads in your own letter; the run is written down in the lab notebook, ready to compare with your next one.',
  },
  {
    'notebook.title': 'Dziennik laboratoryjny',
    'notebook.intro':
      'Każdy trening zapisuje się tu sam: sieć, litery, wykresy i to, jak się skończył. Zaznacz dwa treningi albo więcej, żeby zobaczyć, co się między nimi zmieniło i jak to wpłynęło na trafność.',
    'notebook.loading': 'Otwieranie dziennika…',
    'notebook.error': 'Nie udało się: {message}',
    'notebook.dismiss': 'OK',
    'notebook.empty':
      'Nie ma jeszcze żadnych treningów. Wytrenuj sieć w zakładce Trening, a zapisze się tutaj.',
    'notebook.goTrain': 'Przejdź do treningu',
    'notebook.list': 'Zapisane treningi, od najnowszego',

    'notebook.status.finished': 'ukończony',
    'notebook.status.stopped': 'zatrzymany wcześniej',
    'notebook.status.failed': 'nieudany',
    'notebook.status.crashed': 'przerwany',

    'notebook.run.pick': 'Porównaj „{name}”',
    'notebook.run.star': 'Oznacz gwiazdką „{name}”',
    'notebook.run.name': 'Nazwa treningu',
    'notebook.run.save': 'Zapisz',
    'notebook.run.cancel': 'Anuluj',
    'notebook.run.rename': 'Zmień nazwę',
    'notebook.run.open': 'Otwórz tę sieć w Budowaniu',
    'notebook.run.opened': 'Otwarto „{name}” w budowaniu.',
    'notebook.run.facts': '{network} · epoki: {epochs} · parametry: {params} · {seconds}.',
    'notebook.run.best': 'Najlepsza trafność walidacyjna {value} (epoka {epoch}).',
    'notebook.run.letters': 'Litery: {label} · {train} do nauki, {test} do testu.',
    'notebook.run.lettersHash': 'SHA-256 pliku z literami: {fingerprint}',
    'notebook.run.stoppedAt':
      'Zatrzymany w trakcie epoki {epoch} (po {batch} z {batches} paczek): zachowana jest sieć z końca epoki {kept}.',
    'notebook.run.delete': 'Usuń',
    'notebook.run.deleteAsk': 'Usunąć na zawsze „{name}” razem z wytrenowaną siecią?',
    'notebook.run.deleteYes': 'Usuń',
    'notebook.run.deleteNo': 'Zostaw',
    'notebook.run.tooMany':
      'Naraz można porównać najwyżej tyle treningów: {max}. Najpierw odznacz któryś.',
    'notebook.note.label': 'Twoja notatka',
    'notebook.note.placeholder': 'Co zmieniłeś lub zmieniłaś i czego się spodziewasz?',

    'notebook.compare.hint':
      'Zaznacz trening, żeby zobaczyć jego wykresy i pobrać raport; zaznacz dwa albo więcej, żeby je porównać.',
    'notebook.compare.one': 'Trening „{name}”',
    'notebook.compare.title': 'Porównanie treningów: {count}',
    'notebook.compare.legend': 'Treningi na wykresach',
    'notebook.compare.clear': 'Odznacz wszystkie',

    'notebook.chart.loss': 'Strata (im mniejsza, tym lepiej)',
    'notebook.chart.acc': 'Trafność (im większa, tym lepiej)',
    'notebook.chart.key':
      'Każdy trening ma swój kolor, rodzaj linii i znacznik. Linie ze znacznikami: walidacja (litery testowe, na których sieć się nie uczyła).',
    'notebook.chart.showTraining': 'Pokaż też krzywe treningowe (cienkie linie)',
    'notebook.chart.valOf': '{name}, walidacja',
    'notebook.chart.trainOf': '{name}, trening',
    'notebook.chart.epoch': 'Epoka',
    'notebook.chart.epochN': 'Epoka {epoch}',
    'notebook.chart.loss.best': '{name}: najmniejsza strata walidacyjna {value} w epoce {epoch}.',
    'notebook.chart.acc.best': '{name}: najlepsza trafność walidacyjna {value} w epoce {epoch}.',
    'notebook.chart.noVal': '{name}: brak wyników walidacji.',

    'notebook.table.caption': 'Liczby treningów',
    'notebook.table.run': 'Trening',
    'notebook.table.network': 'Sieć',
    'notebook.table.params': 'Parametry',
    'notebook.table.epochs': 'Epoki',
    'notebook.table.best': 'Najlepsza trafność walidacyjna',
    'notebook.table.final': 'Ostatnia trafność walidacyjna',
    'notebook.table.perEpoch': 'Czas jednej epoki',
    'notebook.table.epochN': 'epoka {epoch}',

    'notebook.changes.title': 'Co się zmieniło',
    'notebook.changes.step': 'Z „{from}” na „{to}”:',
    'notebook.changes.none': 'ta sama sieć i te same ustawienia',
    'notebook.changes.otherData':
      'Uwaga: te treningi nie uczyły się wszystkie na tych samych literach z tym samym podziałem, więc porównanie ich trafności nie jest uczciwe.',

    'notebook.report.download': 'Pobierz raport',
    'notebook.report.saved': 'Raport zapisano jako {file}.',
    'notebook.report.title': 'Letter Lab: raport z treningów',
    'notebook.report.made': 'Utworzono {date}.',
    'notebook.report.summary': 'Treningi w liczbach',
    'notebook.report.runs': 'Poszczególne treningi',
    'notebook.report.started': 'Rozpoczęty {date}',
    'notebook.report.letters': 'litery: {label} ({train} do nauki, {test} do testu)',
    'notebook.report.compile':
      'optymalizator {optimizer}, tempo uczenia {rate}, wielkość paczki {batch}',

    'notebook.tour.help': 'Pomoc',
    'notebook.tour.count': 'Krok {n} z {of}',
    'notebook.tour.skip': 'Pomiń przewodnik',
    'notebook.tour.next': 'Następny krok',
    'notebook.tour.esc': 'Esc zamyka przewodnik; przycisk Pomoc go przywraca.',
    'notebook.tour.openNotebook': 'Otwórz dziennik',
    'notebook.tour.close': 'Zamknij',
    'notebook.tour.letters.title': 'Obejrzyj litery',
    'notebook.tour.letters.text':
      'To obrazki, na których twoja sieć będzie się uczyć, litery od A do J w wielu krojach pisma: kliknij kilka, żeby zobaczyć ich piksele, a potem otwórz zakładkę Budowanie.',
    'notebook.tour.letters.none':
      'Najpierw otwórz jakieś litery: naciśnij „Użyj przykładowych liter” (albo otwórz plik od nauczyciela).',
    'notebook.tour.preset.title': 'Wybierz pierwszą sieć',
    'notebook.tour.preset.text':
      'Wybierz „1. Regresja logistyczna” z listy gotowych sieci i naciśnij Wczytaj: to najprostsza sieć, jaka istnieje, i uczy się w kilka sekund.',
    'notebook.tour.train.title': 'Wytrenuj ją',
    'notebook.tour.train.text':
      'W zakładce Trening naciśnij Trenuj i patrz, jak strata spada, a trafność rośnie; gdy trening się skończy (albo naciśniesz Zatrzymaj), otworzy się następny krok.',
    'notebook.tour.train.watching':
      'Patrz, jak strata spada, a dokładność rośnie. Gdy trening się skończy, otworzy się następny krok.',
    'notebook.tour.draw.title': 'Narysuj literę',
    'notebook.tour.draw.text':
      'W zakładce Rozpoznawanie narysuj myszką literę od A do J i zobacz, za jaką literę uważa ją twoja sieć.',
    'notebook.tour.done.title': 'Brawo!',
    'notebook.tour.done.text':
      'Pierwsza sieć jest wytrenowana i już wiesz, co widzi w twojej literze; trening jest zapisany w dzienniku, gotowy do porównania z następnym.',
  },
);
