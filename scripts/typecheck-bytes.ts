// `tsc --noEmit -p tsconfig.bytes.json`, reporting only the files that config includes: the byte
// parsers are held to noUncheckedIndexedAccess, the code they import is not (yet).
import path from 'node:path';
import ts from 'typescript';

const CONFIG = path.resolve(import.meta.dirname, '..', 'tsconfig.bytes.json');

const parsed = ts.getParsedCommandLineOfConfigFile(CONFIG, undefined, {
  ...ts.sys,
  onUnRecoverableConfigFileDiagnostic: (d) => {
    throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
  },
});
if (!parsed) throw new Error(`cannot read ${CONFIG}`);

const program = ts.createProgram(parsed.fileNames, parsed.options);
const own = new Set(parsed.fileNames.map((f) => path.resolve(f)));
const diagnostics = [
  ...parsed.errors,
  ...program.getOptionsDiagnostics(),
  ...program.getGlobalDiagnostics(),
  ...program
    .getSourceFiles()
    .filter((file) => own.has(path.resolve(file.fileName)))
    .flatMap((file) => [
      ...program.getSyntacticDiagnostics(file),
      ...program.getSemanticDiagnostics(file),
    ]),
];

if (diagnostics.length > 0) {
  const host: ts.FormatDiagnosticsHost = {
    getCanonicalFileName: (f) => f,
    getCurrentDirectory: () => process.cwd(),
    getNewLine: () => '\n',
  };
  process.stderr.write(ts.formatDiagnosticsWithColorAndContext(diagnostics, host));
  process.stderr.write(
    `\n${diagnostics.length} error(s) in the byte parsers (tsconfig.bytes.json)\n`,
  );
  process.exitCode = 1;
}
