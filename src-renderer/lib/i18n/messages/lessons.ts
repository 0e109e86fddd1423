import { defineMessages } from '../define';

// The Lessons tab: the notebook's eight steps told to campers, the ladder, beat the notebook, and
// the teacher's lesson settings.
export const lessons = defineMessages(
  {
    'nav.lessons': 'Lessons',
    'lessons.title': 'Lessons: the notebook in eight steps',
    'lessons.intro':
      'Eight networks, from the simplest one to a fully convolutional one. Each step adds one new idea: build the network, train it, and see what changed.',
    'lessons.loading': 'Loading the lessons…',
    'lessons.progress': '{done} of {total} steps done',
    'lessons.steps': 'Steps',
    'lessons.stepN': 'Step {n}',
    'lessons.state.done': 'done',
    'lessons.state.training': 'training',
    'lessons.state.closed': 'not open yet',
    'lessons.state.todo': 'to do',
    'lessons.noLetters':
      'Open some letters first (the Letters tab): every step trains on them, and the ladder compares steps on the same letters.',
    'lessons.warning': 'The lessons started again: {message}',
    'lessons.error': 'That did not work: {message}',
    'lessons.dismiss': 'OK',
    'lessons.closed':
      'Your teacher opens this step when the class is ready. Until then, look back at the steps before it.',
    'lessons.teacher.openNext': 'Teacher: open step {n} for this laptop',
    'lessons.teacher.opened': 'Step {n} is open.',
    'lessons.prev': 'Previous step',
    'lessons.next': 'Next step',

    'lessons.new': 'What is new',
    'lessons.build': 'Build it',
    'lessons.build.intro':
      'Build this network in the Build tab, block by block, from the picture to the answer:',
    'lessons.build.output': 'the answer layer Dense(10, softmax), added by itself',
    'lessons.build.compile':
      'It learns with {optimizer} (learning rate {rate}) in batches of {batch} letters.',
    'lessons.build.matches': 'Your network in the Build tab is this step’s network.',
    'lessons.build.notYet': 'Not yet. {hint}',
    'lessons.build.more': 'Tell me exactly',
    'lessons.build.others': 'Left to change after this one: {n}.',
    'lessons.build.openBuilder': 'Open the Build tab',
    'lessons.build.readyMade': 'Load it ready-made',
    'lessons.build.locked': 'Your teacher wants everyone to build this network themselves.',
    'lessons.build.readyMadeLocked':
      'This is the ready-made network from the notebook’s models, and your teacher wants you to build it yourself: it does not count. Start from another network in the Build tab and add the blocks one by one.',
    'lessons.build.loaded': 'Step {n}’s network is now in the Build tab.',
    'lessons.build.whose.built': 'You built it yourself.',
    'lessons.banner.matches': 'this is the step’s network. Go back to the lesson to train it.',
    'lessons.banner.back': 'Back to the lesson',
    'lessons.banner.readyMadeLocked':
      'this is the ready-made network, and your teacher wants you to build it yourself. Start from another network and add the blocks one by one.',
    'lessons.banner.close': 'Hide the lesson’s check',
    'lessons.build.whose.ready': 'You loaded it ready-made.',

    'lessons.train': 'Train it',
    'lessons.train.epochs': 'The notebook trains it for {epochs} epochs.',
    'lessons.train.capped': 'Your teacher made it {epochs} epochs here, so it finishes in time.',
    'lessons.train.start': 'Train step {n}',
    'lessons.train.again': 'Train step {n} again',
    'lessons.train.needNetwork': 'First build the step’s network (above).',
    'lessons.train.needLetters': 'First open some letters (the Letters tab).',
    'lessons.train.busy': 'Another network is training. Wait until it ends, or stop it.',
    'lessons.train.needOwn': 'First build the step’s network yourself (above).',
    'lessons.train.starting': 'Starting…',
    'lessons.train.running': 'Epoch {epoch} of {epochs}',
    'lessons.train.lastAcc': 'test accuracy after the last epoch: {acc}',
    'lessons.train.watch': 'Watch the live charts',
    'lessons.train.stop': 'Stop',

    'lessons.happened': 'What happened',
    'lessons.happened.none': 'Train the network to see how well it reads the test letters.',
    'lessons.happened.acc': 'Test accuracy',
    'lessons.happened.params': 'Parameters',
    'lessons.happened.time': 'Training time',
    'lessons.happened.epochs': 'Epochs',
    'lessons.happened.first':
      'This is the first rung of the ladder: every later step is compared with it.',
    'lessons.happened.noPrevious':
      'No earlier step is done on these letters yet, so there is nothing to compare with.',
    'lessons.happened.otherLetters':
      'This run learned from other letters than the ones open now. Train it again to put it on the ladder.',
    'lessons.happened.stopped':
      'It stopped after {epochs} of {target} epochs. Train it again to finish the step.',
    'lessons.happened.failed':
      'The training did not finish ({epochs} of {target} epochs): {why}. Train it again.',
    'lessons.happened.why.failed': 'it stopped with an error',
    'lessons.happened.why.crashed': 'the training process stopped working',
    'lessons.happened.why.interrupted': 'the app was closed while it trained',
    'lessons.happened.missing':
      'This step’s run was deleted from the lab notebook. Train it again.',
    'lessons.think': 'Think about it',

    // --- the eight steps: what is new, and a question ---
    'lessons.idea.pixels':
      'The simplest idea: every pixel votes. The 28x28 picture is unrolled into one long list of 784 numbers, and for every letter the network keeps one weight per pixel. A pixel that is dark where an A usually has ink adds to A’s score; softmax turns the ten scores into chances that add up to 100%. It learns with plain SGD: small, careful steps.',
    'lessons.ask.pixels':
      'The network looks at single pixels, each on its own. What happens to its answer if the same letter is drawn a bit further to the left?',
    'lessons.idea.hidden-layer':
      'A hidden layer in between: 128 neurons each look at all the pixels and learn their own mix of them. Their tanh activation bends every number into the range from −1 to 1, so the answer layer can combine whole patterns instead of single pixels. From here on the network learns with Adam, which picks its own step size for every weight.',
    'lessons.ask.hidden-layer':
      'This network has about 13 times more parameters than step 1. Did its accuracy grow 13 times too? Why not?',
    'lessons.idea.filters':
      'A convolution: 16 small 3x3 filters slide over the picture. Each filter is a tiny pattern, like a stroke going down or a corner, and lights up wherever the picture looks like it. “Same” padding adds a frame of zeros around the picture, so each of the 16 maps stays 28x28. The same nine weights are used in every place of the picture.',
    'lessons.ask.filters':
      'A filter has just 9 weights and a bias, yet this network has more parameters than the one in step 2. Where are almost all of them?',
    'lessons.idea.pooling':
      'Max pooling: the maps are cut into 2x2 squares and only the biggest number of each square is kept. Each map gets 4 times smaller, so the answer layer needs 4 times fewer weights, and a stroke found one pixel further away still counts. (This convolution has no padding, so its maps are 26x26, and 13x13 after pooling.)',
    'lessons.ask.pooling':
      'Pooling throws away three of every four numbers. What did that do to the accuracy, and what to the number of parameters?',
    'lessons.idea.deeper':
      'Going deeper: two convolutions, pooling, two more convolutions, pooling again. The first filters find simple strokes; the later ones see bigger parts of the picture and put strokes together into shapes like loops and crossings. The maps shrink (26, 24, 12, 10, 8, 4 pixels wide) while the filters grow from 16 to 32.',
    'lessons.ask.deeper':
      'This network has fewer parameters than step 4, but it takes longer to train. What does the computer spend all that time on?',
    'lessons.idea.dropout':
      'After the convolutions comes a hidden Dense layer of 64 neurons, with dropout: while the network learns, half of those 64 are switched off at random for every batch, a different half each time. No neuron can count on a partner, so each one learns something useful on its own. When the network answers for real, all of them are on.',
    'lessons.ask.dropout':
      'Look at the curves in the Train tab: is the training accuracy lower than the test accuracy now? How can dropout cause that?',
    'lessons.idea.batchnorm':
      'Batch normalization after the first convolution of each block: it shifts and scales the numbers so they stay around 0 with a steady spread, and then learns the best shift and scale by itself. Steady numbers often let a deep network learn faster. While learning it uses each batch’s own average; when answering, the averages it collected along the way.',
    'lessons.ask.batchnorm':
      'Batch normalization adds parameters that the optimizer never changes (the summary calls them non-trainable). What are they for?',
    'lessons.idea.global-pooling':
      'No Flatten at all: after the convolution blocks comes one more convolution with 128 filters, and then GlobalMaxPool2D keeps only the strongest signal of each filter, wherever in the picture it was. Those 128 numbers go on to a Dense layer, with dropout before and after it. Such a network does not care where the letter is, and it could read pictures of any size.',
    'lessons.ask.global-pooling':
      'Compare with step 1: which of the two networks would still know a letter moved into a corner of the picture? Why?',

    // --- the pictures ---
    'lessons.pic.pixels':
      'A small letter is unrolled into one long row of numbers; lines lead from the numbers to each of the ten letters A to J.',
    'lessons.pic.hidden-layer':
      'The row of pixel numbers is joined to a column of hidden neurons, and the hidden neurons to the ten letters.',
    'lessons.pic.filters':
      'A 3x3 window on the picture is multiplied by a 3x3 filter that looks for a stroke going down; the map lights up where the picture has such a stroke.',
    'lessons.pic.pooling':
      'A 4x4 grid of numbers is cut into four 2x2 squares; the biggest number of each square is kept, giving a 2x2 grid.',
    'lessons.pic.deeper':
      'Maps get smaller and more numerous from layer to layer: simple strokes first, then parts of letters.',
    'lessons.pic.dropout':
      'Two layers of neurons; half of the neurons in the hidden layer are crossed out and their connections are gone.',
    'lessons.pic.batchnorm':
      'A wide, off-centre spread of numbers becomes a narrow spread around zero.',
    'lessons.pic.global-pooling':
      'Four maps each have their brightest spot in a different place; each map gives just that one biggest number.',
    'lessons.pic.input': 'picture',
    'lessons.pic.numbers': '784 numbers',
    'lessons.pic.hidden': 'hidden',
    'lessons.pic.filter': 'filter',
    'lessons.pic.map': 'map',
    'lessons.pic.max': 'max',
    'lessons.pic.strokes': 'strokes',
    'lessons.pic.parts': 'parts',
    'lessons.pic.off': 'switched off',
    'lessons.pic.before': 'before',
    'lessons.pic.after': 'after',

    // --- the ladder ---
    'lessons.ladder.title': 'The ladder',
    'lessons.ladder.intro':
      'Every finished step as a numbered dot: higher means more test letters read right. On the left, further right means more parameters; on the right, a longer training. Both sideways scales grow ten times at every main line.',
    'lessons.ladder.empty': 'Finish a step and it climbs onto the ladder.',
    'lessons.ladder.params': 'Parameters (log scale)',
    'lessons.ladder.time': 'Training time (log scale)',
    'lessons.ladder.acc': 'Test accuracy',
    'lessons.ladder.budget': 'budget {budget}',
    'lessons.ladder.picture':
      'The ladder: the test accuracy of every finished network against its parameters and against its training time.',
    'lessons.ladder.key.steps': 'numbered dots: the lesson’s steps, joined in order',
    'lessons.ladder.key.own': 'diamonds: your own networks in “beat the notebook”',
    'lessons.ladder.table': 'The ladder as a table',
    'lessons.ladder.network': 'Network',
    'lessons.ladder.point': '{name}: {acc}, {params} parameters, {time}',

    // --- beat the notebook ---
    'lessons.challenge.title': 'Beat the notebook',
    'lessons.challenge.later':
      'After the last step: design your own network with at most {budget} parameters and beat the notebook’s best one.',
    'lessons.challenge.intro':
      'Design your own network with at most {budget} parameters (your teacher’s budget) and get a better test accuracy than the notebook did within that budget. Build it in the Build tab and train it in the Train tab, as often as you like.',
    'lessons.challenge.target': 'To beat: step {n}, {name}, with {acc} ({params} parameters).',
    'lessons.challenge.noTarget':
      'None of the notebook’s networks fits this budget: any network of yours within it is a win.',
    'lessons.challenge.score':
      'Each of your finished networks is scored by its accuracy on the test letters after its last epoch.',
    'lessons.challenge.none': 'No network of yours within the budget yet.',
    'lessons.challenge.entries': 'Your networks within the budget, best first',
    'lessons.challenge.entry': '{name}: {acc} with {params} parameters',
    'lessons.challenge.over': '{n} of your networks were over the budget and do not count.',
    'lessons.challenge.beaten': 'You beat the notebook! {name} reads {acc} of the test letters.',

    // --- report ---
    'lessons.report.download': 'Download the lessons report',
    'lessons.report.making': 'Making the report…',
    'lessons.report.saved': 'Saved {file}.',

    // --- teacher settings ---
    'lessons.settings.title': 'Lessons',
    'lessons.settings.steps': 'Steps the campers do',
    'lessons.settings.cap': 'Most epochs per step (for slow laptops)',
    'lessons.settings.capNone': 'none',
    'lessons.settings.capHelp': 'Empty: each step trains for the notebook’s epochs (10, or 20).',
    'lessons.settings.lock':
      'Campers must build every network themselves (no “load it ready-made”)',
    'lessons.settings.pace': 'Class pace: steps open one at a time',
    'lessons.settings.opened': 'Steps open',
    'lessons.settings.budget': 'Beat the notebook: most parameters',
    'lessons.settings.reset': 'Start the lessons again (a new group)',
    'lessons.settings.resetAsk':
      'Start again from step 1 on this laptop? The trained networks stay in the lab notebook.',
    'lessons.settings.resetYes': 'Yes, start again',
    'lessons.settings.resetNo': 'Cancel',
    'lessons.settings.resetDone': 'The lessons start again from step 1.',
    'lessons.settings.capNotebook': 'the notebook’s epochs',
    'lessons.settings.bad.epochCap':
      'Most epochs per step must be a whole number from {min} to {max}, or empty for the notebook’s epochs. It stays at {now}.',
    'lessons.settings.bad.opened':
      'Steps open must be a whole number from {min} to {max} (the steps that are on). It stays at {now}.',
    'lessons.settings.bad.budget':
      'The budget must be a whole number of parameters from {min} to {max}. It stays at {now}.',
  },
  {
    'nav.lessons': 'Lekcje',
    'lessons.title': 'Lekcje: notatnik w ośmiu krokach',
    'lessons.intro':
      'Osiem sieci, od najprostszej do w pełni konwolucyjnej. Każdy krok dodaje jeden nowy pomysł: zbuduj sieć, wytrenuj ją i zobacz, co się zmieniło.',
    'lessons.loading': 'Wczytywanie lekcji…',
    'lessons.progress': 'Ukończone kroki: {done} z {total}',
    'lessons.steps': 'Kroki',
    'lessons.stepN': 'Krok {n}',
    'lessons.state.done': 'gotowe',
    'lessons.state.training': 'trening',
    'lessons.state.closed': 'jeszcze zamknięty',
    'lessons.state.todo': 'do zrobienia',
    'lessons.noLetters':
      'Najpierw otwórz litery (zakładka Litery): każdy krok trenuje się na nich, a drabina porównuje kroki na tych samych literach.',
    'lessons.warning': 'Lekcje zaczęły się od nowa: {message}',
    'lessons.error': 'To się nie udało: {message}',
    'lessons.dismiss': 'OK',
    'lessons.closed':
      'Nauczyciel otworzy ten krok, gdy klasa będzie gotowa. Do tego czasu wróć do wcześniejszych kroków.',
    'lessons.teacher.openNext': 'Nauczyciel: otwórz krok {n} na tym laptopie',
    'lessons.teacher.opened': 'Krok {n} jest otwarty.',
    'lessons.prev': 'Poprzedni krok',
    'lessons.next': 'Następny krok',

    'lessons.new': 'Co nowego',
    'lessons.build': 'Zbuduj',
    'lessons.build.intro':
      'Zbuduj tę sieć w zakładce Budowanie, blok po bloku, od obrazka do odpowiedzi:',
    'lessons.build.output': 'warstwa odpowiedzi Dense(10, softmax), dodawana sama',
    'lessons.build.compile':
      'Uczy się optymalizatorem {optimizer} (tempo uczenia {rate}) w paczkach po {batch} liter.',
    'lessons.build.matches': 'Twoja sieć w zakładce Budowanie to sieć tego kroku.',
    'lessons.build.notYet': 'Jeszcze nie. {hint}',
    'lessons.build.more': 'Powiedz dokładnie',
    'lessons.build.others': 'Do zmiany zostanie jeszcze: {n}.',
    'lessons.build.openBuilder': 'Otwórz zakładkę Budowanie',
    'lessons.build.readyMade': 'Wczytaj gotową',
    'lessons.build.locked': 'Nauczyciel chce, żeby każdy zbudował tę sieć samodzielnie.',
    'lessons.build.readyMadeLocked':
      'To gotowa sieć z modeli notatnika, a nauczyciel chce, żeby tę sieć zbudować samodzielnie: ta się nie liczy. Zacznij w zakładce Budowanie od innej sieci i dodawaj bloki po kolei.',
    'lessons.build.loaded': 'Sieć z kroku {n} jest teraz w zakładce Budowanie.',
    'lessons.build.whose.built': 'Zbudowana samodzielnie.',
    'lessons.banner.matches': 'to już sieć tego kroku. Wróć do lekcji, żeby ją wytrenować.',
    'lessons.banner.back': 'Wróć do lekcji',
    'lessons.banner.readyMadeLocked':
      'to gotowa sieć, a nauczyciel chce, żeby tę sieć zbudować samodzielnie. Zacznij od innej sieci i dodawaj bloki po kolei.',
    'lessons.banner.close': 'Ukryj sprawdzanie lekcji',
    'lessons.build.whose.ready': 'Wczytana gotowa.',

    'lessons.train': 'Wytrenuj',
    'lessons.train.epochs': 'Notatnik trenuje ją przez {epochs} epok.',
    'lessons.train.capped':
      'Nauczyciel ustawił tu liczbę epok na {epochs}, żeby trening zdążył się skończyć.',
    'lessons.train.start': 'Trenuj krok {n}',
    'lessons.train.again': 'Trenuj krok {n} jeszcze raz',
    'lessons.train.needNetwork': 'Najpierw zbuduj sieć tego kroku (wyżej).',
    'lessons.train.needLetters': 'Najpierw otwórz litery (zakładka Litery).',
    'lessons.train.busy': 'Trenuje się inna sieć. Poczekaj, aż skończy, albo ją zatrzymaj.',
    'lessons.train.needOwn': 'Najpierw zbuduj sieć tego kroku samodzielnie (wyżej).',
    'lessons.train.starting': 'Uruchamianie…',
    'lessons.train.running': 'Epoka {epoch} z {epochs}',
    'lessons.train.lastAcc': 'trafność na literach testowych po ostatniej epoce: {acc}',
    'lessons.train.watch': 'Zobacz wykresy na żywo',
    'lessons.train.stop': 'Zatrzymaj',

    'lessons.happened': 'Co się stało',
    'lessons.happened.none': 'Wytrenuj sieć, żeby zobaczyć, jak dobrze czyta litery testowe.',
    'lessons.happened.acc': 'Trafność na literach testowych',
    'lessons.happened.params': 'Parametry',
    'lessons.happened.time': 'Czas treningu',
    'lessons.happened.epochs': 'Epoki',
    'lessons.happened.first':
      'To pierwszy szczebel drabiny: każdy następny krok będzie z nim porównany.',
    'lessons.happened.noPrevious':
      'Na tych literach nie ma jeszcze ukończonego wcześniejszego kroku, więc nie ma z czym porównać.',
    'lessons.happened.otherLetters':
      'Ten trening uczył się na innych literach niż te, które są teraz otwarte. Wytrenuj sieć jeszcze raz, żeby trafiła na drabinę.',
    'lessons.happened.stopped':
      'Trening zatrzymał się po {epochs} z {target} epok. Wytrenuj sieć jeszcze raz, żeby skończyć krok.',
    'lessons.happened.failed':
      'Trening się nie skończył ({epochs} z {target} epok): {why}. Wytrenuj sieć jeszcze raz.',
    'lessons.happened.why.failed': 'przerwał go błąd',
    'lessons.happened.why.crashed': 'proces treningu przestał działać',
    'lessons.happened.why.interrupted': 'aplikację zamknięto w trakcie treningu',
    'lessons.happened.missing':
      'Trening tego kroku został usunięty z dziennika. Wytrenuj sieć jeszcze raz.',
    'lessons.think': 'Do przemyślenia',

    'lessons.idea.pixels':
      'Najprostszy pomysł: każdy piksel głosuje. Obrazek 28x28 zostaje rozwinięty w jedną długą listę 784 liczb, a sieć ma dla każdej litery po jednej wadze na każdy piksel. Piksel ciemny tam, gdzie A zwykle ma tusz, dodaje punkty literze A; softmax zamienia dziesięć wyników w szanse, które razem dają 100%. Sieć uczy się zwykłym SGD: małymi, ostrożnymi krokami.',
    'lessons.ask.pixels':
      'Sieć patrzy na pojedyncze piksele, każdy osobno. Co stanie się z jej odpowiedzią, jeśli ta sama litera będzie narysowana trochę bardziej w lewo?',
    'lessons.idea.hidden-layer':
      'Warstwa ukryta pośrodku: 128 neuronów patrzy na wszystkie piksele i każdy uczy się własnej ich mieszanki. Aktywacja tanh wygina każdą liczbę do zakresu od −1 do 1, więc warstwa odpowiedzi może łączyć całe wzory zamiast pojedynczych pikseli. Od tego kroku sieć uczy się z Adamem, który sam dobiera wielkość kroku dla każdej wagi.',
    'lessons.ask.hidden-layer':
      'Ta sieć ma około 13 razy więcej parametrów niż w kroku 1. Czy jej trafność też urosła 13 razy? Dlaczego nie?',
    'lessons.idea.filters':
      'Konwolucja: 16 małych filtrów 3x3 przesuwa się po obrazku. Każdy filtr to malutki wzorek, na przykład kreska w dół albo róg, i świeci się wszędzie tam, gdzie obrazek jest do niego podobny. Padding „same” dodaje wokół obrazka ramkę z zer, więc każda z 16 map ma nadal 28x28. Te same dziewięć wag działa w każdym miejscu obrazka.',
    'lessons.ask.filters':
      'Filtr ma tylko 9 wag i jedno przesunięcie, a mimo to ta sieć ma więcej parametrów niż sieć z kroku 2. Gdzie jest prawie cała reszta?',
    'lessons.idea.pooling':
      'Max pooling: mapy są cięte na kwadraty 2x2 i z każdego zostaje tylko największa liczba. Każda mapa robi się 4 razy mniejsza, więc warstwa odpowiedzi potrzebuje 4 razy mniej wag, a kreska znaleziona piksel dalej wciąż się liczy. (Ta konwolucja nie ma paddingu, więc jej mapy mają 26x26, a po poolingu 13x13).',
    'lessons.ask.pooling':
      'Pooling wyrzuca trzy z każdych czterech liczb. Co to zmieniło w trafności, a co w liczbie parametrów?',
    'lessons.idea.deeper':
      'Głębiej: dwie konwolucje, pooling, jeszcze dwie konwolucje i znowu pooling. Pierwsze filtry znajdują proste kreski, a kolejne widzą większe kawałki obrazka i składają kreski w kształty, takie jak pętle i skrzyżowania. Mapy maleją (mają 26, 24, 12, 10, 8 i 4 piksele szerokości), a filtrów przybywa: z 16 do 32.',
    'lessons.ask.deeper':
      'Ta sieć ma mniej parametrów niż w kroku 4, a trenuje się dłużej. Na co komputer zużywa cały ten czas?',
    'lessons.idea.dropout':
      'Po konwolucjach jest ukryta warstwa Dense z 64 neuronami, a za nią dropout: podczas nauki w każdej paczce połowa z tych 64 jest losowo wyłączana, za każdym razem inna. Żaden neuron nie może liczyć na partnera, więc każdy uczy się czegoś przydatnego sam. Gdy sieć odpowiada naprawdę, wszystkie są włączone.',
    'lessons.ask.dropout':
      'Spójrz na krzywe w zakładce Trening: czy trafność treningowa jest teraz niższa niż testowa? Jak dropout może to spowodować?',
    'lessons.idea.batchnorm':
      'Normalizacja wsadowa po pierwszej konwolucji każdego bloku: przesuwa i skaluje liczby tak, żeby trzymały się wokół 0 ze stałym rozrzutem, a potem sama uczy się najlepszego przesunięcia i skali. Spokojne liczby często pozwalają głębokiej sieci uczyć się szybciej. Podczas nauki używa średniej z bieżącej paczki, a przy odpowiadaniu średnich zebranych po drodze.',
    'lessons.ask.batchnorm':
      'Normalizacja wsadowa dodaje parametry, których optymalizator nigdy nie zmienia (podsumowanie nazywa je nietrenowalnymi). Do czego służą?',
    'lessons.idea.global-pooling':
      'Wcale bez Flatten: po blokach konwolucji jest jeszcze jedna konwolucja ze 128 filtrami, a potem GlobalMaxPool2D zostawia tylko najsilniejszy sygnał każdego filtra, gdziekolwiek na obrazku był. Te 128 liczb idzie dalej do warstwy Dense, z dropoutem przed nią i za nią. Takiej sieci nie obchodzi, gdzie leży litera, i mogłaby czytać obrazki dowolnej wielkości.',
    'lessons.ask.global-pooling':
      'Porównaj z krokiem 1: która z tych dwóch sieci rozpozna literę przesuniętą w róg obrazka? Dlaczego?',

    'lessons.pic.pixels':
      'Mała litera zostaje rozwinięta w jeden długi rząd liczb; od liczb prowadzą linie do każdej z dziesięciu liter od A do J.',
    'lessons.pic.hidden-layer':
      'Rząd liczb z pikseli jest połączony z kolumną ukrytych neuronów, a ukryte neurony z dziesięcioma literami.',
    'lessons.pic.filters':
      'Okienko 3x3 na obrazku jest mnożone przez filtr 3x3, który szuka kreski w dół; mapa świeci się tam, gdzie obrazek ma taką kreskę.',
    'lessons.pic.pooling':
      'Siatka liczb 4x4 jest podzielona na cztery kwadraty 2x2; z każdego zostaje największa liczba i powstaje siatka 2x2.',
    'lessons.pic.deeper':
      'Z warstwy na warstwę mapy są mniejsze, a jest ich więcej: najpierw proste kreski, potem części liter.',
    'lessons.pic.dropout':
      'Dwie warstwy neuronów; połowa neuronów w warstwie ukrytej jest przekreślona, a ich połączeń nie ma.',
    'lessons.pic.batchnorm':
      'Szeroki, przesunięty rozrzut liczb zmienia się w wąski rozrzut wokół zera.',
    'lessons.pic.global-pooling':
      'Cztery mapy mają najjaśniejsze miejsce w różnych miejscach; z każdej mapy zostaje tylko ta jedna największa liczba.',
    'lessons.pic.input': 'obrazek',
    'lessons.pic.numbers': '784 liczby',
    'lessons.pic.hidden': 'ukryta',
    'lessons.pic.filter': 'filtr',
    'lessons.pic.map': 'mapa',
    'lessons.pic.max': 'maks.',
    'lessons.pic.strokes': 'kreski',
    'lessons.pic.parts': 'części',
    'lessons.pic.off': 'wyłączone',
    'lessons.pic.before': 'przed',
    'lessons.pic.after': 'po',

    'lessons.ladder.title': 'Drabina',
    'lessons.ladder.intro':
      'Każdy ukończony krok to kropka z numerem: wyżej znaczy więcej dobrze przeczytanych liter testowych. Po lewej dalej w prawo znaczy więcej parametrów, po prawej dłuższy trening. Obie poziome skale rosną dziesięciokrotnie przy każdej głównej linii.',
    'lessons.ladder.empty': 'Ukończ krok, a wejdzie na drabinę.',
    'lessons.ladder.params': 'Parametry (skala logarytmiczna)',
    'lessons.ladder.time': 'Czas treningu (skala logarytmiczna)',
    'lessons.ladder.acc': 'Trafność na literach testowych',
    'lessons.ladder.budget': 'limit {budget}',
    'lessons.ladder.picture':
      'Drabina: trafność każdej ukończonej sieci na literach testowych względem jej parametrów i czasu treningu.',
    'lessons.ladder.key.steps': 'kropki z numerami: kroki lekcji, połączone po kolei',
    'lessons.ladder.key.own': 'romby: twoje własne sieci w „Pobij notatnik”',
    'lessons.ladder.table': 'Drabina jako tabela',
    'lessons.ladder.network': 'Sieć',
    'lessons.ladder.point': '{name}: {acc}, parametry: {params}, {time}',

    'lessons.challenge.title': 'Pobij notatnik',
    'lessons.challenge.later':
      'Po ostatnim kroku: zaprojektuj własną sieć z co najwyżej {budget} parametrami i pobij najlepszą sieć z notatnika.',
    'lessons.challenge.intro':
      'Zaprojektuj własną sieć z co najwyżej {budget} parametrami (to limit nauczyciela) i osiągnij lepszą trafność na literach testowych niż notatnik w tym limicie. Zbuduj ją w zakładce Budowanie i wytrenuj w zakładce Trening, tyle razy, ile chcesz.',
    'lessons.challenge.target':
      'Do pobicia: krok {n}, {name}, z wynikiem {acc} (parametry: {params}).',
    'lessons.challenge.noTarget':
      'Żadna sieć z notatnika nie mieści się w tym limicie: każda twoja sieć w limicie wygrywa.',
    'lessons.challenge.score':
      'Każda twoja ukończona sieć dostaje wynik: trafność na literach testowych po ostatniej epoce.',
    'lessons.challenge.none': 'Nie masz jeszcze sieci w tym limicie.',
    'lessons.challenge.entries': 'Twoje sieci w limicie, od najlepszej',
    'lessons.challenge.entry': '{name}: {acc}, parametry: {params}',
    'lessons.challenge.over': 'Twoje sieci ponad limitem (nie liczą się): {n}.',
    'lessons.challenge.beaten': 'Notatnik pobity! {name} czyta {acc} liter testowych.',

    'lessons.report.download': 'Pobierz raport z lekcji',
    'lessons.report.making': 'Tworzenie raportu…',
    'lessons.report.saved': 'Zapisano {file}.',

    'lessons.settings.title': 'Lekcje',
    'lessons.settings.steps': 'Kroki, które robią uczestnicy',
    'lessons.settings.cap': 'Najwięcej epok na krok (dla wolnych laptopów)',
    'lessons.settings.capNone': 'brak',
    'lessons.settings.capHelp':
      'Puste pole: każdy krok trenuje się tyle epok, ile w notatniku (10 albo 20).',
    'lessons.settings.lock': 'Uczestnicy muszą sami zbudować każdą sieć (bez „Wczytaj gotową”)',
    'lessons.settings.pace': 'Tempo klasy: kroki otwierają się po jednym',
    'lessons.settings.opened': 'Otwarte kroki',
    'lessons.settings.budget': 'Pobij notatnik: najwięcej parametrów',
    'lessons.settings.reset': 'Zacznij lekcje od nowa (nowa grupa)',
    'lessons.settings.resetAsk':
      'Zacząć od kroku 1 na tym laptopie? Wytrenowane sieci zostaną w dzienniku.',
    'lessons.settings.resetYes': 'Tak, zacznij od nowa',
    'lessons.settings.resetNo': 'Anuluj',
    'lessons.settings.resetDone': 'Lekcje zaczynają się od kroku 1.',
    'lessons.settings.capNotebook': 'tyle epok, ile w notatniku',
    'lessons.settings.bad.epochCap':
      'Najwięcej epok na krok to liczba całkowita od {min} do {max} albo puste pole (tyle epok, ile w notatniku). Zostaje: {now}.',
    'lessons.settings.bad.opened':
      'Otwarte kroki to liczba całkowita od {min} do {max} (tyle kroków jest włączonych). Zostaje: {now}.',
    'lessons.settings.bad.budget':
      'Limit to liczba całkowita parametrów od {min} do {max}. Zostaje: {now}.',
  },
);
