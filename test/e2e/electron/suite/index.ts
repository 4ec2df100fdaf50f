/** Entry point that @vscode/test-electron loads in the extension host (`extensionTestsPath`). */
import { runAll } from './runner';
import './extension.e2e';

export function run(): Promise<void> {
  return runAll();
}
