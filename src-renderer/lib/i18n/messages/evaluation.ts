import { defineMessages } from '../define';

// Strings of the evaluation feature: keys start with 'evaluation.'.
export const evaluation = defineMessages(
  {
    'evaluation.title': 'How good is the network on the test letters?',
    'evaluation.intro':
      'The network never learned from the test letters. Let it read every one of them and count how many it names right.',
    'evaluation.run': 'Evaluate on the test letters',
    'evaluation.rerun': 'Evaluate again',
    'evaluation.running': 'Checking test letter {done} of {total}…',
    'evaluation.starting': 'Getting the network ready…',
    'evaluation.noModel': 'Train a network first (the Train tab) or load a saved one.',
    'evaluation.failed': 'The evaluation did not work: {message}',
    'evaluation.accuracy': 'Accuracy: {percent}',
    'evaluation.accuracyDetail': '{correct} of {count} test letters named right.',
    'evaluation.model': 'Network: {name} · epochs trained: {epochs} · checked in {seconds} s',
    'evaluation.stale':
      'These numbers are for an earlier network. Evaluate again to check the one in use now.',
    'evaluation.otherDataset':
      'This network was trained on another letters file, so these numbers may not be fair.',
    'evaluation.otherSplit':
      'This network was trained with another train/test split: some of these “test” letters may be letters it learned from, so it may look better than it is.',
    'evaluation.oldSplit':
      'This network was trained before Letter Lab picked its test letters the way the notebook does, so most of these “test” letters were letters it learned from, and it looks better here than it really is. Train it again for an honest score.',
    'evaluation.count.one': '{count} letter',
    'evaluation.count.few': '{count} letters',
    'evaluation.count.many': '{count} letters',
    'evaluation.count.other': '{count} letters',
    'evaluation.perClass.title': 'Accuracy per letter',
    'evaluation.perClass.item': '{letter}: {percent}, {correct} of {count} right',
    'evaluation.perClass.none': 'no test letters',
    'evaluation.matrix.title': 'Confusion matrix',
    'evaluation.matrix.help':
      'Rows are the true letters, columns what the network said. Blue cells are right answers, red cells mistakes; the darker, the more letters. Choose a cell to see its letters (arrow keys move between cells).',
    'evaluation.matrix.caption': 'True letter (rows) against the network’s answer (columns)',
    'evaluation.matrix.cornerRows': 'True ↓',
    'evaluation.matrix.cornerColumns': 'said →',
    'evaluation.matrix.cell': 'True {truth}, predicted {predicted}: {letters}',
    'evaluation.cell.title': 'True {truth}, predicted {predicted}',
    'evaluation.cell.showing': 'Showing {shown} of {total}, the most confident first.',
    'evaluation.cell.empty': 'No test letter landed in this cell.',
    'evaluation.cell.loading': 'Loading the letters…',
    'evaluation.cell.close': 'Close',
    'evaluation.tile.right': '{predicted} ({percent})',
    'evaluation.tile.wrong': 'looks like {predicted} ({percent}), really {truth}',
    'evaluation.mistakes.title': 'The surest mistakes',
    'evaluation.mistakes.help':
      'Wrong answers the network was most sure about. Would a person read these letters right?',
    'evaluation.mistakes.none': 'Not a single mistake on the test letters!',
    'evaluation.mistakes.total': 'Mistakes in total: {total}.',
  },
  {
    'evaluation.title': 'Jak dobrze sieć radzi sobie z literami testowymi?',
    'evaluation.intro':
      'Sieć nigdy nie uczyła się na literach testowych. Niech przeczyta każdą z nich – policzymy, ile rozpozna poprawnie.',
    'evaluation.run': 'Sprawdź na literach testowych',
    'evaluation.rerun': 'Sprawdź jeszcze raz',
    'evaluation.running': 'Sprawdzanie litery testowej {done} z {total}…',
    'evaluation.starting': 'Przygotowywanie sieci…',
    'evaluation.noModel': 'Najpierw wytrenuj sieć (zakładka Trening) albo wczytaj zapisaną.',
    'evaluation.failed': 'Sprawdzanie się nie udało: {message}',
    'evaluation.accuracy': 'Trafność: {percent}',
    'evaluation.accuracyDetail': 'Poprawnie rozpoznane litery testowe: {correct} z {count}.',
    'evaluation.model': 'Sieć: {name} · epoki treningu: {epochs} · sprawdzono w {seconds} s',
    'evaluation.stale':
      'Te wyniki dotyczą wcześniejszej sieci. Sprawdź jeszcze raz, żeby ocenić tę, która jest teraz w użyciu.',
    'evaluation.otherDataset':
      'Ta sieć uczyła się na innym pliku z literami, więc te wyniki mogą być niemiarodajne.',
    'evaluation.otherSplit':
      'Ta sieć uczyła się przy innym podziale na litery treningowe i testowe: część tych „testowych” liter mogła widzieć podczas nauki, więc może wypadać lepiej, niż naprawdę jest.',
    'evaluation.oldSplit':
      'Ta sieć uczyła się, zanim Letter Lab zaczął wybierać litery testowe tak jak notatnik, więc większość tych „testowych” liter widziała podczas nauki i wypada tu lepiej, niż naprawdę jest. Wytrenuj ją jeszcze raz, żeby dostać uczciwy wynik.',
    'evaluation.count.one': '{count} litera',
    'evaluation.count.few': '{count} litery',
    'evaluation.count.many': '{count} liter',
    'evaluation.count.other': '{count} litery',
    'evaluation.perClass.title': 'Trafność dla każdej litery',
    'evaluation.perClass.item': '{letter}: {percent}, poprawnie {correct} z {count}',
    'evaluation.perClass.none': 'brak liter testowych',
    'evaluation.matrix.title': 'Macierz pomyłek',
    'evaluation.matrix.help':
      'Wiersze to prawdziwe litery, kolumny – odpowiedzi sieci. Niebieskie komórki to trafienia, czerwone – pomyłki; im ciemniej, tym więcej liter. Wybierz komórkę, żeby zobaczyć jej litery (strzałki przenoszą między komórkami).',
    'evaluation.matrix.caption': 'Prawdziwa litera (wiersze) a odpowiedź sieci (kolumny)',
    'evaluation.matrix.cornerRows': 'Prawdziwa ↓',
    'evaluation.matrix.cornerColumns': 'sieć →',
    'evaluation.matrix.cell': 'Naprawdę {truth}, rozpoznana jako {predicted}: {letters}',
    'evaluation.cell.title': 'Naprawdę {truth}, rozpoznana jako {predicted}',
    'evaluation.cell.showing': 'Widać {shown} z {total}, od najpewniejszych.',
    'evaluation.cell.empty': 'Żadna litera testowa nie trafiła do tej komórki.',
    'evaluation.cell.loading': 'Wczytywanie liter…',
    'evaluation.cell.close': 'Zamknij',
    'evaluation.tile.right': '{predicted} ({percent})',
    'evaluation.tile.wrong': 'wygląda na {predicted} ({percent}), a to {truth}',
    'evaluation.mistakes.title': 'Najpewniejsze pomyłki',
    'evaluation.mistakes.help':
      'Błędne odpowiedzi, których sieć była najbardziej pewna. Czy człowiek odczytałby te litery poprawnie?',
    'evaluation.mistakes.none': 'Ani jednej pomyłki na literach testowych!',
    'evaluation.mistakes.total': 'Wszystkich pomyłek: {total}.',
  },
);
