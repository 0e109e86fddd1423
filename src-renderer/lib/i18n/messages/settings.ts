import { defineMessages } from '../define';

export const settings = defineMessages(
  {
    'settings.open': 'Teacher settings',
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
  },
  {
    'settings.open': 'Ustawienia nauczyciela',
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
  },
);
