import { defineMessages } from '../define';

// Strings of the training feature: keys start with 'training.'.
export const training = defineMessages(
  {
    'training.title': 'Train your network',
    'training.intro':
      'The network looks at every training letter once per epoch and corrects its parameters after every batch. The charts show how it does on the letters it learns from (training) and on test letters it never learns from (validation).',
    'training.loading': 'Asking how training is going…',
    'training.next':
      'Next run: “{name}” from the Build tab · epochs: {epochs}, batch size: {batchSize}, optimizer: {optimizer}.',
    'training.current': 'Shown below: “{name}”.',

    'training.train': 'Train',
    'training.trainAgain': 'Train from scratch',
    'training.stop': 'Stop',
    'training.stop.hint':
      'Stops after the current batch. You keep the network as it was at the end of the last full epoch.',
    'training.pause': 'Pause',
    'training.resume': 'Resume',
    'training.more.title': 'Keep training',
    'training.more.epochs': 'More epochs',
    'training.more.hint':
      'Carries on from the end of the last full epoch, on the same letters, and adds to the charts.',
    'training.more.button': 'Train more',
    'training.more.invalid': 'Type a whole number from 1 to {max}.',
    'training.other.title': 'These are not the letters this run learned from',
    'training.other.file':
      'This run learned from “{run}” ({train} training letters), but “{open}” is open now.',
    'training.other.split':
      'This run learned from “{run}” split into training and test letters in another way than now.',
    'training.other.why':
      'A run learns from the same letters from start to end. Mixing in other letters would make its charts and its test score say nothing.',
    'training.other.reopen': 'Open the run’s letters again',
    'training.other.reopenSplit': 'Go back to the run’s split',
    'training.other.newRun': 'Start a new run on these letters',
    'training.other.newRunHint': 'A new run trains “{name}” from the Build tab from scratch.',

    'training.why.noDataset': 'Open some letters first: there is nothing to train on yet.',
    'training.why.specErrors': 'Your network has a problem to fix first: {problem}',
    'training.why.loading': 'Wait a moment: Letter Lab is still starting.',
    'training.goLetters': 'Go to Letters',
    'training.goBuild': 'Go to Build',

    'training.status.idle': 'Not trained yet. Press Train to start.',
    'training.status.starting': 'Getting ready: loading the letters and building the network…',
    'training.status.running': 'Training…',
    'training.status.paused': 'Paused. Press Resume to carry on.',
    'training.status.stopping': 'Stopping after the current batch…',
    'training.status.finished': 'Finished: epoch {epoch} is done.',
    'training.status.stopped':
      'Stopped after epoch {kept}. You keep the network as it was then: train more epochs or start again.',
    'training.status.stoppedMidEpoch':
      'Stopped during epoch {epoch}, after {batch} of its {batches} batches. Those batches are not kept: you keep the network as it was at the end of epoch {kept}. Train more starts epoch {epoch} again.',
    'training.status.stoppedEarly':
      'Stopped before the first epoch was finished, so there is nothing to continue from: start again.',
    'training.status.failed': 'Training failed: {message}',
    'training.status.crashed': 'Training broke off: {message}',
    'training.status.noReason': 'no reason was given.',
    'training.error': 'That did not work: {message}',
    'training.dismiss': 'OK',

    'training.progress.label': 'Training progress',
    'training.progress.loading': 'Loading the letters and building the network…',
    'training.progress.epochBatch': 'Epoch {epoch} of {epochs} · batch {batch} of {batches}',
    'training.progress.validating': 'Epoch {epoch} of {epochs} · checking on the test letters…',
    'training.progress.speed': '{count} letters per second',
    'training.progress.left': 'about {time} left',
    'training.progress.took': 'took {time}',
    'training.progress.backend': 'Computing with: {name}',

    'training.chart.loss': 'Loss (lower is better)',
    'training.chart.acc': 'Accuracy (higher is better)',
    'training.chart.train': 'training',
    'training.chart.val': 'validation',
    'training.chart.batches': 'training, average so far in the epoch',
    'training.chart.epoch': 'epoch',
    'training.chart.key':
      'Solid blue line with dots: training letters. Dashed orange line with triangles: test letters (validation). Thin line: the training average so far in the epoch, after every batch.',
    'training.chart.empty': 'No epoch has finished yet.',
    'training.chart.running':
      'Epoch {epoch} is running: the thin line shows the average so far, after every batch.',
    'training.chart.loss.summary': 'Epoch {epoch}: training loss {train}, validation loss {val}.',
    'training.chart.loss.summaryNoVal':
      'Epoch {epoch}: training loss {train} (there are no test letters to check on).',
    'training.chart.loss.best': 'Lowest validation loss: {val} after epoch {epoch}.',
    'training.chart.acc.summary':
      'Epoch {epoch}: training accuracy {train}, validation accuracy {val}.',
    'training.chart.acc.summaryNoVal':
      'Epoch {epoch}: training accuracy {train} (there are no test letters to check on).',
    'training.chart.acc.best': 'Best validation accuracy: {val} after epoch {epoch}.',

    'training.table.title': 'Every epoch as a table',
    'training.table.caption': 'Loss and accuracy after every epoch',
    'training.table.epoch': 'Epoch',
    'training.table.loss': 'Training loss',
    'training.table.valLoss': 'Validation loss',
    'training.table.acc': 'Training accuracy',
    'training.table.valAcc': 'Validation accuracy',
    'training.table.time': 'Time',
    'training.table.none': '—',
  },
  {
    'training.title': 'Wytrenuj swoją sieć',
    'training.intro':
      'W każdej epoce sieć ogląda raz każdą literę treningową i poprawia parametry po każdej paczce. Wykresy pokazują, jak jej idzie na literach, na których się uczy (trening), i na literach testowych, na których nigdy się nie uczy (walidacja).',
    'training.loading': 'Sprawdzanie, jak idzie trening…',
    'training.next':
      'Następny trening: „{name}” z zakładki Budowanie · epoki: {epochs}, wielkość paczki: {batchSize}, optymalizator: {optimizer}.',
    'training.current': 'Poniżej: „{name}”.',

    'training.train': 'Trenuj',
    'training.trainAgain': 'Trenuj od nowa',
    'training.stop': 'Zatrzymaj',
    'training.stop.hint':
      'Zatrzymuje po bieżącej paczce. Zostaje sieć taka, jaka była na końcu ostatniej pełnej epoki.',
    'training.pause': 'Wstrzymaj',
    'training.resume': 'Wznów',
    'training.more.title': 'Dalszy trening',
    'training.more.epochs': 'Dodatkowe epoki',
    'training.more.hint':
      'Zaczyna od końca ostatniej pełnej epoki, na tych samych literach, i dopisuje do wykresów.',
    'training.more.button': 'Trenuj dalej',
    'training.more.invalid': 'Wpisz liczbę całkowitą od 1 do {max}.',
    'training.other.title': 'To nie są litery, na których uczył się ten trening',
    'training.other.file':
      'Ten trening uczył się na „{run}” (litery do nauki: {train}), a teraz otwarte jest „{open}”.',
    'training.other.split':
      'Ten trening uczył się na „{run}”, ale litery były wtedy inaczej podzielone na treningowe i testowe.',
    'training.other.why':
      'Trening uczy się na tych samych literach od początku do końca. Gdyby doszły inne litery, jego wykresy i wynik testu nic by nie mówiły.',
    'training.other.reopen': 'Otwórz z powrotem litery tego treningu',
    'training.other.reopenSplit': 'Wróć do podziału z tego treningu',
    'training.other.newRun': 'Zacznij nowy trening na tych literach',
    'training.other.newRunHint': 'Nowy trening uczy od zera sieć „{name}” z zakładki Budowanie.',

    'training.why.noDataset': 'Najpierw otwórz litery: na razie nie ma na czym trenować.',
    'training.why.specErrors': 'Twoja sieć ma problem, który trzeba najpierw poprawić: {problem}',
    'training.why.loading': 'Chwilę: Letter Lab jeszcze się uruchamia.',
    'training.goLetters': 'Przejdź do Liter',
    'training.goBuild': 'Przejdź do Budowania',

    'training.status.idle': 'Jeszcze nie trenowano. Naciśnij Trenuj, żeby zacząć.',
    'training.status.starting': 'Przygotowanie: wczytywanie liter i budowanie sieci…',
    'training.status.running': 'Trening trwa…',
    'training.status.paused': 'Wstrzymano. Naciśnij Wznów, żeby kontynuować.',
    'training.status.stopping': 'Zatrzymywanie po bieżącej paczce…',
    'training.status.finished': 'Gotowe: epoka {epoch} jest ukończona.',
    'training.status.stopped':
      'Zatrzymano po epoce {kept}. Zostaje sieć taka, jaka była wtedy: trenuj dalej albo zacznij od nowa.',
    'training.status.stoppedMidEpoch':
      'Zatrzymano w trakcie epoki {epoch}, po {batch} z {batches} paczek. Tych paczek nie zachowano: zostaje sieć taka, jaka była na końcu epoki {kept}. „Trenuj dalej” zacznie epokę {epoch} od początku.',
    'training.status.stoppedEarly':
      'Zatrzymano przed końcem pierwszej epoki, więc nie ma od czego kontynuować: zacznij od nowa.',
    'training.status.failed': 'Trening się nie udał: {message}',
    'training.status.crashed': 'Trening został przerwany: {message}',
    'training.status.noReason': 'nie podano przyczyny.',
    'training.error': 'Nie udało się: {message}',
    'training.dismiss': 'OK',

    'training.progress.label': 'Postęp treningu',
    'training.progress.loading': 'Wczytywanie liter i budowanie sieci…',
    'training.progress.epochBatch': 'Epoka {epoch} z {epochs} · paczka {batch} z {batches}',
    'training.progress.validating': 'Epoka {epoch} z {epochs} · sprawdzanie na literach testowych…',
    'training.progress.speed': 'liter na sekundę: {count}',
    'training.progress.left': 'zostało około {time}',
    'training.progress.took': 'trwało {time}',
    'training.progress.backend': 'Liczy: {name}',

    'training.chart.loss': 'Strata (im mniej, tym lepiej)',
    'training.chart.acc': 'Dokładność (im więcej, tym lepiej)',
    'training.chart.train': 'trening',
    'training.chart.val': 'walidacja',
    'training.chart.batches': 'trening, średnia od początku epoki',
    'training.chart.epoch': 'epoka',
    'training.chart.key':
      'Ciągła niebieska linia z kropkami: litery treningowe. Przerywana pomarańczowa linia z trójkątami: litery testowe (walidacja). Cienka linia: średnia treningowa od początku epoki, po każdej paczce.',
    'training.chart.empty': 'Żadna epoka jeszcze się nie skończyła.',
    'training.chart.running':
      'Trwa epoka {epoch}: cienka linia pokazuje średnią od początku epoki, po każdej paczce.',
    'training.chart.loss.summary': 'Epoka {epoch}: strata treningowa {train}, walidacyjna {val}.',
    'training.chart.loss.summaryNoVal':
      'Epoka {epoch}: strata treningowa {train} (nie ma liter testowych do sprawdzenia).',
    'training.chart.loss.best': 'Najmniejsza strata walidacyjna: {val} po epoce {epoch}.',
    'training.chart.acc.summary':
      'Epoka {epoch}: dokładność treningowa {train}, walidacyjna {val}.',
    'training.chart.acc.summaryNoVal':
      'Epoka {epoch}: dokładność treningowa {train} (nie ma liter testowych do sprawdzenia).',
    'training.chart.acc.best': 'Najlepsza dokładność walidacyjna: {val} po epoce {epoch}.',

    'training.table.title': 'Wszystkie epoki w tabeli',
    'training.table.caption': 'Strata i dokładność po każdej epoce',
    'training.table.epoch': 'Epoka',
    'training.table.loss': 'Strata treningowa',
    'training.table.valLoss': 'Strata walidacyjna',
    'training.table.acc': 'Dokładność treningowa',
    'training.table.valAcc': 'Dokładność walidacyjna',
    'training.table.time': 'Czas',
    'training.table.none': '—',
  },
);
