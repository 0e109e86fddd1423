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
    'nav.mine': 'My handwriting',
    'letters.error.fontsNeeded':
      'The Letters tab has {file} open, a collection of drawn letters, not the printed letters. Open the teacher’s letters file or the sample letters there first, then try again.',
    'letters.check.cellEmpty': 'None of these letters landed in this cell.',
    'letters.run.mixed':
      'Taught from “{from}” with {train} letters of {file}, mixed into the printed letters ({percent} of every batch).',
    'letters.run.only': 'Taught from “{from}” with {train} letters of {file} alone.',
    'letters.run.heldBack': 'Held-back letters ({count}): {before} → {after}.',
    'letters.run.fonts': 'Printed letters: {before} → {after}.',
    'letters.run.note': 'The check after each epoch in this run is on the held-back letters.',
    'letters.train.note':
      'This run teaches “{from}” with {file}: the check after each epoch is on the letters held back from it, not on the test part of the printed letters.',
    'letters.name.mine': 'My letters',
    'letters.name.class': 'Class letters',
    'letters.check.stale':
      'These results are for “{name}”, not the network in use now: check again.',
    'letters.title': 'My handwriting',
    'letters.intro':
      'The network learned from letters printed in fonts. Here you draw your own letters, keep them, see how the network does on your handwriting, and teach it to read you better.',
    'letters.keep.title': 'Draw and keep',
    'letters.keep.hint':
      'Draw a letter with the mouse, a finger or a pen, then press the letter it is (or, on a letter button, its key on the keyboard). Each kept letter is saved at once in your letters file.',
    'letters.keep.seenTitle': 'What gets kept',
    'letters.keep.asTitle': 'Keep this letter as…',
    'letters.keep.group': 'Keep the drawing as a letter',
    'letters.keep.as': 'Keep as {letter}',
    'letters.keep.kept': 'Kept as {letter}. Letters in your collection: {count}.',
    'letters.keep.keptHeldBack': ' This one is held back for the fair test.',
    'letters.keep.predictTitle': 'Keep this letter in your collection (My handwriting) as…',
    'letters.keep.keptPredict':
      'Kept as {letter}: your collection has {count} letters now (the My handwriting tab). Draw the next one!',
    'letters.guide.size': 'Letters of each kind:',
    'letters.guide.start': 'Guide me through A to J',
    'letters.guide.ask': 'Draw the letter {letter} ({done} of {total})',
    'letters.guide.keep': 'Keep as {letter}',
    'letters.guide.skip': 'Skip this letter',
    'letters.guide.stop': 'Stop guiding',
    'letters.guide.close': 'Close the guide',
    'letters.guide.done':
      'All done! Letters in your collection: {total}. Now check how the network reads them.',
    'letters.guide.other':
      'Drew a different letter by mistake? Keep it as the right one with the buttons below.',
    'letters.guide.gridLabel': 'Progress: letters kept of each kind',
    'letters.guide.column': '{letter}: {done} of {total}',
    'letters.collection.title': 'Your letters ({count})',
    'letters.collection.loading': 'Reading your letters…',
    'letters.collection.empty': 'No letters kept yet. Draw one above and press its letter.',
    'letters.collection.hint':
      'These are the 28 × 28 pictures the network gets. Choose one to change its letter or delete it. The letters held back for the test ({heldBack} now) are never used for teaching, so they show fairly whether the network got better.',
    'letters.collection.legend': 'held back for the test',
    'letters.collection.row': 'Letter {letter}: {count} kept',
    'letters.collection.thumb': 'Letter {number}, kept as {letter}',
    'letters.collection.thumbHeld': 'Letter {number}, kept as {letter}, held back for the test',
    'letters.editor.title': 'Letter {number}, kept as {letter}',
    'letters.editor.heldBack': 'Held back for the test: teaching never learns from it.',
    'letters.editor.training': 'Teaching may learn from this one.',
    'letters.editor.label': 'It is really:',
    'letters.editor.relabel': 'Change the letter',
    'letters.editor.delete': 'Delete',
    'letters.editor.close': 'Close',
    'letters.network.title': 'Which network?',
    'letters.network.none':
      'There is no trained network yet. Train one first (one epoch is enough to start).',
    'letters.network.choose': 'Or use a saved network:',
    'letters.network.pick': 'choose…',
    'letters.network.use': 'Use it',
    'letters.check.title': 'How does the network do on your letters?',
    'letters.check.hint':
      'It reads every letter of the file, not just a test part, and compares with how it does on printed letters.',
    'letters.check.which': 'Letters to check',
    'letters.target.mine': 'My letters ({count})',
    'letters.target.class': 'Class letters ({count})',
    'letters.target.open': 'Every letter of the file open in the Letters tab',
    'letters.target.short.mine': 'your letters',
    'letters.target.short.class': 'the class letters',
    'letters.target.short.open': 'the open letters',
    'letters.check.run': 'Check the network',
    'letters.check.running': 'The network is reading the letters…',
    'letters.check.yours.mine': 'yours',
    'letters.check.yours.class': 'the class’s handwriting',
    'letters.check.yours.open': 'these letters',
    'letters.check.headline': '{fonts} right on printed letters, {mine} on {which}.',
    'letters.check.headlineAlone': '{mine} right on {which}.',
    'letters.check.detail': '“{name}” read {correct} of {count} right ({label}).',
    'letters.check.heldBack':
      'On the letters held back for the test: {percent} ({correct} of {count}).',
    'letters.check.testPart': 'On the test part of the file: {percent} ({correct} of {count}).',
    'letters.check.others':
      'On the others’ handwriting (the class letters that are not in your collection): {percent} ({correct} of {count}).',
    'letters.check.campersCaption': 'Each camper’s letters',
    'letters.check.camper': 'Camper',
    'letters.check.right': 'Read right',
    'letters.check.fontsNote':
      'Printed letters: the test part of {label}, which the network never learned from.',
    'letters.check.taught':
      'This network was taught with {file}: it has seen most of those letters, so only the held-back ones are a fair test.',
    'letters.check.cellTitle': 'Really {truth}, read as {predicted} ({total})',
    'letters.check.mistakes': 'The network’s surest mistakes ({total} in all)',
    'letters.check.noMistakes': 'Not a single mistake!',
    'letters.teach.title': 'Teach it your handwriting',
    'letters.teach.hint':
      'A new training run starts from the network in use and learns from your letters. One letter in five stays held back and is never learned from, so the check before and after is fair. It is saved in the lab notebook like every run.',
    'letters.teach.which': 'Learn from',
    'letters.teach.how': 'How',
    'letters.teach.mode.mixed':
      'Printed letters with my letters mixed into every batch (keeps what it knows)',
    'letters.teach.mode.only': 'Only my letters (watch what happens to the printed letters!)',
    'letters.teach.share': 'Share of every batch that are my letters:',
    'letters.teach.shareOption': '{percent} of the batch',
    'letters.teach.epochs': 'Epochs:',
    'letters.teach.mixedNote':
      'One epoch goes through all the printed training letters once; your letters come back again and again.',
    'letters.teach.onlyNote': 'Your letters are few, so one epoch is quick: give it more epochs.',
    'letters.teach.start': 'Start teaching',
    'letters.teach.stop': 'Stop',
    'letters.teach.busy': 'A network is training now: wait until it finishes.',
    'letters.teach.measuring': 'Reading your held-back letters and the printed letters first…',
    'letters.teach.progress': 'Teaching: epoch {epoch} of {epochs}, {percent} done.',
    'letters.teach.status.finished':
      'Done! “{name}” is saved in the lab notebook and is now the network in use.',
    'letters.teach.status.stopped': 'Stopped. “{name}” keeps what it learned so far.',
    'letters.teach.status.failed': 'Teaching did not work: {message}',
    'letters.teach.where': 'See it in:',
    'letters.result.caption': 'Accuracy before and after teaching',
    'letters.result.what': 'Letters',
    'letters.result.before': 'Before',
    'letters.result.after': 'After',
    'letters.result.heldBack': 'Held back from {file} ({count})',
    'letters.result.fonts': 'Printed letters, test part of {label}',
    'letters.result.learned': 'It learned from {train} letters of {file}, starting from “{from}”.',
    'letters.result.mixed':
      'They made up {percent} of every batch, mixed with {fonts} printed letters.',
    'letters.verdict.better':
      'It reads your handwriting better now (+{gain} points), and still reads printed letters.',
    'letters.verdict.betterAlone': 'It reads your handwriting better now (+{gain} points).',
    'letters.verdict.forgot':
      'It reads your handwriting better (+{gain} points) but forgot some printed letters (−{drop} points). Try mixing your letters into the printed ones.',
    'letters.verdict.same':
      'It reads your held-back letters about as well as before. Keep more letters, or teach it for more epochs.',
    'letters.verdict.worse':
      'It does worse on your held-back letters than before (−{gain} points). Check that your letters are kept as the right letters.',
    'letters.class.title': 'A class collection',
    'letters.class.exportTitle': 'Take your letters along',
    'letters.class.exportHint':
      'Save your letters as a file (for a USB stick). Write your name so the teacher can count your letters.',
    'letters.class.name': 'Your name:',
    'letters.class.exportMine': 'Save my letters to a file',
    'letters.class.openMine': 'Open my letters in the Letters tab',
    'letters.class.teacherTitle': 'For the teacher: one file for the whole class',
    'letters.class.teacherHint':
      'Add the campers’ letters files. The same picture is never added twice. Then hand the class file back: everyone can check their network on the others’ handwriting.',
    'letters.class.add': 'Add campers’ files…',
    'letters.class.openClass': 'Open the class letters in the Letters tab',
    'letters.class.exportClass': 'Save the class file',
    'letters.class.reset': 'Start a new class file',
    'letters.class.resetAsk': 'Start over? The old class file is kept beside the new one.',
    'letters.class.resetYes': 'Yes, start a new one',
    'letters.class.resetNo': 'Cancel',
    'letters.class.working': 'Working on it…',
    'letters.class.exported': 'Saved to {path}.',
    'letters.class.exportedHere':
      'Saved to {path} (in Letter Lab’s data folder; copy it from there).',
    'letters.class.exportCancelled': 'Nothing was saved.',
    'letters.class.refused': '{name} was not added: {message}',
    'letters.class.mergedCaption': 'Files added',
    'letters.class.file': 'File',
    'letters.class.letters': 'Letters',
    'letters.class.added': 'Added',
    'letters.class.duplicates': 'Already there (refused)',
    'letters.class.summary': 'Letters in the class file: {count}. Campers: {campers}.',
    'letters.class.campersCaption': 'Letters per camper',
    'letters.class.camper': 'Camper',
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
    'nav.mine': 'Moje pismo',
    'letters.error.fontsNeeded':
      'W zakładce Litery jest otwarty plik {file} z rysowanymi literami, a nie litery drukowane. Otwórz tam najpierw plik nauczyciela albo przykładowe litery i spróbuj jeszcze raz.',
    'letters.check.cellEmpty': 'Żadna z tych liter nie trafiła do tej komórki.',
    'letters.run.mixed':
      'Uczona od „{from}” na {train} literach z: {file}, wymieszanych z literami drukowanymi ({percent} każdej paczki).',
    'letters.run.only': 'Uczona od „{from}” tylko na {train} literach z: {file}.',
    'letters.run.heldBack': 'Litery odłożone ({count}): {before} → {after}.',
    'letters.run.fonts': 'Litery drukowane: {before} → {after}.',
    'letters.run.note': 'Sprawdzian po każdej epoce tego treningu robi się na literach odłożonych.',
    'letters.train.note':
      'Ten trening uczy „{from}” na: {file}. Sprawdzian po każdej epoce robi się na odłożonych z nich literach, a nie na części testowej liter drukowanych.',
    'letters.name.mine': 'Moje litery',
    'letters.name.class': 'Litery klasy',
    'letters.check.stale':
      'Te wyniki dotyczą sieci „{name}”, a nie tej, której teraz używasz: sprawdź jeszcze raz.',
    'letters.title': 'Moje pismo',
    'letters.intro':
      'Sieć uczyła się na literach drukowanych różnymi czcionkami. Tutaj rysujesz własne litery, zachowujesz je, sprawdzasz, jak sieć radzi sobie z twoim pismem, i uczysz ją lepiej je rozpoznawać.',
    'letters.keep.title': 'Narysuj i zachowaj',
    'letters.keep.hint':
      'Narysuj literę myszką, palcem albo rysikiem, a potem naciśnij, jaka to litera (albo, gdy przycisk litery ma fokus, jej klawisz). Każda zachowana litera od razu trafia do twojego pliku z literami.',
    'letters.keep.seenTitle': 'Co zostanie zachowane',
    'letters.keep.asTitle': 'Zachowaj tę literę jako…',
    'letters.keep.group': 'Zachowaj rysunek jako literę',
    'letters.keep.as': 'Zachowaj jako {letter}',
    'letters.keep.kept': 'Zachowano jako {letter}. Liter w kolekcji: {count}.',
    'letters.keep.keptHeldBack': ' Ta trafia do odłożonych na uczciwy test.',
    'letters.keep.predictTitle': 'Zachowaj tę literę w swojej kolekcji (Moje pismo) jako…',
    'letters.keep.keptPredict':
      'Zachowano jako {letter}. Liter w kolekcji: {count} (zakładka Moje pismo). Rysuj następną!',
    'letters.guide.size': 'Ile liter każdego rodzaju:',
    'letters.guide.start': 'Prowadź mnie od A do J',
    'letters.guide.ask': 'Narysuj {letter} ({done} z {total})',
    'letters.guide.keep': 'Zachowaj jako {letter}',
    'letters.guide.skip': 'Pomiń tę literę',
    'letters.guide.stop': 'Zakończ prowadzenie',
    'letters.guide.close': 'Zamknij prowadzenie',
    'letters.guide.done':
      'Gotowe! Liter w kolekcji: {total}. Sprawdź teraz, jak sieć je odczytuje.',
    'letters.guide.other': 'Wyszła ci inna litera? Zachowaj ją jako właściwą przyciskami poniżej.',
    'letters.guide.gridLabel': 'Postęp: ile liter każdego rodzaju zachowano',
    'letters.guide.column': '{letter}: {done} z {total}',
    'letters.collection.title': 'Twoje litery ({count})',
    'letters.collection.loading': 'Wczytywanie twoich liter…',
    'letters.collection.empty':
      'Nie zachowano jeszcze żadnej litery. Narysuj jedną powyżej i naciśnij jej literę.',
    'letters.collection.hint':
      'To obrazki 28 × 28, które dostaje sieć. Wybierz jeden, żeby zmienić jego literę albo go usunąć. Litery odłożone na test (liczba: {heldBack}) nigdy nie służą do nauki, więc uczciwie pokazują, czy sieć się poprawiła.',
    'letters.collection.legend': 'odłożone na test',
    'letters.collection.row': 'Litera {letter}: zachowano {count}',
    'letters.collection.thumb': 'Litera nr {number}, zachowana jako {letter}',
    'letters.collection.thumbHeld': 'Litera nr {number}, zachowana jako {letter}, odłożona na test',
    'letters.editor.title': 'Litera nr {number}, zachowana jako {letter}',
    'letters.editor.heldBack': 'Odłożona na test: nauka nigdy się na niej nie uczy.',
    'letters.editor.training': 'Na tej literze sieć może się uczyć.',
    'letters.editor.label': 'Naprawdę to:',
    'letters.editor.relabel': 'Zmień literę',
    'letters.editor.delete': 'Usuń',
    'letters.editor.close': 'Zamknij',
    'letters.network.title': 'Która sieć?',
    'letters.network.none':
      'Nie ma jeszcze wyuczonej sieci. Najpierw ją wytrenuj (na początek wystarczy jedna epoka).',
    'letters.network.choose': 'Albo użyj zapisanej sieci:',
    'letters.network.pick': 'wybierz…',
    'letters.network.use': 'Użyj jej',
    'letters.check.title': 'Jak sieć radzi sobie z twoimi literami?',
    'letters.check.hint':
      'Sieć czyta każdą literę z pliku, a nie tylko część testową, i porównujemy to z wynikiem na literach drukowanych.',
    'letters.check.which': 'Które litery sprawdzić',
    'letters.target.mine': 'Moje litery ({count})',
    'letters.target.class': 'Litery klasy ({count})',
    'letters.target.open': 'Wszystkie litery z pliku otwartego w zakładce Litery',
    'letters.target.short.mine': 'twoje litery',
    'letters.target.short.class': 'litery klasy',
    'letters.target.short.open': 'otwarte litery',
    'letters.check.run': 'Sprawdź sieć',
    'letters.check.running': 'Sieć czyta litery…',
    'letters.check.yours.mine': 'twoich',
    'letters.check.yours.class': 'piśmie klasy',
    'letters.check.yours.open': 'tych literach',
    'letters.check.headline': '{fonts} dobrze na literach drukowanych, {mine} na {which}.',
    'letters.check.headlineAlone': '{mine} dobrze na {which}.',
    'letters.check.detail': '„{name}”: dobrze {correct} z {count} ({label}).',
    'letters.check.heldBack': 'Na literach odłożonych na test: {percent} ({correct} z {count}).',
    'letters.check.testPart': 'Na części testowej pliku: {percent} ({correct} z {count}).',
    'letters.check.others':
      'Na piśmie pozostałych (litery klasy, których nie ma w twojej kolekcji): {percent} ({correct} z {count}).',
    'letters.check.campersCaption': 'Litery każdego uczestnika',
    'letters.check.camper': 'Uczestnik',
    'letters.check.right': 'Odczytane dobrze',
    'letters.check.fontsNote':
      'Litery drukowane: część testowa {label}, na której sieć nigdy się nie uczyła.',
    'letters.check.taught':
      'Tę sieć uczono na {file}: większość tych liter już widziała, więc uczciwym testem są tylko litery odłożone.',
    'letters.check.cellTitle': 'Naprawdę {truth}, odczytana jako {predicted} ({total})',
    'letters.check.mistakes': 'Najpewniejsze pomyłki sieci (wszystkich: {total})',
    'letters.check.noMistakes': 'Ani jednej pomyłki!',
    'letters.teach.title': 'Naucz ją swojego pisma',
    'letters.teach.hint':
      'Nowy trening zaczyna od sieci, której teraz używasz, i uczy się na twoich literach. Co piąta litera zostaje odłożona i nigdy nie służy do nauki, więc porównanie przed i po jest uczciwe. Trening zapisuje się w dzienniku jak każdy inny.',
    'letters.teach.which': 'Ucz na',
    'letters.teach.how': 'Jak',
    'letters.teach.mode.mixed':
      'Litery drukowane, a w każdej paczce także moje (sieć nie zapomina tego, co umie)',
    'letters.teach.mode.only': 'Tylko moje litery (zobacz, co stanie się z literami drukowanymi!)',
    'letters.teach.share': 'Jaką część każdej paczki stanowią moje litery:',
    'letters.teach.shareOption': '{percent} paczki',
    'letters.teach.epochs': 'Epoki:',
    'letters.teach.mixedNote':
      'Jedna epoka to jedno przejście przez wszystkie drukowane litery treningowe; twoje litery wracają raz po raz.',
    'letters.teach.onlyNote':
      'Twoich liter jest niewiele, więc epoka trwa chwilę: daj więcej epok.',
    'letters.teach.start': 'Zacznij uczyć',
    'letters.teach.stop': 'Zatrzymaj',
    'letters.teach.busy': 'Jakaś sieć właśnie się uczy: poczekaj, aż skończy.',
    'letters.teach.measuring': 'Najpierw sieć czyta twoje odłożone litery i litery drukowane…',
    'letters.teach.progress': 'Nauka: epoka {epoch} z {epochs}, zrobione {percent}.',
    'letters.teach.status.finished':
      'Gotowe! „{name}” jest zapisana w dzienniku i to jej teraz używasz.',
    'letters.teach.status.stopped': 'Zatrzymano. „{name}” zachowuje to, czego zdążyła się nauczyć.',
    'letters.teach.status.failed': 'Nauka się nie udała: {message}',
    'letters.teach.where': 'Zobacz w:',
    'letters.result.caption': 'Trafność przed nauką i po niej',
    'letters.result.what': 'Litery',
    'letters.result.before': 'Przed',
    'letters.result.after': 'Po',
    'letters.result.heldBack': 'Odłożone z: {file} ({count})',
    'letters.result.fonts': 'Litery drukowane, część testowa {label}',
    'letters.result.learned': 'Uczyła się na {train} literach z: {file}, zaczynając od „{from}”.',
    'letters.result.mixed':
      'Stanowiły {percent} każdej paczki, razem z {fonts} literami drukowanymi.',
    'letters.verdict.better':
      'Teraz lepiej czyta twoje pismo (+{gain} pkt) i nadal radzi sobie z literami drukowanymi.',
    'letters.verdict.betterAlone': 'Teraz lepiej czyta twoje pismo (+{gain} pkt).',
    'letters.verdict.forgot':
      'Lepiej czyta twoje pismo (+{gain} pkt), ale zapomniała część liter drukowanych (−{drop} pkt). Spróbuj wymieszać swoje litery z drukowanymi.',
    'letters.verdict.same':
      'Twoje odłożone litery czyta mniej więcej tak jak przedtem. Zachowaj więcej liter albo ucz ją przez więcej epok.',
    'letters.verdict.worse':
      'Na odłożonych literach radzi sobie gorzej niż przedtem (−{gain} pkt). Sprawdź, czy litery są zachowane jako właściwe.',
    'letters.class.title': 'Kolekcja całej klasy',
    'letters.class.exportTitle': 'Zabierz swoje litery',
    'letters.class.exportHint':
      'Zapisz swoje litery w pliku (na pendrive). Wpisz imię, żeby nauczyciel mógł policzyć twoje litery.',
    'letters.class.name': 'Twoje imię:',
    'letters.class.exportMine': 'Zapisz moje litery w pliku',
    'letters.class.openMine': 'Otwórz moje litery w zakładce Litery',
    'letters.class.teacherTitle': 'Dla nauczyciela: jeden plik dla całej klasy',
    'letters.class.teacherHint':
      'Dodaj pliki z literami uczestników. Ten sam obrazek nigdy nie trafi do pliku dwa razy. Potem oddaj plik klasy: każdy sprawdzi swoją sieć na piśmie pozostałych.',
    'letters.class.add': 'Dodaj pliki uczestników…',
    'letters.class.openClass': 'Otwórz litery klasy w zakładce Litery',
    'letters.class.exportClass': 'Zapisz plik klasy',
    'letters.class.reset': 'Zacznij nowy plik klasy',
    'letters.class.resetAsk': 'Zacząć od nowa? Stary plik klasy zostanie obok nowego.',
    'letters.class.resetYes': 'Tak, zacznij nowy',
    'letters.class.resetNo': 'Anuluj',
    'letters.class.working': 'Pracuję nad tym…',
    'letters.class.exported': 'Zapisano w {path}.',
    'letters.class.exportedHere':
      'Zapisano w {path} (w folderze danych Letter Lab; skopiuj go stamtąd).',
    'letters.class.exportCancelled': 'Nic nie zapisano.',
    'letters.class.refused': 'Nie dodano {name}: {message}',
    'letters.class.mergedCaption': 'Dodane pliki',
    'letters.class.file': 'Plik',
    'letters.class.letters': 'Litery',
    'letters.class.added': 'Dodane',
    'letters.class.duplicates': 'Już były (odrzucone)',
    'letters.class.summary': 'Liter w pliku klasy: {count}. Uczestników: {campers}.',
    'letters.class.campersCaption': 'Litery każdego uczestnika',
    'letters.class.camper': 'Uczestnik',
  },
);
