import { defineMessages } from '../define';

export const settings = defineMessages(
  {
    'settings.open': 'Teacher settings',
    'settings.openShort': 'Teacher',
    'settings.title': 'Teacher settings',
    'settings.close': 'Close',
    'settings.language': 'Language of the app',
    'settings.defaultDataset': 'Default letters file',
    'settings.defaultDatasetNone': 'None: the last file opened, else the sample letters.',
    'settings.useCurrent': 'Use the open file as the default',
    'settings.clearDefault': 'Clear',
    'settings.lockPresets': 'Lock the presets (campers can load them but not change them)',
    'settings.reset': 'Reset all settings',
    'settings.resetDone': 'Settings are back to their defaults.',
    'settings.corrupt': 'The settings file was damaged: {message}',
    'settings.saved': 'Saved.',
    'settings.pin.title': 'Teacher PIN',
    'settings.pin.none':
      'No PIN yet: anyone can lock the presets, change the lessons’ settings or reset the settings. Set one to keep them for the teacher.',
    'settings.pin.set':
      'A PIN protects locking the presets, the lessons’ settings and resetting the settings.',
    'settings.pin.enter': 'Teacher PIN',
    'settings.pin.enterHint':
      'Needed to lock or unlock the presets, to change the lessons’ settings and to reset the settings.',
    'settings.pin.new': 'New PIN (4 to 12 digits)',
    'settings.pin.save': 'Set the PIN',
    'settings.pin.change': 'Change the PIN',
    'settings.pin.remove': 'Remove the PIN',
    'settings.pin.saved':
      'The PIN is set. Only someone who knows it can lock the presets, change the lessons or reset.',
    'settings.pin.removed': 'The PIN is removed.',
  },
  {
    'settings.open': 'Ustawienia nauczyciela',
    'settings.openShort': 'Nauczyciel',
    'settings.title': 'Ustawienia nauczyciela',
    'settings.close': 'Zamknij',
    'settings.language': 'Język aplikacji',
    'settings.defaultDataset': 'Domyślny plik z literami',
    'settings.defaultDatasetNone':
      'Brak: ostatnio otwarty plik, a jeśli go nie ma, przykładowe litery.',
    'settings.useCurrent': 'Ustaw otwarty plik jako domyślny',
    'settings.clearDefault': 'Wyczyść',
    'settings.lockPresets': 'Zablokuj gotowe modele (uczestnicy mogą je wczytać, ale nie zmieniać)',
    'settings.reset': 'Przywróć ustawienia domyślne',
    'settings.resetDone': 'Przywrócono ustawienia domyślne.',
    'settings.corrupt': 'Plik ustawień był uszkodzony: {message}',
    'settings.saved': 'Zapisano.',
    'settings.pin.title': 'PIN nauczyciela',
    'settings.pin.none':
      'Nie ma jeszcze PIN-u: każdy może zablokować gotowe modele, zmienić ustawienia lekcji albo przywrócić ustawienia. Ustaw PIN, żeby zostawić to nauczycielowi.',
    'settings.pin.set':
      'PIN chroni blokowanie gotowych modeli, ustawienia lekcji i przywracanie ustawień.',
    'settings.pin.enter': 'PIN nauczyciela',
    'settings.pin.enterHint':
      'Potrzebny, żeby zablokować lub odblokować gotowe modele, zmienić ustawienia lekcji i przywrócić ustawienia.',
    'settings.pin.new': 'Nowy PIN (od 4 do 12 cyfr)',
    'settings.pin.save': 'Ustaw PIN',
    'settings.pin.change': 'Zmień PIN',
    'settings.pin.remove': 'Usuń PIN',
    'settings.pin.saved':
      'PIN jest ustawiony. Tylko ktoś, kto go zna, może zablokować gotowe modele, zmienić lekcje albo przywrócić ustawienia.',
    'settings.pin.removed': 'PIN został usunięty.',
  },
);
