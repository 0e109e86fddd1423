import { defineMessages } from '../define';

// What each host error code means, in plain words, and what to do: keys are 'error.<code>' for the
// codes of src-main/contract/errors.ts. English shows the host's own specific message instead; Polish
// shows this text followed by that message (src-renderer/lib/api/errors.ts). Codes that only the
// command line or the build scripts use have no entry (see the skip list in
// test/renderer/lib/api/errors.test.ts).
export const errors = defineMessages(
  {
    'error.withDetail': '{explanation} Details: {detail}',
    'error.server.unreachable':
      'Letter Lab’s server is not answering. Is `npm run web` still running? Start it again and reload this page.',
    // --- api ---
    'error.api.bad-request':
      'Letter Lab got a request it cannot do right now. Check what you picked or typed and try again.',
    'error.api.unknown-channel':
      'This part of Letter Lab is missing from the running app. Restart Letter Lab; if it happens again, tell your teacher.',
    'error.api.forbidden':
      'This page is not allowed to talk to Letter Lab. Open the address that `npm run web` printed (with its token).',
    'error.api.internal':
      'Something went wrong inside Letter Lab. Try again; if it happens again, tell your teacher.',
    // --- files ---
    'error.file.not-found': 'Letter Lab cannot find that file. Check its name or pick it again.',
    'error.file.unreadable':
      'Letter Lab cannot read that file: it may be empty, a folder, or locked. Pick the file again.',
    'error.file.too-large':
      'That file is too big for Letter Lab. Use a smaller letters file, such as notMNIST_small.mat.',
    // --- mat ---
    'error.mat.not-mat':
      'This file is not a MATLAB .mat file, so Letter Lab cannot read letters from it. Pick a .mat (or .mat.gz) file.',
    'error.mat.v73-hdf5':
      "This .mat file was saved in MATLAB’s newer v7.3 format, which Letter Lab cannot read. Ask your teacher to save it again with `save -v7` (or scipy `savemat(..., format='5')`).",
    'error.mat.v4':
      'This .mat file was saved in a very old MATLAB format (version 4). Ask your teacher to save it again with `save -v7`.',
    'error.mat.truncated':
      'This file is cut short: part of it is missing, probably because a download or copy did not finish. Download or copy it again.',
    'error.mat.element-too-large':
      'This file is damaged: a piece of it says it is bigger than the whole file. Download or copy it again.',
    'error.mat.corrupt':
      'This file is damaged, so Letter Lab cannot read it. Download or copy it again.',
    'error.mat.unsupported':
      'This .mat file uses a format version Letter Lab does not know. Ask your teacher to save it again with `save -v7`.',
    // --- dataset ---
    'error.dataset.images-missing':
      'This .mat file has no pictures called "images", so Letter Lab does not know which letters to learn from. It needs the variables "images" and "labels", like notMNIST_small.mat.',
    'error.dataset.labels-missing':
      'This .mat file has no "labels" (the answers: which letter each picture shows). It needs the variables "images" and "labels", like notMNIST_small.mat.',
    'error.dataset.count-mismatch':
      'The number of pictures and the number of labels in this file do not match: every picture needs exactly one label.',
    'error.dataset.bad-labels':
      'Some labels in this file are not letter numbers (0 for A, 1 for B, …). The file needs to be fixed and saved again.',
    'error.dataset.bad-image-dims':
      'The pictures in this file do not have the shape Letter Lab expects (height × width × number of pictures). The file needs to be fixed and saved again.',
    'error.dataset.bad-images':
      'The pictures in this file are not stored as plain numbers, so Letter Lab cannot read them. The file needs to be saved again as a number array.',
    'error.dataset.bad-pixels':
      'Some pixels in this file are not grey levels from 0 (black) to 255 (white). The file needs to be fixed and saved again.',
    'error.dataset.bad-split':
      'The letters cannot be split into training and test letters this way. Pick another seed or test part.',
    // --- spec ---
    'error.spec.not-json':
      'This is not a network file saved by Letter Lab (it is not readable JSON). Pick a .json network file.',
    'error.spec.invalid':
      'This network has a mistake in its blocks or settings, so Letter Lab cannot use it as it is. Fix it in the Build tab, or pick another network file.',
    'error.spec.unsupported-version':
      'This network file was saved by a different (probably newer) Letter Lab. Update Letter Lab to open it.',
    // --- training ---
    'error.training.busy':
      'A network is training right now. Stop it (the Train tab) or wait until it finishes, then try again.',
    'error.training.no-dataset':
      'No letters are open yet. Open the sample letters or a file in the Letters tab first.',
    'error.training.crashed':
      'The training stopped unexpectedly. Try training again; if it happens again, tell your teacher.',
    'error.training.backend-unavailable':
      'The part of Letter Lab that does the maths for training is missing or cannot start. Reinstall Letter Lab or ask your teacher.',
    'error.training.bad-options':
      'These training settings cannot be used (for example, a batch size or number of epochs that is not a whole number). Change them and try again.',
    'error.training.other-letters':
      'This run learned from other letters than the ones open now. A run only ever learns from its own letters: open them again, or start a new run.',
    // --- models ---
    'error.model.not-found':
      'There is no such network: it has not been trained yet, or the saved network was removed. Train one in the Train tab or load another.',
    'error.model.corrupt':
      'This saved network is damaged and cannot be loaded. Delete it and train the network again.',
    'error.model.invalid-spec':
      'Letter Lab cannot build this network from its blocks. Fix it in the Build tab and try again.',
    'error.model.exists': 'A saved network with this name already exists. Choose another name.',
    'error.model.bad-name':
      'This name cannot be used for a saved network: it is empty or too long. Choose another name.',
    // --- export ---
    'error.export.folder-not-empty':
      'The folder for the export already has other files in it. Choose an empty folder or a new one.',
    'error.export.not-a-folder':
      'The place chosen for the export is a file, not a folder. Choose a folder.',
    'error.export.write-failed':
      'Letter Lab cannot write the export into that folder. Choose a folder you are allowed to write to.',
    'error.export.weights-mismatch':
      'The learned numbers (weights) of this network do not fit its blocks, so they cannot be exported. Train the network again, then export.',
    'error.export.bad-array':
      'Letter Lab could not write one of the export’s number tables. Train the network again, then export.',
    'error.export.too-large': 'This export is too big for a zip file.',
    'error.export.unsupported-layer':
      'This network has a block that cannot be exported for Keras. Remove or change that block, then export again.',
    'error.export.invalid-spec':
      'This network has a mistake that stops the export. Fix it in the Build tab, then export again.',
    'error.export.not-notmnist':
      'The Python script learns from the notMNIST letters, 28x28 pixels with one channel and ten different letters (A–J), and this network takes other pictures. Give it that input to export it for Keras.',
    // --- settings ---
    'error.settings.corrupt':
      'The teacher settings file is damaged, so Letter Lab uses its normal settings. Saving the settings again fixes the file.',
    'error.settings.wrong-pin':
      'That did not match the teacher PIN, so nothing was changed. Ask your teacher.',
    'error.settings.bad-pin': 'A PIN is 4 to 12 digits (0 to 9). Type another one.',
    // --- predict ---
    'error.predict.blank':
      'The picture is empty: there is no letter to look at. Draw a letter first.',
    'error.predict.too-small':
      'The letter is too small for the network to see well. Draw it bigger, so it fills most of the box.',
    'error.predict.bad-input':
      'The network cannot look at this picture: it does not fit the letters the network learned from. Pick other letters or train a new network.',
    // --- evaluation ---
    'error.evaluation.mismatch':
      'This network was trained for different letters (another picture size or number of letters), so it cannot be checked on the open ones. Open the letters it was trained on.',
    'error.evaluation.no-test-letters':
      'There are no test letters to check the network with. Split the letters again with a test part above 0% (the Letters tab).',
    'error.evaluation.none':
      'There is no result to show yet. Press “Evaluate on the test letters” first.',
    'error.evaluation.model-changed':
      'The network changed while it was being checked. Evaluate it again.',
    // --- runs ---
    'error.runs.not-found':
      'This training run is not in the lab notebook any more: it may have been deleted.',
    'error.runs.corrupt':
      'The record of this training run is damaged and cannot be used. You can delete it.',
    'error.runs.busy':
      'This run is training right now. Stop it first (the Train tab), then try again.',
    // --- lessons ---
    'error.lessons.unknown-step': 'There is no such lesson step. Pick a step from the list.',
    'error.lessons.closed':
      'This step is not open: your teacher turned it off or has not opened it yet. Pick another step.',
    'error.lessons.locked':
      'Your teacher wants you to build this network yourself: build it in the Build tab, then train it in the lesson.',
    'error.lessons.not-the-network':
      'The network in the Build tab is not this step’s network yet. Check it in the lesson and use the hints.',
    'error.lessons.nothing-done':
      'No lesson step is done on these letters yet. Train a step first, then make the report.',
  },
  {
    'error.withDetail': '{explanation} Szczegóły (po angielsku): {detail}',
    'error.server.unreachable':
      'Serwer Letter Lab nie odpowiada. Czy `npm run web` nadal działa? Uruchom go ponownie i odśwież tę stronę.',
    // --- api ---
    'error.api.bad-request':
      'Letter Lab dostał prośbę, której nie może teraz wykonać. Sprawdź, co wybrano lub wpisano, i spróbuj jeszcze raz.',
    'error.api.unknown-channel':
      'W uruchomionej aplikacji brakuje tej części Letter Lab. Uruchom Letter Lab ponownie; jeśli to się powtórzy, powiedz nauczycielowi.',
    'error.api.forbidden':
      'Ta strona nie ma pozwolenia na rozmowę z Letter Lab. Otwórz adres, który wypisało `npm run web` (razem z tokenem).',
    'error.api.internal':
      'Coś poszło nie tak wewnątrz Letter Lab. Spróbuj jeszcze raz; jeśli to się powtórzy, powiedz nauczycielowi.',
    // --- files ---
    'error.file.not-found':
      'Letter Lab nie może znaleźć tego pliku. Sprawdź jego nazwę albo wybierz go jeszcze raz.',
    'error.file.unreadable':
      'Letter Lab nie może odczytać tego pliku: może jest pusty, jest folderem albo jest zablokowany. Wybierz plik jeszcze raz.',
    'error.file.too-large':
      'Ten plik jest za duży dla Letter Lab. Użyj mniejszego pliku z literami, na przykład notMNIST_small.mat.',
    // --- mat ---
    'error.mat.not-mat':
      'To nie jest plik .mat z MATLAB-a, więc Letter Lab nie odczyta z niego liter. Wybierz plik .mat (albo .mat.gz).',
    'error.mat.v73-hdf5':
      "Ten plik .mat zapisano w nowszym formacie MATLAB-a v7.3, którego Letter Lab nie umie czytać. Poproś nauczyciela, żeby zapisał go ponownie poleceniem `save -v7` (albo w scipy `savemat(..., format='5')`).",
    'error.mat.v4':
      'Ten plik .mat zapisano w bardzo starym formacie MATLAB-a (wersja 4). Poproś nauczyciela, żeby zapisał go ponownie poleceniem `save -v7`.',
    'error.mat.truncated':
      'Ten plik jest ucięty: brakuje jego części, pewnie pobieranie albo kopiowanie się nie skończyło. Pobierz lub skopiuj go jeszcze raz.',
    'error.mat.element-too-large':
      'Ten plik jest uszkodzony: jeden jego kawałek twierdzi, że jest większy niż cały plik. Pobierz lub skopiuj go jeszcze raz.',
    'error.mat.corrupt':
      'Ten plik jest uszkodzony, więc Letter Lab nie może go odczytać. Pobierz lub skopiuj go jeszcze raz.',
    'error.mat.unsupported':
      'Ten plik .mat ma wersję formatu, której Letter Lab nie zna. Poproś nauczyciela, żeby zapisał go ponownie poleceniem `save -v7`.',
    // --- dataset ---
    'error.dataset.images-missing':
      'W tym pliku .mat nie ma obrazków o nazwie „images”, więc Letter Lab nie wie, z których liter ma się uczyć. Potrzebne są zmienne „images” i „labels”, tak jak w notMNIST_small.mat.',
    'error.dataset.labels-missing':
      'W tym pliku .mat nie ma etykiet „labels” (odpowiedzi: jaką literę pokazuje każdy obrazek). Potrzebne są zmienne „images” i „labels”, tak jak w notMNIST_small.mat.',
    'error.dataset.count-mismatch':
      'Liczba obrazków i liczba etykiet w tym pliku się nie zgadzają: każdy obrazek potrzebuje dokładnie jednej etykiety.',
    'error.dataset.bad-labels':
      'Niektóre etykiety w tym pliku nie są numerami liter (0 to A, 1 to B, …). Plik trzeba poprawić i zapisać ponownie.',
    'error.dataset.bad-image-dims':
      'Obrazki w tym pliku nie mają kształtu, którego oczekuje Letter Lab (wysokość × szerokość × liczba obrazków). Plik trzeba poprawić i zapisać ponownie.',
    'error.dataset.bad-images':
      'Obrazki w tym pliku nie są zapisane jako zwykłe liczby, więc Letter Lab nie może ich odczytać. Plik trzeba zapisać ponownie jako tablicę liczb.',
    'error.dataset.bad-pixels':
      'Niektóre piksele w tym pliku nie są odcieniami szarości od 0 (czarny) do 255 (biały). Plik trzeba poprawić i zapisać ponownie.',
    'error.dataset.bad-split':
      'Nie da się tak podzielić liter na treningowe i testowe. Wybierz inne ziarno albo inną część testową.',
    // --- spec ---
    'error.spec.not-json':
      'To nie jest plik sieci zapisany przez Letter Lab (to nie jest poprawny JSON). Wybierz plik sieci .json.',
    'error.spec.invalid':
      'Ta sieć ma błąd w blokach albo ustawieniach, więc Letter Lab nie może jej użyć w tej postaci. Popraw ją w zakładce Budowanie albo wybierz inny plik sieci.',
    'error.spec.unsupported-version':
      'Ten plik sieci zapisała inna (pewnie nowsza) wersja Letter Lab. Zaktualizuj Letter Lab, żeby go otworzyć.',
    // --- training ---
    'error.training.busy':
      'Właśnie trenuje się sieć. Zatrzymaj ją (zakładka Trening) albo poczekaj, aż skończy, i spróbuj jeszcze raz.',
    'error.training.no-dataset':
      'Nie otwarto jeszcze żadnych liter. Najpierw otwórz przykładowe litery albo plik w zakładce Litery.',
    'error.training.crashed':
      'Trening niespodziewanie się przerwał. Spróbuj trenować jeszcze raz; jeśli to się powtórzy, powiedz nauczycielowi.',
    'error.training.backend-unavailable':
      'Brakuje części Letter Lab, która liczy podczas treningu, albo nie może się ona uruchomić. Zainstaluj Letter Lab ponownie albo zapytaj nauczyciela.',
    'error.training.bad-options':
      'Tych ustawień treningu nie można użyć (na przykład wielkość paczki albo liczba epok nie jest liczbą całkowitą). Zmień je i spróbuj jeszcze raz.',
    'error.training.other-letters':
      'Ten trening uczył się na innych literach niż te, które są teraz otwarte. Trening uczy się zawsze tylko na swoich literach: otwórz je z powrotem albo zacznij nowy trening.',
    // --- models ---
    'error.model.not-found':
      'Nie ma takiej sieci: jeszcze jej nie wytrenowano albo zapisaną sieć usunięto. Wytrenuj sieć w zakładce Trening albo wczytaj inną.',
    'error.model.corrupt':
      'Ta zapisana sieć jest uszkodzona i nie da się jej wczytać. Usuń ją i wytrenuj sieć jeszcze raz.',
    'error.model.invalid-spec':
      'Letter Lab nie może zbudować tej sieci z jej bloków. Popraw ją w zakładce Budowanie i spróbuj jeszcze raz.',
    'error.model.exists': 'Zapisana sieć o tej nazwie już istnieje. Wybierz inną nazwę.',
    'error.model.bad-name':
      'Tej nazwy nie można użyć dla zapisanej sieci: jest pusta albo za długa. Wybierz inną nazwę.',
    // --- export ---
    'error.export.folder-not-empty':
      'W folderze na eksport są już inne pliki. Wybierz pusty folder albo nowy.',
    'error.export.not-a-folder':
      'Miejsce wybrane na eksport to plik, a nie folder. Wybierz folder.',
    'error.export.write-failed':
      'Letter Lab nie może zapisać eksportu w tym folderze. Wybierz folder, w którym wolno ci zapisywać.',
    'error.export.weights-mismatch':
      'Wyuczone liczby (wagi) tej sieci nie pasują do jej bloków, więc nie da się ich wyeksportować. Wytrenuj sieć jeszcze raz i wtedy eksportuj.',
    'error.export.bad-array':
      'Letter Lab nie zdołał zapisać jednej z tablic liczb do eksportu. Wytrenuj sieć jeszcze raz i wtedy eksportuj.',
    'error.export.too-large': 'Ten eksport jest za duży na plik zip.',
    'error.export.unsupported-layer':
      'Ta sieć ma blok, którego nie da się wyeksportować do Kerasa. Usuń albo zmień ten blok i eksportuj jeszcze raz.',
    'error.export.invalid-spec':
      'Ta sieć ma błąd, który blokuje eksport. Popraw ją w zakładce Budowanie i eksportuj jeszcze raz.',
    'error.export.not-notmnist':
      'Skrypt w Pythonie uczy się na literach notMNIST, 28x28 pikseli z jednym kanałem i dziesięć różnych liter (A–J), a ta sieć przyjmuje inne obrazki. Ustaw jej takie wejście, żeby wyeksportować ją dla Kerasa.',
    // --- settings ---
    'error.settings.corrupt':
      'Plik ustawień nauczyciela jest uszkodzony, więc Letter Lab używa zwykłych ustawień. Ponowne zapisanie ustawień naprawi plik.',
    'error.settings.wrong-pin':
      'To nie jest PIN nauczyciela, więc nic nie zmieniono. Zapytaj nauczyciela.',
    'error.settings.bad-pin': 'PIN to od 4 do 12 cyfr (od 0 do 9). Wpisz inny.',
    // --- predict ---
    'error.predict.blank': 'Obrazek jest pusty: nie ma na nim litery. Najpierw narysuj literę.',
    'error.predict.too-small':
      'Litera jest za mała, żeby sieć dobrze ją widziała. Narysuj ją większą, tak żeby zajęła większość pola.',
    'error.predict.bad-input':
      'Sieć nie może obejrzeć tego obrazka: nie pasuje on do liter, z których się uczyła. Wybierz inne litery albo wytrenuj nową sieć.',
    // --- evaluation ---
    'error.evaluation.mismatch':
      'Tę sieć wytrenowano na innych literach (inny rozmiar obrazków albo inna liczba liter), więc nie da się jej sprawdzić na otwartych. Otwórz litery, na których ją trenowano.',
    'error.evaluation.no-test-letters':
      'Nie ma liter testowych, na których można sprawdzić sieć. Podziel litery jeszcze raz z częścią testową większą niż 0% (zakładka Litery).',
    'error.evaluation.none':
      'Nie ma jeszcze wyniku do pokazania. Najpierw naciśnij „Sprawdź na literach testowych”.',
    'error.evaluation.model-changed':
      'Sieć zmieniła się w trakcie sprawdzania. Sprawdź ją jeszcze raz.',
    // --- runs ---
    'error.runs.not-found': 'Tego treningu nie ma już w dzienniku: może został usunięty.',
    'error.runs.corrupt':
      'Zapis tego treningu jest uszkodzony i nie da się go użyć. Możesz go usunąć.',
    'error.runs.busy':
      'Ten trening właśnie trwa. Najpierw go zatrzymaj (zakładka Trening), potem spróbuj jeszcze raz.',
    // --- lessons ---
    'error.lessons.unknown-step': 'Nie ma takiego kroku lekcji. Wybierz krok z listy.',
    'error.lessons.closed':
      'Ten krok nie jest otwarty: nauczyciel go wyłączył albo jeszcze go nie otworzył. Wybierz inny krok.',
    'error.lessons.locked':
      'Nauczyciel chce, żeby tę sieć zbudować samodzielnie: zbuduj ją w zakładce Budowanie, a potem wytrenuj w lekcji.',
    'error.lessons.not-the-network':
      'Sieć w zakładce Budowanie nie jest jeszcze siecią tego kroku. Sprawdź ją w lekcji i skorzystaj z podpowiedzi.',
    'error.lessons.nothing-done':
      'Na tych literach nie ukończono jeszcze żadnego kroku lekcji. Najpierw wytrenuj jakiś krok, potem zrób raport.',
  },
);
