import { defineMessages } from '../define';

// Strings of the predict feature: keys start with 'predict.'.
export const predict = defineMessages(
  {
    'predict.title': 'What does the network read?',

    'predict.model.run': 'Network: “{name}” from the current training (epochs trained: {epochs}).',
    'predict.model.saved': 'Network: the saved model “{name}” (epochs trained: {epochs}).',
    'predict.model.accuracy': 'It got {accuracy} of the test letters right.',
    'predict.model.none':
      'There is no trained network yet. Train one in the Train tab (one epoch is enough to start), then come back.',
    'predict.model.goTrain': 'Go to Train',
    'predict.model.loading': 'Asking which network to use…',

    'predict.draw.title': 'Draw a letter',
    'predict.draw.hint':
      'Draw one of the letters A to J with the mouse, a finger or a pen. The bars change while you draw.',
    'predict.draw.canvasLabel':
      'Drawing area: draw a letter here with the mouse, a finger or a pen.',
    'predict.draw.undo': 'Undo stroke',
    'predict.draw.clear': 'Clear',
    'predict.draw.brush': 'Brush',
    'predict.draw.brushValue': '{size} pixels',
    'predict.draw.seenTitle': 'What the network gets',
    'predict.draw.seenLabel':
      'Your drawing as the network gets it: {size} pixels, dark ink on white, like every letter in Letter Lab.',
    'predict.draw.seenNote':
      'Shown like the training letters: dark ink on white, made to fill the square, 28 × 28 pixels. For the network, ink is a big number (up to 255) and white paper is 0.',
    'predict.draw.answerTitle': 'The network’s answer',
    'predict.draw.noModel': 'Train a network first, then it will read your drawing.',
    'predict.draw.blank': 'Draw something first.',
    'predict.draw.tooSmall':
      'That is only a dot ({size} pixels). Draw the letter bigger: at least {minimum} pixels.',
    'predict.draw.latency': 'Answered {ms} ms after you lifted the pen.',
    'predict.draw.honest':
      'The network learned from letters printed in fonts, not handwriting, so it may be unsure about yours.',

    'predict.key.truth': 'the true letter',
    'predict.key.wrong': 'a wrong answer',
    'predict.key.guess': 'outlined: the network’s answer',

    'predict.summary.true': 'True: {letter}.',
    'predict.summary.network': 'Network: {guesses}.',

    'predict.samples.title': 'Test letters',
    'predict.samples.reshuffle': 'Other letters',
    'predict.samples.hint':
      'Random letters from the test part, which the network never learned from, with how sure it is about each letter.',
    'predict.samples.otherSplit':
      'This network was trained on other letters or another split, so some of these may be letters it learned from.',
    'predict.samples.oldSplit':
      'This network was trained before Letter Lab picked its test letters the way the notebook does, so most of these letters are ones it learned from.',
    'predict.samples.right': 'Right: {right} of {count}.',
    'predict.samples.imageLabel': 'Test letter {index}: {letter}',
    'predict.samples.look': 'Look inside',
    'predict.samples.lookLabel': 'Look inside the network for test letter {index}',
    'predict.samples.loading': 'Asking the network…',

    'predict.inside.title': 'What the network sees',
    'predict.inside.hint':
      'Every convolution layer slides its small filters over the picture; each filter makes a map that is bright where it found its pattern. Pooling layers shrink the maps.',
    'predict.inside.noConv':
      'This network has no convolution layers, so there are no maps to show. Train a convolutional network (for example the “Convolution” model from the notebook list) to look inside.',
    'predict.inside.source': 'Look inside for',
    'predict.inside.fromDrawing': 'my drawing',
    'predict.inside.fromLetter': 'test letter {index}',
    'predict.inside.pickLetter': 'a test letter (press “Look inside” on one)',
    'predict.inside.loading': 'Looking inside…',
    'predict.inside.inputLabel': 'The picture that goes into the network',
    'predict.inside.filtersTitle': 'Filters of the first convolution',
    'predict.inside.mapsTitle': 'Maps of every convolution and pooling layer',
    'predict.inside.mapsNote':
      'Each small square is one map, scaled on its own: its weakest value is black and its strongest white. An all-black map found nothing.',
    'predict.inside.layerShape': '{height} × {width}, {channels} maps',
    'predict.inside.firstMaps': 'the first {shown} shown',
    'predict.inside.flatMaps': 'all-black: {count}',
    'predict.inside.mapsLabel': 'Layer {name}: {count} maps of {height} × {width} pixels',
    'predict.inside.filtersShape': '{count} filters of {size}',
    'predict.inside.filtersLabel': '{count} filters of {size} weights in blue, white and red',
    'predict.inside.filtersNote':
      'Red weights add up bright pixels, blue ones subtract them, white ones ignore them. A filter with red on one side and blue on the other looks for an edge.',
  },
  {
    'predict.title': 'Co odczytuje sieć?',

    'predict.model.run': 'Sieć: „{name}” z bieżącego treningu (wytrenowane epoki: {epochs}).',
    'predict.model.saved': 'Sieć: zapisany model „{name}” (wytrenowane epoki: {epochs}).',
    'predict.model.accuracy': 'Poprawnie rozpoznała {accuracy} liter testowych.',
    'predict.model.none':
      'Nie ma jeszcze wytrenowanej sieci. Wytrenuj ją w zakładce Trening (na początek wystarczy jedna epoka) i wróć tutaj.',
    'predict.model.goTrain': 'Przejdź do Treningu',
    'predict.model.loading': 'Sprawdzanie, której sieci użyć…',

    'predict.draw.title': 'Narysuj literę',
    'predict.draw.hint':
      'Narysuj jedną z liter od A do J myszą, palcem albo rysikiem. Słupki zmieniają się w trakcie rysowania.',
    'predict.draw.canvasLabel': 'Pole do rysowania: narysuj tu literę myszą, palcem albo rysikiem.',
    'predict.draw.undo': 'Cofnij kreskę',
    'predict.draw.clear': 'Wyczyść',
    'predict.draw.brush': 'Pędzel',
    'predict.draw.brushValue': '{size} pikseli',
    'predict.draw.seenTitle': 'Co dostaje sieć',
    'predict.draw.seenLabel':
      'Twój rysunek w postaci, jaką dostaje sieć: {size} pikseli, ciemny tusz na białym tle, jak każda litera w Letter Lab.',
    'predict.draw.seenNote':
      'Pokazany tak jak litery treningowe: ciemny tusz na białym tle, powiększony do całego kwadratu, 28 × 28 pikseli. Dla sieci tusz to duża liczba (do 255), a białe tło to 0.',
    'predict.draw.answerTitle': 'Odpowiedź sieci',
    'predict.draw.noModel': 'Najpierw wytrenuj sieć, a potem odczyta Twój rysunek.',
    'predict.draw.blank': 'Najpierw coś narysuj.',
    'predict.draw.tooSmall':
      'To tylko kropka ({size} pikseli). Narysuj literę większą: co najmniej {minimum} pikseli.',
    'predict.draw.latency': 'Odpowiedź {ms} ms po oderwaniu pióra.',
    'predict.draw.honest':
      'Sieć uczyła się na literach drukowanych różnymi czcionkami, a nie pisanych ręcznie, więc Twojej może nie być pewna.',

    'predict.key.truth': 'prawdziwa litera',
    'predict.key.wrong': 'błędna odpowiedź',
    'predict.key.guess': 'z obwódką: odpowiedź sieci',

    'predict.summary.true': 'Prawda: {letter}.',
    'predict.summary.network': 'Sieć: {guesses}.',

    'predict.samples.title': 'Litery testowe',
    'predict.samples.reshuffle': 'Inne litery',
    'predict.samples.hint':
      'Losowe litery z części testowej, na której sieć się nie uczyła, i to, jak bardzo jest pewna każdej litery.',
    'predict.samples.otherSplit':
      'Ta sieć uczyła się na innych literach albo przy innym podziale, więc część z nich mogła widzieć podczas nauki.',
    'predict.samples.oldSplit':
      'Ta sieć uczyła się, zanim Letter Lab zaczął wybierać litery testowe tak jak notatnik, więc większość tych liter widziała podczas nauki.',
    'predict.samples.right': 'Trafione: {right} z {count}.',
    'predict.samples.imageLabel': 'Litera testowa {index}: {letter}',
    'predict.samples.look': 'Zajrzyj do środka',
    'predict.samples.lookLabel': 'Zajrzyj do wnętrza sieci dla litery testowej {index}',
    'predict.samples.loading': 'Pytanie sieci…',

    'predict.inside.title': 'Co widzi sieć',
    'predict.inside.hint':
      'Każda warstwa konwolucyjna przesuwa swoje małe filtry po obrazku; każdy filtr tworzy mapę, która jest jasna tam, gdzie znalazł swój wzór. Warstwy poolingu zmniejszają mapy.',
    'predict.inside.noConv':
      'Ta sieć nie ma warstw konwolucyjnych, więc nie ma map do pokazania. Wytrenuj sieć konwolucyjną (na przykład gotowy model „Konwolucja”), żeby zajrzeć do środka.',
    'predict.inside.source': 'Zajrzyj do środka dla',
    'predict.inside.fromDrawing': 'mojego rysunku',
    'predict.inside.fromLetter': 'litery testowej {index}',
    'predict.inside.pickLetter': 'litery testowej (naciśnij przy niej „Zajrzyj do środka”)',
    'predict.inside.loading': 'Zaglądanie do środka…',
    'predict.inside.inputLabel': 'Obrazek, który trafia do sieci',
    'predict.inside.filtersTitle': 'Filtry pierwszej konwolucji',
    'predict.inside.mapsTitle': 'Mapy każdej warstwy konwolucyjnej i poolingu',
    'predict.inside.mapsNote':
      'Każdy mały kwadrat to jedna mapa, skalowana osobno: jej najsłabsza wartość jest czarna, a najsilniejsza biała. Całkiem czarna mapa niczego nie znalazła.',
    'predict.inside.layerShape': '{height} × {width}, liczba map: {channels}',
    'predict.inside.firstMaps': 'pokazane pierwsze: {shown}',
    'predict.inside.flatMaps': 'całkiem czarne: {count}',
    'predict.inside.mapsLabel':
      'Warstwa {name}: liczba map {count}, każda {height} × {width} pikseli',
    'predict.inside.filtersShape': 'liczba filtrów: {count}, każdy {size}',
    'predict.inside.filtersLabel':
      'Filtry ({count}), każdy {size} wag w kolorach niebieskim, białym i czerwonym',
    'predict.inside.filtersNote':
      'Czerwone wagi dodają jasne piksele, niebieskie je odejmują, a białe je pomijają. Filtr z czerwienią po jednej stronie i błękitem po drugiej szuka krawędzi.',
  },
);
